import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { displayPath } from '../../project/articles.js';
import { defineMessages } from '../../util/i18n.js';
import { writeReviewSite } from '../../review/site.js';
import { cliContext } from '../context.js';
import { collect } from '../problems.js';

const t = defineMessages('review', {
  en: {
    description: 'write a static bilingual review site: source and translation side by side, states, check problems, glossary terms',
    files: 'source articles (default: all)',
    lang: 'only these languages (repeat or separate with commas)',
    output: 'folder to write the site into (default: out/.review)',
    written: 'review site: {{pages}} page(s) in {{dir}} (open {{index}})',
  },
  ja: {
    description: '原文と訳文を並べたレビュー用の静的サイトを書き出す(状態、check の問題、用語集の用語つき)',
    files: '原稿の記事(既定: すべて)',
    lang: '対象の言語(繰り返すかカンマ区切り)',
    output: 'サイトを書き出すフォルダ(既定: out/.review)',
    written: 'レビューサイト: {{dir}} に {{pages}} ページ({{index}} を開いてください)',
  },
});

export function register(program: Command): void {
  program
    .command('review')
    .description(t('description'))
    .argument('[files...]', t('files'))
    .option('--lang <lng>', t('lang'), collect)
    .option('-o, --output <DIR>', t('output'))
    .action(async (files: string[], options: { lang?: string[]; output?: string }, command: Command) => {
      const context = cliContext(command);
      const { project } = context;
      const dir = options.output ? resolve(options.output) : join(project.dirs.out, '.review');
      const result = await writeReviewSite(project, dir, { articles: files.map((file) => resolve(file)), languages: options.lang });
      context.stdout.write(`${t('written', { pages: result.pages.length, dir: displayPath(project, dir), index: displayPath(project, result.files[0]!) })}\n`);
    });
}
