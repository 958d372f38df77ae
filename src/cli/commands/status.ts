import type { Command } from 'commander';
import { displayWidth } from '../../check/formatters/stylish.js';
import { type Coverage, projectStatus, type StatusReport } from '../../check/status.js';
import { YakugoError } from '../../util/errors.js';
import { cliContext } from '../context.js';
import { defineMessages } from '../../util/i18n.js';
import { collect } from '../problems.js';

const t = defineMessages('status', {
  en: {
    description: 'show translation coverage per language and article',
    format: 'output format: table or json',
    lang: 'only these languages (repeat or separate with commas)',
    article: 'only these articles (id or path)',
    badFormat: 'unknown format "{{format}}" (expected table or json)',
    language: 'Language',
    article_: 'Article',
    segments: 'Segments',
    translated: 'Translated',
    missing: 'Missing',
    stale: 'Stale',
    drafts: 'Drafts',
    reviewed: 'Reviewed',
    percent: 'Percent',
    termProblems: 'Term problems',
    total: '(total)',
    required: '{{lng}} (required)',
    notBuilt: '{{lng}} {{article}}: below the threshold of {{threshold}}%, not built',
  },
  ja: {
    description: '言語・記事ごとの翻訳状況を表示する',
    format: '出力形式: table または json',
    lang: '対象の言語(繰り返すかカンマ区切り)',
    article: '対象の記事(ID またはパス)',
    badFormat: '形式 "{{format}}" は使えません(table か json)',
    language: '言語',
    article_: '記事',
    segments: 'セグメント',
    translated: '翻訳済み',
    missing: '未翻訳',
    stale: '要更新',
    drafts: '下訳',
    reviewed: 'レビュー済み',
    percent: '翻訳率',
    termProblems: '用語の問題',
    total: '(合計)',
    required: '{{lng}}(必須)',
    notBuilt: '{{lng}} {{article}}: しきい値 {{threshold}}% 未満のため版を作りません',
  },
});

interface StatusOptions {
  format: string;
  lang?: string[];
  article?: string[];
}

export function register(program: Command): void {
  program
    .command('status')
    .description(t('description'))
    .option('-f, --format <name>', t('format'), 'table')
    .option('--lang <lng>', t('lang'), collect)
    .option('--article <id>', t('article'), collect)
    .action(async (options: StatusOptions, command: Command) => {
      if (options.format !== 'table' && options.format !== 'json') throw new YakugoError(t('badFormat', { format: options.format }));
      const context = cliContext(command);
      const report = await projectStatus(context.project, { languages: options.lang, articles: options.article });
      if (options.format === 'json') {
        context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        context.stdout.write(formatTable(report, context.colors));
        for (const language of report.languages) {
          for (const row of language.articles) {
            if (!row.built) context.stderr.write(`${context.colors.yellow(t('notBuilt', { lng: language.lng, article: row.article, threshold: language.threshold }))}\n`);
          }
        }
      }
      process.exitCode = 0;
    });
}

type Colors = ReturnType<typeof cliContext>['colors'];

/** One row per language and article, then a total per language; numbers right-aligned. */
export function formatTable(report: StatusReport, colors: Colors): string {
  const columns = ['language', 'article_', 'segments', 'translated', 'missing', 'stale', 'drafts', 'reviewed', 'percent', 'termProblems'];
  const header = columns.map((key) => t(key));
  const cell = (row: string[], key: string) => row[columns.indexOf(key)];
  const rows: string[][] = [];
  const totals = new Set<number>();
  for (const language of report.languages) {
    const name = language.required ? t('required', { lng: language.lng }) : language.lng;
    for (const row of language.articles) rows.push([name, row.article, ...numbers(row)]);
    if (language.articles.length > 1) {
      totals.add(rows.length);
      rows.push([name, t('total'), ...numbers(language)]);
    }
  }
  const widths = header.map((cell, column) => Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const padding = ' '.repeat(widths[column]! - displayWidth(cell));
        return column < 2 ? cell + padding : padding + cell;
      })
      .join('  ')
      .trimEnd();
  const out = [colors.bold(line(header))];
  rows.forEach((row, index) => {
    const text = line(row);
    const complete = cell(row, 'percent') === '100%' && cell(row, 'stale') === '0' && cell(row, 'drafts') === '0' && cell(row, 'termProblems') === '0';
    out.push(totals.has(index) ? colors.bold(text) : complete ? text : colors.yellow(text));
  });
  return `${out.join('\n')}\n`;
}

function numbers(row: Coverage & { termProblems: number }): string[] {
  return [row.segments, row.translated, row.missing, row.stale, row.drafts, row.reviewed].map(String).concat(`${row.percent}%`, String(row.termProblems));
}
