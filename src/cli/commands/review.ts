import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { displayPath } from '../../project/articles.js';
import { defineMessages } from '../../util/i18n.js';
import { cliContext } from '../context.js';
import { collect } from '../problems.js';
import { register as accept } from './review/accept.js';

const t = defineMessages('review', {
  en: {
    description: 'review translations: a static bilingual review site (the default), and recording reviews of drafts',
    siteDescription: 'write a static bilingual review site: source and translation side by side, states, check problems, glossary terms (default: out/.review)',
    files: 'source articles (default: all)',
    lang: 'only these languages (repeat or separate with commas)',
    output: 'folder to write the site into (default: out/.review)',
    written: 'review site: {{pages}} page(s) in {{dir}} (open {{index}})',
  },
  ja: {
    description: '訳をレビューする: 原文と訳文を並べた静的サイト(既定)と、下訳のレビューの記録',
    siteDescription: '原文と訳文を並べたレビュー用の静的サイトを書き出す(状態、check の問題、用語集の用語つき。既定: out/.review)',
    files: '原稿の記事(既定: すべて)',
    lang: '対象の言語(繰り返すかカンマ区切り)',
    output: 'サイトを書き出すフォルダ(既定: out/.review)',
    written: 'レビューサイト: {{dir}} に {{pages}} ページ({{index}} を開いてください)',
  },
});

/** Each subcommand lives in src/cli/commands/review/<name>.ts. */
const subcommands: Array<(group: Command) => void> = [accept];

/**
 * `yakugo review [files…]` writes the review site (the default subcommand, `review site`); `yakugo review
 * accept …` and the other subcommands record what a reviewer decided. The site's options live on its own
 * subcommand, so `review accept --lang en` keeps its `--lang`.
 */
export function register(program: Command): void {
  const group = program.command('review').description(t('description'));
  group
    .command('site', { isDefault: true })
    .description(t('siteDescription'))
    .argument('[files...]', t('files'))
    .option('--lang <lng>', t('lang'), collect)
    .option('-o, --output <DIR>', t('output'))
    .action(async (files: string[], options: { lang?: string[]; output?: string }, command: Command) => {
      const context = cliContext(command);
      const { project } = context;
      const dir = options.output ? resolve(options.output) : join(project.dirs.out, '.review');
      // The review site's HTML stack is loaded only by this command.
      const { writeReviewSite } = await import('../../review/site.js');
      const result = await writeReviewSite(project, dir, { articles: files.map((file) => resolve(file)), languages: options.lang });
      context.stdout.write(`${t('written', { pages: result.pages.length, dir: displayPath(project, dir), index: displayPath(project, result.files[0]!) })}\n`);
    });
  for (const register of subcommands) register(group);
}
