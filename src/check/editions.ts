/**
 * What `edition/outdated` compares: the verdict of `build --dry-run` for each edition (the one source of
 * truth for what build writes), plus where an outdated file first differs from what build would write.
 */
import { existsSync } from 'node:fs';
import { build, editionPath } from '../build/build.js';
import type { Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import { YakugoError } from '../util/errors.js';
import { readTextFile } from '../util/fs.js';
import { firstDifference } from './rules/edition-outdated.js';
import type { EditionCheck, EditionFailure, EditionInput } from './types.js';

/**
 * Compares the editions of `articles` in `languages` (target and/or source languages) with `out/`. An
 * article or edition build cannot produce is a failure; the others are compared all the same.
 */
export function checkEditions(project: Project, articles: readonly SourceArticle[], languages: readonly string[]): EditionCheck {
  if (articles.length === 0 || languages.length === 0) return { editions: [], failures: [] };
  let result: ReturnType<typeof build>;
  try {
    result = build({ root: project.root, config: project.configFile, files: articles.map((article) => article.file), dryRun: true });
  } catch (error) {
    // What still stops build as a whole (an edition path leading outside out/) stops the comparison too.
    if (!(error instanceof YakugoError)) throw error;
    const location = { file: error.file ?? '.', line: error.place?.line ?? 1, column: error.place?.column ?? 1 };
    return { editions: [], failures: [{ article: location.file, message: error.reason, location, lng: null, key: null, source: null }] };
  }
  const byId = new Map(articles.map((article) => [article.id, article]));
  const byPath = new Map(articles.map((article) => [article.path, article]));
  const wanted = new Set(languages);
  const failures: EditionFailure[] = [];
  for (const failure of result.failures) {
    if (failure.lng !== null && !wanted.has(failure.lng)) continue;
    const segment = byPath.get(failure.article)?.segments.find((candidate) => candidate.key === failure.key);
    failures.push({
      article: failure.article,
      message: failure.message,
      location: { file: failure.file, line: failure.line, column: failure.column },
      lng: failure.lng,
      key: failure.key,
      source: segment ? { file: failure.article, line: segment.start.line, column: segment.start.column } : null,
    });
  }
  const editions: EditionInput[] = [];
  for (const report of result.editions) {
    const article = byId.get(report.article);
    if (!article || !wanted.has(report.lng) || report.status === 'failed') continue;
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
  return { editions, failures };
}
