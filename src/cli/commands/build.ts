import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { build, buildFiles, percentTranslated } from '../../build/build.js';
import { EXIT_PROBLEMS } from '../../util/errors.js';
import { displayPath } from '../../project/articles.js';
import { cliContext } from '../context.js';
import { refuseEmptyProject, withAllowEmpty } from '../empty.js';
import { parseShard } from '../../project/shard.js';
import { defineMessages } from '../../util/i18n.js';
import { parseJobs } from '../../util/share-work.js';
import { parseAheadOf } from '../../project/parse-ahead.js';

const t = defineMessages('build', {
  en: {
    shard: 'only slice i of n of the articles (stable, balanced by size), for CI runners in parallel',
    description: 'write out/<lng>/<article>.md for the source language and every target language',
    files: 'only these source files (default: every article under the source folder)',
    dryRun: 'write nothing; exit 1 when an edition in out/ is outdated',
    jobs: 'threads that parse the articles (default: the number of cores); the editions are the same for any number',
    missing: '{{catalog}}: {{count}} segment(s) untranslated in required language {{lng}}: {{keys}}',
    fallback: '{{lng}} {{article}}: {{count}} segment(s) fall back to {{source}} (optional language)',
    threshold: '{{lng}} {{article}}: not built, {{percent}}% translated is below the threshold of {{threshold}}%',
    outdated: '{{file}} is outdated',
    summary: '{{lng}}{{required}}: {{articles}} article(s), {{translated}}/{{segments}} segments translated ({{percent}}%); editions: {{written}} written, {{unchanged}} unchanged, {{skipped}} skipped, {{failed}} failed',
    summaryDryRun: '{{lng}}{{required}}: {{articles}} article(s), {{translated}}/{{segments}} segments translated ({{percent}}%); editions: {{outdated}} outdated, {{unchanged}} unchanged, {{skipped}} skipped, {{failed}} failed',
    requiredMark: ' (required)',
    sourceMark: ' (source)',
    progress: 'building',
    noArticles: 'no articles (*.md, *.mdx) under {{dir}}',
    failure: '{{file}}:{{line}}:{{column}}: {{message}}',
    failureEdition: '{{file}}:{{line}}:{{column}}: {{lng}} edition of {{article}} not built: {{message}}',
    failed: '{{count}} article(s) failed: {{articles}}',
    drafts: '{{lng}}: {{count}} segment(s) built from unreviewed machine or translation-memory drafts (yakugo check reports them as segment/unreviewed; yakugo review accept marks them reviewed)',
  },
  ja: {
    shard: '記事を n 個に分けた i 番目だけを生成する(安定・サイズで均等)。CI で並列に動かすため',
    description: '原文と各言語の out/<言語>/<記事>.md を書き出す',
    files: '対象の原稿ファイル(既定: 原稿フォルダのすべての記事)',
    dryRun: '何も書かない。out/ の版が古ければ終了コード 1',
    jobs: '記事を解析するスレッド数(既定: コア数)。いくつでも同じ版ができる',
    missing: '{{catalog}}: 必須言語 {{lng}} で未翻訳のセグメント {{count}} 件: {{keys}}',
    fallback: '{{lng}} {{article}}: {{count}} 件のセグメントが {{source}} の原文のままです(任意の言語)',
    threshold: '{{lng}} {{article}}: 翻訳率 {{percent}}% がしきい値 {{threshold}}% 未満のため作りませんでした',
    outdated: '{{file}} が古くなっています',
    summary: '{{lng}}{{required}}: 記事 {{articles}} 件、翻訳済み {{translated}}/{{segments}} セグメント({{percent}}%)。版: 書き出し {{written}} 件、変更なし {{unchanged}} 件、スキップ {{skipped}} 件、失敗 {{failed}} 件',
    summaryDryRun: '{{lng}}{{required}}: 記事 {{articles}} 件、翻訳済み {{translated}}/{{segments}} セグメント({{percent}}%)。版: 古い {{outdated}} 件、変更なし {{unchanged}} 件、スキップ {{skipped}} 件、失敗 {{failed}} 件',
    requiredMark: '(必須)',
    sourceMark: '(原文)',
    progress: '作成中',
    noArticles: '{{dir}} に記事(*.md、*.mdx)がありません',
    failure: '{{file}}:{{line}}:{{column}}: {{message}}',
    failureEdition: '{{file}}:{{line}}:{{column}}: {{article}} の {{lng}} 版を作れませんでした: {{message}}',
    failed: '{{count}} 件の記事で失敗しました: {{articles}}',
    drafts: '{{lng}}: {{count}} 件のセグメントを未レビューの機械翻訳または翻訳メモリの下訳から作りました(yakugo check が segment/unreviewed として報告します。yakugo review accept でレビュー済みにできます)',
  },
});

export function register(program: Command): void {
  withAllowEmpty(program.command('build'))
    .description(t('description'))
    .argument('[files...]', t('files'))
    .option('--dry-run', t('dryRun'))
    .option('--shard <i/n>', t('shard'))
    .option('--jobs <N>', t('jobs'))
    .action(async (files: string[], options: { dryRun?: boolean; shard?: string; jobs?: string; allowEmpty?: boolean }, command: Command) => {
      const context = cliContext(command);
      const { config } = context.project;
      if (files.length === 0) refuseEmptyProject(context, options.allowEmpty);
      const jobs = parseJobs(options.jobs);
      const named = files.length > 0 ? files.map((file) => resolve(file)) : undefined;
      const shard = options.shard === undefined ? undefined : parseShard(options.shard);
      await parseAheadOf(context.project, () => buildFiles(context.project, { files: named, shard }), jobs);
      const bar =
        context.isTTY && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              { format: `${t('progress')} {bar} {value}/{total} {file}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      const result = build({
        root: context.project.root,
        config: context.project.configFile,
        files: named,
        dryRun: options.dryRun,
        shard,
        onStart: (total) => bar?.start(total, 0, { file: '' }),
        onProgress: (file) => bar?.increment({ file }),
      });
      bar?.stop();

      let problems = result.missing.length > 0 || result.failures.length > 0;
      for (const failure of result.failures) {
        const message = failure.lng === null ? t('failure', { ...failure }) : t('failureEdition', { ...failure });
        context.stderr.write(`${context.colors.red(message)}\n`);
      }
      for (const missing of result.missing) {
        context.stderr.write(`${context.colors.red(t('missing', { ...missing, count: missing.keys.length, keys: missing.keys.join(', ') }))}\n`);
      }
      for (const edition of result.editions) {
        if (edition.belowThreshold) {
          context.stderr.write(`${context.colors.yellow(t('threshold', { ...edition, ...edition.belowThreshold }))}\n`);
        } else if (edition.fallback.length > 0 && edition.status !== 'skipped' && edition.lng !== config.sourceLanguage) {
          context.stderr.write(`${context.colors.yellow(t('fallback', { ...edition, count: edition.fallback.length, source: config.sourceLanguage }))}\n`);
        }
        if (edition.status === 'outdated') {
          problems = true;
          context.stderr.write(`${context.colors.red(t('outdated', { file: edition.file }))}\n`);
        }
      }
      if (result.editions.length === 0 && result.failures.length === 0) context.stderr.write(`${t('noArticles', { dir: displayPath(context.project, context.project.dirs.source) })}\n`);
      for (const summary of result.languages) {
        const mark = summary.lng === config.sourceLanguage ? t('sourceMark') : summary.required ? t('requiredMark') : '';
        const percent = percentTranslated(summary.segments, summary.segments - summary.translated);
        context.stdout.write(`${t(options.dryRun ? 'summaryDryRun' : 'summary', { ...summary, required: mark, percent })}\n`);
      }
      const failedArticles = [...new Set(result.failures.map((failure) => failure.article))];
      if (failedArticles.length > 0) {
        context.stderr.write(`${context.colors.red(t('failed', { count: failedArticles.length, articles: failedArticles.join(', ') }))}\n`);
      }
      for (const summary of result.languages) {
        if (summary.drafts > 0) context.stderr.write(`${context.colors.yellow(t('drafts', { lng: summary.lng, count: summary.drafts }))}\n`);
      }
      if (problems) process.exitCode = EXIT_PROBLEMS;
    });
}
