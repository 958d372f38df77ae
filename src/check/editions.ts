/**
 * What `edition/outdated` compares: the verdict of `build --dry-run` for each edition (the one source of
 * truth for what build writes), plus where an outdated file first differs from what build would write.
 */
import { existsSync } from 'node:fs';
import { build, editionPath } from '../build/build.js';
import { EditionError } from '../build/edition.js';
import { catalogPath } from '../catalog/catalog.js';
import type { Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import { displayPath } from '../project/articles.js';
import { YakugoError } from '../util/errors.js';
import { readTextFile } from '../util/fs.js';
import { firstDifference } from './rules/edition-outdated.js';
import type { EditionCheck, EditionInput } from './types.js';

/** Compares the editions of `articles` in `languages` (target and/or source languages) with `out/`. */
export function checkEditions(project: Project, articles: readonly SourceArticle[], languages: readonly string[]): EditionCheck {
  if (articles.length === 0 || languages.length === 0) return { editions: [] };
  let result: ReturnType<typeof build>;
  try {
    result = build({ root: project.root, config: project.configFile, files: articles.map((article) => article.file), dryRun: true });
  } catch (error) {
    if (!(error instanceof YakugoError)) throw error;
    const key = error.cause instanceof EditionError ? error.cause.key : null;
    const lng = languageOfCatalog(project, error.file);
    const article = articles.find((candidate) => lng !== null && error.file === displayPath(project, catalogPath(project, lng, candidate.id)));
    const segment = article?.segments.find((candidate) => candidate.key === key);
    return {
      editions: [],
      failure: {
        message: error.reason,
        location: { file: error.file ?? '.', line: error.place?.line ?? 1, column: error.place?.column ?? 1 },
        lng,
        key,
        source: article && segment ? { file: article.path, line: segment.start.line, column: segment.start.column } : null,
      },
    };
  }
  const byId = new Map(articles.map((article) => [article.id, article]));
  const wanted = new Set(languages);
  const editions: EditionInput[] = [];
  for (const report of result.editions) {
    const article = byId.get(report.article);
    if (!article || !wanted.has(report.lng)) continue;
    const file = editionPath(project, report.lng, article);
    const edition: EditionInput = { article, lng: report.lng, file: report.file, status: 'current' };
    if (report.status === 'skipped') edition.status = 'not-built';
    else if (report.status === 'outdated') {
      if (!existsSync(file)) edition.status = 'missing';
      else {
        edition.status = 'outdated';
        const difference = firstDifference(report.contents ?? '', readTextFile(file, report.file));
        if (difference) edition.difference = difference;
      }
    }
    editions.push(edition);
  }
  return { editions };
}

/** `locales/en/x.json` → `en`; anything outside the locales folder → null. */
function languageOfCatalog(project: Project, file: string | undefined): string | null {
  const locales = `${displayPath(project, project.dirs.locales)}/`;
  if (!file?.startsWith(locales)) return null;
  return file.slice(locales.length).split('/')[0] ?? null;
}
