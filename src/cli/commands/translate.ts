import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import { PROVIDERS, type ProviderName } from '../../translate/providers/index.js';
import { type OnlyMode, type TranslateProgress, translate } from '../../translate/run.js';
import { EXIT_INPUT, EXIT_PROBLEMS, YakugoError } from '../../util/errors.js';
import { defineMessages } from '../../util/i18n.js';
import { cliContext } from '../context.js';

const t = defineMessages('translate', {
  en: {
    description: 'fill empty segments with machine drafts (DeepL, OpenAI-compatible servers, Anthropic), bound to the glossary and marked unreviewed',
    files: 'only these source files (default: every article under the source folder)',
    lang: 'only these target languages (comma-separated)',
    provider: 'the provider (default: translate.provider in the config)',
    model: 'the model (default: translate.model, or the provider’s default)',
    only: 'which segments: missing (empty ones, the default), stale (source changed since translated), all-machine (re-draft unreviewed machine drafts)',
    dryRun: 'print what would be sent (segments, characters, estimated cost) and send nothing',
    concurrency: 'requests in flight at once (default: translate.concurrency)',
    progress: 'translating',
    dryRunLine: '{{lng}}: {{sent}} segment(s), {{characters}} character(s) to send ({{memory}} from translation memory, {{cached}} cached)',
    cost: 'estimated cost: {{cost}} USD ({{provider}}, {{characters}} characters)',
    costUnknown: 'estimated cost: unknown for {{provider}}/{{model}} (set translate.pricePerMillionCharacters)',
    nothingSent: 'dry run: nothing was sent',
    summary: '{{lng}}: {{written}} draft(s) written ({{machine}} {{provider}}/{{model}}, {{cached}} of them cached, {{memory}} from translation memory), {{rejected}} rejected, {{problems}} with problems; {{characters}} character(s) sent',
    changedMeanwhile: '{{lng}}: {{count}} segment(s) changed by someone during the run were left as they are',
    rejected: '{{file}}: {{key}}: draft rejected, not written: {{reason}}',
    problems: '{{file}}: {{key}}: draft written with problems (check shows them): {{reason}}',
    stopAuth: 'stopped: the provider refused the API key ({{message}}); drafts written so far are kept',
    stopQuota: 'stopped: the provider’s quota is used up ({{message}}); drafts written so far are kept',
    stopConnection: 'stopped: cannot reach the provider ({{message}}); drafts written so far are kept',
    stopRefused: 'stopped: the provider refused the request ({{message}}); drafts written so far are kept',
    stopInterrupted: 'interrupted: drafts written so far are kept; run the same command again to go on',
    interrupting: 'interrupting: finishing the requests in flight (Ctrl-C again to quit at once)',
    badConcurrency: '--concurrency must be a whole number from 1 to 32, not "{{value}}"',
    noArticles: 'no articles to translate',
  },
  ja: {
    description: '空のセグメントを機械翻訳の下訳で埋める(DeepL、OpenAI 互換サーバー、Anthropic)。用語集に従い、未レビューとして記録する',
    files: '対象の原稿ファイル(既定: 原稿フォルダのすべての記事)',
    lang: '対象の言語(カンマ区切り)',
    provider: 'プロバイダー(既定: 設定の translate.provider)',
    model: 'モデル(既定: translate.model またはプロバイダーの既定)',
    only: '対象のセグメント: missing(空のもの。既定)、stale(訳した後に原文が変わったもの)、all-machine(未レビューの機械下訳を作り直す)',
    dryRun: '送信する内容(セグメント数、文字数、概算費用)を表示するだけで、何も送らない',
    concurrency: '同時に送るリクエスト数(既定: translate.concurrency)',
    progress: '翻訳中',
    dryRunLine: '{{lng}}: 送信するセグメント {{sent}} 件、{{characters}} 文字(翻訳メモリから {{memory}} 件、キャッシュから {{cached}} 件)',
    cost: '概算費用: {{cost}} USD({{provider}}、{{characters}} 文字)',
    costUnknown: '概算費用: {{provider}}/{{model}} の料金は不明です(translate.pricePerMillionCharacters で指定できます)',
    nothingSent: 'ドライラン: 何も送信していません',
    summary: '{{lng}}: 下訳 {{written}} 件を書き込みました({{provider}}/{{model}} {{machine}} 件、うちキャッシュ {{cached}} 件、翻訳メモリ {{memory}} 件)。不採用 {{rejected}} 件、問題あり {{problems}} 件。送信 {{characters}} 文字',
    changedMeanwhile: '{{lng}}: 実行中に誰かが変更したセグメント {{count}} 件はそのままにしました',
    rejected: '{{file}}: {{key}}: 下訳を採用せず、書き込みませんでした: {{reason}}',
    problems: '{{file}}: {{key}}: 下訳を書き込みましたが問題があります(check で表示されます): {{reason}}',
    stopAuth: '中止: プロバイダーが API キーを受け付けませんでした({{message}})。書き込み済みの下訳は残っています',
    stopQuota: '中止: プロバイダーの利用枠を使い切りました({{message}})。書き込み済みの下訳は残っています',
    stopConnection: '中止: プロバイダーに接続できません({{message}})。書き込み済みの下訳は残っています',
    stopRefused: '中止: プロバイダーがリクエストを拒否しました({{message}})。書き込み済みの下訳は残っています',
    stopInterrupted: '中断しました。書き込み済みの下訳は残っています。同じコマンドをもう一度実行すると続きから始めます',
    interrupting: '中断中: 送信済みのリクエストの応答を待っています(もう一度 Ctrl-C ですぐに終了)',
    badConcurrency: '--concurrency には 1 から 32 の整数を指定してください(「{{value}}」)',
    noArticles: '翻訳する記事がありません',
  },
});

interface TranslateCliOptions {
  lang?: string;
  provider?: ProviderName;
  model?: string;
  only: OnlyMode;
  dryRun?: boolean;
  concurrency?: string;
}

const STOP_MESSAGES = { auth: 'stopAuth', quota: 'stopQuota', connection: 'stopConnection', refused: 'stopRefused', interrupted: 'stopInterrupted' } as const;

/** Exit code of a run stopped by Ctrl-C, as shells report SIGINT. */
const EXIT_INTERRUPTED = 130;

export function register(program: Command): void {
  program
    .command('translate')
    .description(t('description'))
    .argument('[files...]', t('files'))
    .option('--lang <L,...>', t('lang'))
    .addOption(new Option('--provider <NAME>', t('provider')).choices(PROVIDERS))
    .option('--model <M>', t('model'))
    .addOption(new Option('--only <WHICH>', t('only')).choices(['missing', 'stale', 'all-machine']).default('missing'))
    .option('--dry-run', t('dryRun'))
    .option('--concurrency <N>', t('concurrency'))
    .action(async (files: string[], options: TranslateCliOptions, command: Command) => {
      const context = cliContext(command);
      const concurrency = options.concurrency === undefined ? undefined : Number(options.concurrency);
      if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 32)) {
        throw new YakugoError(t('badConcurrency', { value: options.concurrency }));
      }
      const bar =
        context.isTTY && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              { format: `${t('progress')} {bar} {value}/{total}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      const progress: TranslateProgress | undefined = bar && {
        start: (total) => bar.start(total, 0),
        advance: (count) => bar.increment(count),
        stop: () => bar.stop(),
      };
      // The first Ctrl-C lets the requests in flight finish and be written; a second one quits at once.
      const interrupt = new AbortController();
      const onInterrupt = () => {
        if (interrupt.signal.aborted) process.exit(EXIT_INTERRUPTED);
        context.stderr.write(`${t('interrupting')}\n`);
        interrupt.abort();
      };
      process.on('SIGINT', onInterrupt);
      const result = await translate(context.project, {
        files: files.length > 0 ? files.map((file) => resolve(file)) : undefined,
        languages: options.lang
          ?.split(',')
          .map((lng) => lng.trim())
          .filter(Boolean),
        provider: options.provider,
        model: options.model,
        only: options.only,
        dryRun: options.dryRun,
        concurrency,
        progress,
        signal: interrupt.signal,
      }).finally(() => process.off('SIGINT', onInterrupt));
      const number = (value: number) => value.toLocaleString('en-US');
      if (result.articles === 0) context.stderr.write(`${t('noArticles')}\n`);

      if (result.dryRun) {
        let characters = 0;
        for (const report of result.languages) {
          characters += report.characters;
          context.stdout.write(`${t('dryRunLine', { ...report, characters: number(report.characters) })}\n`);
        }
        context.stdout.write(
          `${
            result.estimatedCost === undefined
              ? t('costUnknown', { provider: result.provider, model: result.model })
              : t('cost', { cost: result.estimatedCost.toFixed(2), provider: result.provider, characters: number(characters) })
          }\n`,
        );
        context.stdout.write(`${t('nothingSent')}\n`);
        return;
      }

      let failed = false;
      for (const report of result.languages) {
        for (const item of report.rejected) context.stderr.write(`${context.colors.red(t('rejected', { ...item }))}\n`);
        for (const item of report.problems) context.stderr.write(`${context.colors.yellow(t('problems', { ...item }))}\n`);
        if (report.changedMeanwhile > 0) context.stderr.write(`${t('changedMeanwhile', { lng: report.lng, count: report.changedMeanwhile })}\n`);
        failed ||= report.rejected.length > 0 || report.problems.length > 0;
        context.stdout.write(
          `${t('summary', {
            ...report,
            provider: result.provider,
            model: result.model,
            written: report.machine + report.memory,
            rejected: report.rejected.length,
            problems: report.problems.length,
            characters: number(report.characters),
          })}\n`,
        );
      }
      if (result.stopped) {
        context.stderr.write(`${context.colors.red(t(STOP_MESSAGES[result.stopped.kind], { message: result.stopped.message }))}\n`);
        process.exitCode = result.stopped.kind === 'interrupted' ? EXIT_INTERRUPTED : EXIT_INPUT;
        return;
      }
      if (failed) process.exitCode = EXIT_PROBLEMS;
    });
}
