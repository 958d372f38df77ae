import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { displayPath } from '../../project/articles.js';
import { EXIT_PROBLEMS, YakugoError } from '../../util/errors.js';
import { writeFileAtomic } from '../../util/fs.js';
import { defineMessages } from '../../util/i18n.js';
import { xliffMessage } from '../../xliff/messages.js';
import { cliContext } from '../context.js';
import { collect } from '../problems.js';

const t = defineMessages('xliff-cli', {
  en: {
    description: 'exchange translations with CAT tools as XLIFF 2.0',
    exportDescription: 'write one XLIFF 2.0 file per article and language (default folder: out/.xliff/)',
    importDescription: 'write the targets of XLIFF 2.0 files back into the catalogs',
    files: 'source articles (default: all)',
    xliffFiles: 'XLIFF 2.0 files',
    lang: 'only these languages (repeat or separate with commas)',
    output: 'a folder (<lng>/<article>.xlf inside), or a .xlf file when there is one article and one language',
    dryRun: 'report what would change, write nothing',
  },
  ja: {
    description: 'CAT ツールと XLIFF 2.0 で訳をやりとりする',
    exportDescription: '記事・言語ごとに XLIFF 2.0 ファイルを書き出す(既定のフォルダ: out/.xliff/)',
    importDescription: 'XLIFF 2.0 ファイルの訳文をカタログに書き戻す',
    files: '原稿の記事(既定: すべて)',
    xliffFiles: 'XLIFF 2.0 ファイル',
    lang: '対象の言語(繰り返すかカンマ区切り)',
    output: 'フォルダ(中に <lng>/<article>.xlf)、または記事と言語が一つずつのときは .xlf ファイル',
    dryRun: '何が変わるかを報告するだけで書き込まない',
  },
});

export function register(program: Command): void {
  const group = program.command('xliff').description(t('description'));
  group
    .command('export')
    .description(t('exportDescription'))
    .argument('[files...]', t('files'))
    .option('--lang <lng>', t('lang'), collect)
    .option('-o, --output <path>', t('output'))
    .action(async (files: string[], options: { lang?: string[]; output?: string }, command: Command) => {
      const context = cliContext(command);
      const { project } = context;
      const { exportXliff } = await import('../../xliff/export.js');
      const documents = await exportXliff(project, { articles: files.map((file) => resolve(file)), languages: options.lang });
      const output = options.output ? resolve(options.output) : join(project.dirs.out, '.xliff');
      const toFile = options.output !== undefined && /\.(xlf|xliff)$/i.test(output) && !(existsSync(output) && statSync(output).isDirectory());
      if (toFile && documents.length !== 1) throw new YakugoError(xliffMessage('oneFileOnly', { output: options.output ?? output, count: documents.length }));
      for (const document of documents) {
        const file = toFile ? output : join(output, document.lng, `${document.article}.xlf`);
        writeFileAtomic(file, document.text);
        context.stderr.write(`${xliffMessage('exported', { file: displayPath(project, file), units: document.units, translated: document.translated })}\n`);
      }
      context.stdout.write(`${xliffMessage('written', { count: documents.length })}\n`);
    });
  group
    .command('import')
    .description(t('importDescription'))
    .argument('<files...>', t('xliffFiles'))
    .option('--dry-run', t('dryRun'))
    .action(async (files: string[], options: { dryRun?: boolean }, command: Command) => {
      const context = cliContext(command);
      const { importXliff } = await import('../../xliff/import.js');
      const result = importXliff(context.project, files, { dryRun: options.dryRun });
      let rejected = 0;
      for (const report of result.reports) {
        for (const verdict of report.rejected) {
          context.stderr.write(`${context.colors.yellow(`${verdict.file}:${verdict.line}:${verdict.column}: ${verdict.message}`)}\n`);
        }
        rejected += report.rejected.length;
        context.stderr.write(`${xliffMessage('imported', { file: report.file, applied: report.applied, reviewed: report.reviewed, rejected: report.rejected.length })}\n`);
      }
      for (const file of result.written) context.stdout.write(`${file}\n`);
      if (result.written.length === 0) context.stderr.write(`${xliffMessage('nothingChanged')}\n`);
      if (rejected > 0) process.exitCode = EXIT_PROBLEMS;
    });
}
