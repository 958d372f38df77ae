import type { Command } from 'commander';
import { resolve } from 'node:path';
import { mergeReports } from '../../check/merge.js';
import { checkWithCache } from '../../check/cached.js';
import { parseJobs } from '../../util/share-work.js';
import { describeRules, selectRules } from '../../check/run.js';
import { parseShard } from '../../project/shard.js';
import { getFormatter, yakugoTool } from '../../check/formatters/index.js';
import { collect, parseMaxWarnings, setExitCodeForProblems, withProblemOutputOptions } from '../problems.js';
import { cliContext } from '../context.js';
import { refuseEmptyProject, withAllowEmpty } from '../empty.js';
import { defineMessages, uiLanguage } from '../../util/i18n.js';

const t = defineMessages('check', {
  en: {
    description: 'check translations against the source and the glossary (the CI gate); exit 1 on errors',
    lang: 'only these languages (repeat or separate with commas; the source language selects the source checks)',
    article: 'only these articles (id such as explainers/distillation, or path)',
    rule: 'only these rules (repeat or separate with commas)',
    shard: 'only slice i of n of the articles (stable, balanced by size), for CI runners in parallel',
    jobs: 'worker threads (default: the number of cores); the report is the same for any number',
    merge: 'print one report from the JSON or SARIF reports of shards instead of checking',
    clean: '✔ {{articles}} article(s) in {{languages}}: no problems',
  },
  ja: {
    description: '訳文を原文と用語集に照らして検査する(CI のゲート)。エラーがあれば終了コード 1',
    lang: '対象の言語(繰り返すかカンマ区切り。原文の言語を指定すると原文の検査)',
    article: '対象の記事(explainers/distillation のような ID、またはパス)',
    rule: '対象のルール(繰り返すかカンマ区切り)',
    shard: '記事を n 個に分けた i 番目だけを検査する(安定・サイズで均等)。CI で並列に動かすため',
    jobs: 'ワーカースレッドの数(既定: コア数)。いくつにしても結果は同じ',
    merge: '検査はせず、分割実行の JSON または SARIF レポートを 1 つのレポートにまとめて出力する',
    clean: '✔ 記事 {{articles}} 件({{languages}}):問題はありません',
  },
});


interface CheckOptions {
  format: string;
  maxWarnings?: string;
  lang?: string[];
  article?: string[];
  rule?: string[];
  allowEmpty?: boolean;
  shard?: string;
  merge?: string[];
  jobs?: string;
}

export function register(program: Command): void {
  withAllowEmpty(withProblemOutputOptions(program.command('check').description(t('description'))))
    .option('--lang <lng>', t('lang'), collect)
    .option('--article <id>', t('article'), collect)
    .option('--rule <id>', t('rule'), collect)
    .option('--shard <i/n>', t('shard'))
    .option('--merge <reports...>', t('merge'))
    .option('--jobs <N>', t('jobs'))
    .action(async (options: CheckOptions, command: Command) => {
      const context = cliContext(command);
      const format = getFormatter(options.format);
      const maxWarnings = parseMaxWarnings(options.maxWarnings);
      const tool = yakugoTool();
      if (options.merge) {
        const problems = mergeReports(options.merge.map((file) => resolve(file)));
        const rules = selectRules(options.rule);
        context.stdout.write(format(problems, { rules: describeRules(context.project, rules, uiLanguage(), tool.informationUri), colors: context.colors, tool }));
        setExitCodeForProblems(context, problems, maxWarnings);
        return;
      }
      refuseEmptyProject(context, options.allowEmpty);
      const shard = options.shard === undefined ? undefined : parseShard(options.shard);
      const jobs = parseJobs(options.jobs);
      const result = await checkWithCache(context.project, { languages: options.lang, articles: options.article, rules: options.rule, shard }, { jobs });
      const output = format(result.problems, {
        rules: describeRules(context.project, result.rules, uiLanguage(), tool.informationUri),
        colors: context.colors,
        tool,
      });
      context.stdout.write(output);
      if (options.format === 'stylish' && result.problems.length === 0) {
        context.stderr.write(`${context.colors.green(t('clean', { articles: result.articles, languages: result.languages.join(', ') }))}\n`);
      }
      setExitCodeForProblems(context, result.problems, maxWarnings);
    });
}
