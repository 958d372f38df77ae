import type { Command } from 'commander';
import { getFormatter, yakugoTool } from '../../../check/formatters/index.js';
import { describeLintRules, runGlossaryLint } from '../../../glossary/maintain/lint/run.js';
import { cliContext } from '../../context.js';
import { defineMessages, uiLanguage } from '../../../util/i18n.js';
import { collect, parseMaxWarnings, setExitCodeForProblems, withProblemOutputOptions } from '../../problems.js';

const t = defineMessages('glossary-lint', {
  en: {
    description: 'check the glossary itself: duplicate ids and terms, missing translations, terms that can never match; exit 1 on errors',
    rule: 'only these rules (repeat or separate with commas; also runs rules that are off by default, such as glossary/unused)',
    clean: '✔ {{concepts}} concept(s) in {{files}} file(s): no problems',
  },
  ja: {
    description: '用語集そのものを検査する: ID や用語の重複、訳語の欠落、一致しえない用語。エラーがあれば終了コード 1',
    rule: '対象のルール(繰り返すかカンマ区切り。glossary/unused のような既定で無効なルールも実行する)',
    clean: '✔ 概念 {{concepts}} 件(ファイル {{files}} 件):問題はありません',
  },
});

export function register(group: Command): void {
  withProblemOutputOptions(group.command('lint').description(t('description')))
    .option('--rule <id>', t('rule'), collect)
    .action(async (options: { format: string; maxWarnings?: string; rule?: string[] }, command: Command) => {
      const context = cliContext(command);
      const format = getFormatter(options.format);
      const maxWarnings = parseMaxWarnings(options.maxWarnings);
      const result = await runGlossaryLint(context.project, { rules: options.rule });
      context.stdout.write(format(result.problems, { rules: describeLintRules(result.rules, uiLanguage()), colors: context.colors, tool: yakugoTool() }));
      if (options.format === 'stylish' && result.problems.length === 0) {
        context.stderr.write(`${context.colors.green(t('clean', { concepts: result.concepts, files: result.files.length }))}\n`);
      }
      setExitCodeForProblems(context, result.problems, maxWarnings);
    });
}
