import { relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { loadGlossary, parseGlossaryFile } from '../../../glossary/load.js';
import { type AddRequest, conceptFromRequest, duplicatesOf, fileWithConcepts } from '../../../glossary/maintain/add.js';
import { withBom } from '../../../glossary/maintain/text-file.js';
import { commitWrites } from '../../../catalog/commit.js';
import { withProjectLock } from '../../../project/lock.js';
import { changedWhileRunning } from '../../../util/input-messages.js';
import type { Concept, Glossary } from '../../../glossary/types.js';
import { EXIT_INPUT, YakugoError } from '../../../util/errors.js';
import { type CliContext, cliContext } from '../../context.js';
import { defineMessages } from '../../../util/i18n.js';
import { readBytesIfExists } from '../../../util/fs.js';
import { addFromSuggestions } from './add-interactive.js';

const t = defineMessages('glossary-add', {
  en: {
    description: 'append a concept to a glossary file (other bytes of the file stay as they are): glossary add 蒸留 --en distillation --zh-Hans 蒸馏',
    term: 'the Japanese term',
    id: 'concept id (default: from the English term; required for a Japanese-only concept)',
    file: 'glossary file to append to (default: the only glossary file, or glossary/glossary.yaml when there is none)',
    domain: 'domain (subject field) of the concept',
    definition: 'one-sentence English definition',
    note: 'note for translators',
    noTranslate: 'a name kept as is in every language (DeepSeek, NVIDIA)',
    fromSuggest: 'review the top N `glossary suggest` candidates one by one (terminal only)',
    languageHelp: 'target terms: --<language> TERM for each configured language ({{languages}})',
    noTerm: 'give the Japanese term (glossary add 蒸留 --en distillation) or --from-suggest N',
    unknownLanguage: 'unknown option or language "{{option}}" (configured languages: {{languages}})',
    missingValue: 'option {{option}} needs a term',
    extraArguments: 'unexpected arguments: {{args}} (quote a term that has spaces: "フィジカル AI")',
    manyFiles: 'several glossary files ({{files}}): pass --file',
    duplicate: 'not added: {{reason}}',
    added: 'added concept "{{id}}" to {{file}}',
  },
  ja: {
    description: '用語集ファイルに概念を追記する(ファイルの他の部分はそのまま): glossary add 蒸留 --en distillation --zh-Hans 蒸馏',
    term: '日本語の用語',
    id: '概念の ID(既定: 英語の訳語から作る。日本語だけの概念では必須)',
    file: '追記する用語集ファイル(既定: 用語集ファイルが一つならそれ、なければ glossary/glossary.yaml)',
    domain: '概念の分野',
    definition: '英語の一文の定義',
    note: '翻訳者向けの注記',
    noTranslate: 'どの言語でもそのまま書く名前(DeepSeek、NVIDIA)',
    fromSuggest: '`glossary suggest` の上位 N 件を一件ずつ確認して追加する(端末でのみ)',
    languageHelp: '訳語: 設定された言語ごとに --<言語> 訳語({{languages}})',
    noTerm: '日本語の用語(glossary add 蒸留 --en distillation)か --from-suggest N を指定してください',
    unknownLanguage: '未知のオプションまたは言語 "{{option}}"(設定済みの言語: {{languages}})',
    missingValue: 'オプション {{option}} には訳語が必要です',
    extraArguments: '余分な引数: {{args}}(空白を含む用語は引用符で囲んでください: "フィジカル AI")',
    manyFiles: '用語集ファイルが複数あります({{files}})。--file を指定してください',
    duplicate: '追加しません: {{reason}}',
    added: '概念 "{{id}}" を {{file}} に追加しました',
  },
});

interface AddOptions {
  id?: string;
  file?: string;
  domain?: string;
  definition?: string;
  note?: string;
  translate?: boolean;
  fromSuggest?: string;
}

/**
 * `--en distillation`, `--zh-Hans=蒸馏` among the arguments commander left (it does not know the configured
 * languages when the program is built), checked against the configured languages; the rest are positional.
 */
export function targetOptions(args: readonly string[], languages: readonly string[]): { targets: Record<string, string>; positional: string[] } {
  const targets: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!languages.includes(name)) throw new YakugoError(t('unknownLanguage', { option: arg, languages: languages.join(', ') }));
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new YakugoError(t('missingValue', { option: `--${name}` }));
    targets[name] = value;
  }
  return { targets, positional };
}

/** The glossary file to write: `--file`, else the only glossary file, else `glossary/glossary.yaml`. */
export function targetFile(context: CliContext, glossary: Glossary, file: string | undefined): { file: string; shown: string } {
  const { project } = context;
  let absolute: string;
  if (file) absolute = resolve(file);
  else if (glossary.files.length === 1) absolute = resolve(project.root, glossary.files[0]!);
  else if (glossary.files.length === 0) absolute = resolve(project.dirs.glossary, 'glossary.yaml');
  else throw new YakugoError(t('manyFiles', { files: glossary.files.join(', ') }));
  return { file: absolute, shown: relative(project.root, absolute).split(sep).join('/') };
}

/** Appends `concepts` to the file after checking the result loads; refuses duplicates (exit 2). */
export function appendConcepts(context: CliContext, glossary: Glossary, concepts: Concept[], file: string, shown: string): void {
  const { project } = context;
  for (const concept of concepts) {
    const reasons = duplicatesOf(concept, glossary);
    if (reasons.length > 0) throw new YakugoError(reasons.map((reason) => t('duplicate', { reason })).join('\n'), { exitCode: EXIT_INPUT });
  }
  const order = [project.config.sourceLanguage, ...project.config.languages];
  withProjectLock(project, 'glossary add', () => {
    const snapshot = readBytesIfExists(file);
    const { after } = fileWithConcepts(file, shown, concepts, order);
    parseGlossaryFile(after, shown, { languages: project.config.languages });
    // An editor who saved the glossary file meanwhile keeps their version: refuse rather than overwrite.
    if (commitWrites([{ file, contents: withBom(after, snapshot), expected: snapshot }]).conflict !== undefined) throw changedWhileRunning(shown, []);
  });
  for (const concept of concepts) context.stderr.write(`${t('added', { id: concept.id, file: shown })}\n`);
}

export function register(group: Command): void {
  group
    .command('add')
    .description(t('description'))
    .argument('[term]', t('term'))
    .option('--id <ID>', t('id'))
    .option('--file <FILE>', t('file'))
    .option('--domain <DOMAIN>', t('domain'))
    .option('--definition <TEXT>', t('definition'))
    .option('--note <TEXT>', t('note'))
    .option('--no-translate', t('noTranslate'))
    .option('--from-suggest <N>', t('fromSuggest'))
    .addHelpText('after', () => `\n${t('languageHelp', { languages: 'en, zh-Hans…' })}\n`)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async (_term: string | undefined, options: AddOptions, command: Command) => {
      const context = cliContext(command);
      const { project } = context;
      const languages = project.config.languages;
      const glossary = await loadGlossary(project.dirs.glossary, { root: project.root, languages });
      const { file, shown } = targetFile(context, glossary, options.file);
      if (options.fromSuggest !== undefined) {
        await addFromSuggestions(context, glossary, Number(options.fromSuggest), (concepts) => appendConcepts(context, glossary, concepts, file, shown));
        return;
      }
      const { targets, positional } = targetOptions(command.args, languages);
      const [term, ...extra] = positional;
      if (!term) throw new YakugoError(t('noTerm'));
      if (extra.length > 0) throw new YakugoError(t('extraArguments', { args: extra.join(' ') }));
      const request: AddRequest = { term, targets };
      if (options.id !== undefined) request.id = options.id;
      if (options.domain !== undefined) request.domain = options.domain;
      if (options.definition !== undefined) request.definition = options.definition;
      if (options.note !== undefined) request.note = options.note;
      if (options.translate === false) request.translate = false;
      appendConcepts(context, glossary, [conceptFromRequest(request)], file, shown);
    });
}
