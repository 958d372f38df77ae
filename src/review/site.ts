/**
 * `yakugo review`: writes the static review site, `index.html` plus `<lng>/<article>.html`, into one folder
 * (default `out/.review/`). Same project, same bytes; every file written atomically.
 */
import { join } from 'node:path';
import type { Project } from '../config/load.js';
import { writeFileAtomic } from '../util/fs.js';
import { uiLanguage } from '../util/i18n.js';
import { reviewIndexHtml, reviewPageHtml } from './html.js';
import { buildReview, type ReviewPage, type ReviewSelection } from './model.js';

export interface ReviewSiteResult {
  pages: ReviewPage[];
  /** Absolute paths of the files written, index first. */
  files: string[];
}

/** `<lng>/<article>.html`, relative to the site folder. */
export function pagePath(page: Pick<ReviewPage, 'lng' | 'article'>): string {
  return `${page.lng}/${page.article}.html`;
}

export async function writeReviewSite(project: Project, outDir: string, selection: ReviewSelection = {}): Promise<ReviewSiteResult> {
  const pages = await buildReview(project, selection);
  const language = uiLanguage();
  const outputs: Array<[string, string]> = [[join(outDir, 'index.html'), reviewIndexHtml(pages, language, pagePath)]];
  for (const page of pages) {
    const depth = pagePath(page).split('/').length - 1;
    outputs.push([join(outDir, pagePath(page)), reviewPageHtml(page, language, `${'../'.repeat(depth)}index.html`)]);
  }
  for (const [file, html] of outputs) writeFileAtomic(file, html);
  return { pages, files: outputs.map(([file]) => file) };
}
