/**
 * What `edition/outdated` compares: for each edition, what the build manifest knows from hashes alone
 * (current, or not built from these very bytes), else the verdict of `build --dry-run` (the one source of
 * truth for what build writes), plus where an outdated file first differs from what build would write.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, editionPath } from '../build/build.js';
import { type BuildManifest, editionInputsHash, knownVerdict, MANIFEST_FILE, manifestKey, readManifest } from '../build/manifest.js';
import { displayPath } from '../project/articles.js';
import { readBytesIfExists } from '../util/fs.js';
import type { Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import { YakugoError } from '../util/errors.js';
import { readTextFile } from '../util/fs.js';
import { firstDifference } from './rules/edition-outdated.js';
import type { EditionCheck, EditionFailure, EditionInput } from './types.js';

const manifests = new Map<string, { stamp: string; manifest: BuildManifest }>();

/** The build manifest, read once per run (check compares one article at a time) unless the file changed. */
function manifestOf(project: Project): BuildManifest {
  const file = join(project.dirs.out, MANIFEST_FILE);
  let stamp = 'missing';
  try {
    const stat = statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    // no manifest: every edition is compared by rendering it
  }
  const known = manifests.get(file);
  if (known?.stamp === stamp) return known.manifest;
  const manifest = readManifest(project);
  manifests.set(file, { stamp, manifest });
  return manifest;
}

/**
 * Compares the editions of `articles` in `languages` (target and/or source languages) with `out/`. An
 * article or edition build cannot produce is a failure; the others are compared all the same.
 */
export function checkEditions(project: Project, articles: readonly SourceArticle[], languages: readonly string[]): EditionCheck {
  if (articles.length === 0 || languages.length === 0) return { editions: [], failures: [] };
  // An edition the manifest says was built from these very bytes, and whose file is still what was built,
  // is current; one it says these bytes do not build is not built: both known from hashes alone. Only
  // articles with another edition go through build.
  const manifest = manifestOf(project);
  const current: EditionInput[] = [];
  const toBuild: SourceArticle[] = [];
  for (const article of articles) {
    const known = languages.map((lng) => {
      const file = editionPath(project, lng, article);
      const verdict = knownVerdict(manifest, manifestKey(project, file), editionInputsHash(project, article, lng), () => readBytesIfExists(file));
      const status: EditionInput['status'] = verdict === 'skipped' ? 'not-built' : 'current';
      return { edition: { article, lng, file: displayPath(project, file), status }, known: verdict !== undefined };
    });
    if (known.every((entry) => entry.known)) current.push(...known.map((entry) => entry.edition));
    else toBuild.push(article);
  }
  if (toBuild.length === 0) return { editions: current, failures: [] };
  let result: ReturnType<typeof build>;
  try {
    result = build({ root: project.root, config: project.configFile, files: toBuild.map((article) => article.file), dryRun: true });
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
  const editions: EditionInput[] = current;
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
