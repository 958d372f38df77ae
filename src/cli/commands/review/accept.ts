import type { Command } from 'commander';
import { reviewAccept } from '../../../catalog/review-accept.js';
import { defineMessages } from '../../../util/i18n.js';
import { cliContext } from '../../context.js';
import { collect } from '../../problems.js';

const t = defineMessages('review-accept-command', {
  en: {
    description: 'mark unreviewed drafts (and stale translations) as reviewed, as they are; catalog values are never changed',
    files: 'only these articles: source files, or catalogs (locales/<lng>/<article>.json, which also select their language)',
    lang: 'only these languages (repeat or separate with commas)',
    key: 'only these keys (repeat or separate with commas)',
    dryRun: 'list what would be accepted; write nothing',
    draft: 'draft ({{origin}})',
    stale: 'stale',
    draftStale: 'draft ({{origin}}), stale',
    entry: '  {{key}}  {{what}}',
    summary: 'accepted {{count}} translation(s) as reviewed in {{catalogs}} catalog(s)',
    summaryDry: 'would accept {{count}} translation(s) as reviewed in {{catalogs}} catalog(s) (dry run: nothing written)',
    nothing: 'nothing to accept: no unreviewed draft or stale translation in the selection',
  },
  ja: {
    description: '未レビューの下訳(と要更新の訳)をそのままレビュー済みにする。カタログの訳文は変えない',
    files: '対象の記事: 原稿ファイル、またはカタログ(locales/<言語>/<記事>.json。言語も選ぶ)',
    lang: '対象の言語(繰り返すかカンマ区切り)',
    key: '対象のキー(繰り返すかカンマ区切り)',
    dryRun: 'レビュー済みにするものを表示するだけで何も書かない',
    draft: '下訳({{origin}})',
    stale: '要更新',
    draftStale: '下訳({{origin}})、要更新',
    entry: '  {{key}}  {{what}}',
    summary: 'カタログ {{catalogs}} 件の訳 {{count}} 件をレビュー済みにしました',
    summaryDry: 'カタログ {{catalogs}} 件の訳 {{count}} 件をレビュー済みにします(ドライラン: 何も書いていません)',
    nothing: 'レビュー済みにするものはありません: 対象に未レビューの下訳も要更新の訳もありません',
  },
});

interface AcceptOptions {
  lang?: string[];
  key?: string[];
  dryRun?: boolean;
}

export function register(group: Command): void {
  group
    .command('accept')
    .description(t('description'))
    .argument('[files...]', t('files'))
    .option('--lang <lng>', t('lang'), collect)
    .option('--key <key>', t('key'), collect)
    .option('--dry-run', t('dryRun'))
    .action(async (files: string[], options: AcceptOptions, command: Command) => {
      const context = cliContext(command);
      const reviews = await reviewAccept(context.project, { files, languages: options.lang, keys: options.key, dryRun: options.dryRun });
      let count = 0;
      for (const review of reviews) {
        context.stdout.write(`${context.colors.bold(review.catalog)}\n`);
        for (const entry of review.accepted) {
          const what = entry.origin === undefined ? t('stale') : t(entry.stale ? 'draftStale' : 'draft', { origin: entry.origin });
          context.stdout.write(`${t('entry', { key: entry.key, what })}\n`);
          count++;
        }
      }
      if (count === 0) context.stderr.write(`${t('nothing')}\n`);
      else context.stdout.write(`${t(options.dryRun ? 'summaryDry' : 'summary', { count, catalogs: reviews.length })}\n`);
      process.exitCode = 0;
    });
}
