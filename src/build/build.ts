import { existsSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { catalogPath, readCatalogIfExists } from '../catalog/catalog.js';
import { type CatalogState, isUnreviewed, readState, statePath } from '../catalog/state.js';
import { projectCache } from '../cache/store.js';
import { loadProject, type Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import { assertDistinctArticles, displayPath, listArticles } from '../project/articles.js';
import { YakugoError } from '../util/errors.js';
import { writeAll } from '../util/write-all.js';
import { readBytesIfExists } from '../util/fs.js';
import { editionInputsHash, forgetOthers, isCurrent, manifestKey, readManifest, record, writeManifest } from './manifest.js';
import { EditionError, renderEdition } from './edition.js';
import { type ArticleFailure, articleFailure, loadEachArticle } from '../project/failure.js';
import { checkMarkdownLimits } from '../markdown/limits.js';
import { createResolver, type Resources } from './resolve.js';
import { inputMessage } from '../util/input-messages.js';
import { isInside } from '../util/paths.js';
import { fileSize, type Shard, selectShard } from '../project/shard.js';

export interface BuildOptions {
  root?: string;
  config?: string;
  /** Only these source files (default: every article under the source folder). */
  files?: string[];
  /** Only this slice of the articles (`--shard i/n`). */
  shard?: Shard;
  /** Compute the editions without writing them (to see which are outdated). */
  dryRun?: boolean;
  /** Called once with the number of editions, then as each edition has been rendered (or skipped), for a progress bar. */
  onStart?: (editions: number) => void;
  onProgress?: (file: string) => void;
}

export interface EditionReport {
  lng: string;
  article: string;
  /** Output path relative to the root. */
  file: string;
  /**
   * `written`: bytes changed; `unchanged`; `skipped`: not built (missing required keys, below threshold);
   * `failed`: cannot be built (see `BuildResult.failures`), nothing written.
   */
  status: 'written' | 'unchanged' | 'skipped' | 'outdated' | 'failed';
  segments: number;
  /** Keys that fell back to the source language. */
  fallback: string[];
  /**
   * Keys whose text is an unreviewed machine or translation-memory draft (sidecar `origin`) in the catalog
   * it was resolved from. Drafts are built: an edition can go out as a draft.
   */
  drafts: string[];
  /** For skipped optional languages: the percentage translated and the threshold. */
  belowThreshold?: { percent: number; threshold: number };
  /** With `dryRun`, for an outdated edition: what build would write. */
  contents?: string;
}

export interface LanguageSummary {
  lng: string;
  required: boolean;
  articles: number;
  segments: number;
  translated: number;
  /** Segments of the editions built (not skipped) whose text is an unreviewed draft. */
  drafts: number;
  written: number;
  /** Editions whose bytes in out/ are already what build would write. */
  unchanged: number;
  skipped: number;
  /** With `dryRun`: editions build would change. */
  outdated: number;
  failed: number;
}

export type { ArticleFailure } from '../project/failure.js';

export interface BuildResult {
  project: Project;
  editions: EditionReport[];
  languages: LanguageSummary[];
  /** Required-language keys with no translation, per edition; any makes the build fail (exit 1). */
  missing: Array<{ lng: string; article: string; catalog: string; keys: string[] }>;
  /** Articles and editions that could not be built; every other edition was still built. */
  failures: ArticleFailure[];
}

/**
 * Builds every edition of every article: `out/<lng>/<article>.md` for the source language and each target
 * language. A required language with missing translations fails (its edition is not written); an optional
 * language falls back to the source text, unless it is below its configured threshold.
 */
export function build(options: BuildOptions = {}): BuildResult {
  const project = loadProject(options.root ?? '.', options.config);
  const { config } = project;
  const { articles, failures } = loadEachArticle(project, buildFiles(project, options));
  const { resources, badCatalogs } = loadResources(project, articles, failures);
  const resolver = createResolver(config, resources);
  const isDraft = draftLookup(project);
  const editions: EditionReport[] = [];
  const missing: BuildResult['missing'] = [];
  const pending: Array<{ file: string; contents: string; report: EditionReport; same: boolean }> = [];
  const manifest = readManifest(project);
  const cache = projectCache(project.root);
  options.onStart?.(articles.length * (1 + config.languages.length));

  for (const lng of [config.sourceLanguage, ...config.languages]) {
    const required = lng !== config.sourceLanguage && config.required.includes(lng);
    for (const article of articles) {
      const outFile = editionPath(project, lng, article);
      const fallback: string[] = [];
      const drafts: string[] = [];
      const textOf = (key: string, sourceText: string): string => {
        const resolved = resolver.resolve(lng, article.id, key);
        if (!resolved || (resolved.usedLng === config.sourceLanguage && lng !== config.sourceLanguage)) {
          fallback.push(key);
          return sourceText;
        }
        if (resolved.usedLng !== config.sourceLanguage && isDraft(resolved.usedLng, article.id, key, resolved.text)) drafts.push(key);
        return resolved.text;
      };
      // Resolve every segment once up front, so the report and the edition agree.
      const texts = new Map(article.segments.map((segment) => [segment.key, textOf(segment.key, segment.text)]));
      const report: EditionReport = {
        lng,
        article: article.id,
        file: displayPath(project, outFile),
        status: 'written',
        segments: article.segments.length,
        fallback,
        drafts,
      };
      const catalog = displayPath(project, catalogPath(project, lng, article.id));
      if (readsBadCatalog(config, lng, badCatalogs.get(article.id))) {
        report.status = 'failed';
      } else if (required && fallback.length > 0) {
        missing.push({ lng, article: article.id, catalog, keys: fallback });
        report.status = 'skipped';
      } else {
        const percent = percentTranslated(article.segments.length, fallback.length);
        if (languageBelowThreshold(project, lng, percent)) {
          report.status = 'skipped';
          report.belowThreshold = { percent, threshold: config.threshold[lng]! };
        }
      }
      const edition = manifestKey(project, outFile);
      const inputs = editionInputsHash(project, article, lng);
      // A skipped edition is recorded too, so check knows from hashes alone that these inputs build nothing.
      if (report.status === 'skipped' && !options.dryRun) record(manifest, edition, inputs, null);
      if (report.status !== 'skipped' && report.status !== 'failed') {
        const onDisk = readBytesIfExists(outFile);
        if (isCurrent(manifest, edition, inputs, onDisk)) {
          // Rendered from exactly these inputs by this very code, and nobody changed the file since.
          report.status = 'unchanged';
        } else {
          try {
            // Rendered from these very inputs before (out/ deleted, a fresh clone without it, a branch
            // switched back): the edition comes from the cache. A failed rendering is never cached.
            let contents = cache.get<string>('edition', inputs);
            if (typeof contents !== 'string') {
              if (lng !== config.sourceLanguage) checkTranslationLimits(project, lng, article, catalog, texts, fallback);
              contents = renderOrExplain(project, article, lng, catalog, texts);
              cache.set('edition', inputs, contents);
            }
            pending.push({ file: outFile, contents, report, same: onDisk?.equals(Buffer.from(contents, 'utf8')) === true });
            if (!options.dryRun) record(manifest, edition, inputs, contents);
          } catch (error) {
            failures.push(failureOf(error, article.path, lng));
            report.status = 'failed';
          }
        }
      }
      editions.push(report);
      options.onProgress?.(report.file);
    }
  }

  // Everything was rendered and verified before the first byte is written; a failed edition is never written.
  const changed = pending.filter(({ contents, report, same }) => {
    if (same) report.status = 'unchanged';
    else if (options.dryRun) {
      report.status = 'outdated';
      report.contents = contents;
    }
    return !same;
  });
  if (!options.dryRun) {
    writeAll(changed, (file) => displayPath(project, file));
    // A full build knows every edition there is: entries of removed articles or languages go.
    if (options.files === undefined && options.shard === undefined) forgetOthers(manifest, new Set(editions.map((report) => relative(project.dirs.out, resolve(project.root, report.file)).split(sep).join('/'))));
    writeManifest(project, manifest);
  }

  return { project, editions, languages: summarize(config.sourceLanguage, config.required, editions), missing, failures };
}

/** The article files a build reads: the ones named (default: every article), the shard's slice of them. */
export function buildFiles(project: Project, options: Pick<BuildOptions, 'files' | 'shard'>): string[] {
  const files = options.files ?? listArticles(project);
  // A file outside the source folder, or two files with one id, make the whole run meaningless: checked first.
  assertDistinctArticles(project, files);
  return options.shard ? selectShard(files, options.shard, (file) => displayPath(project, file), fileSize) : files;
}

/** An input error of one article or edition as a failure; anything else is a bug and propagates. */
function failureOf(error: unknown, article: string, lng: string | null): ArticleFailure {
  return articleFailure(error, article, lng, error instanceof YakugoError && error.cause instanceof EditionError ? error.cause.key : null);
}

/**
 * True when the edition in `lng` would read one of the article's invalid catalogs: its own, an explicit
 * fallback (`fallback:` in the config) or the language it specializes (`en` for `en-GB`). Building it
 * anyway would silently show the fallback text.
 */
function readsBadCatalog(config: Project['config'], lng: string, bad: ReadonlySet<string> | undefined): boolean {
  if (!bad || bad.size === 0) return false;
  return [...bad].some((other) => other === lng || (config.fallback[lng] ?? []).includes(other) || lng.startsWith(`${other}-`));
}

/**
 * True when `lng` is an optional language with a `threshold` and `percent` of an article translated is
 * below it: its edition is not written (like po4a's `--keep`). Required languages are always built (their
 * missing segments are errors instead).
 */
export function languageBelowThreshold(project: Project, lng: string, percent: number): boolean {
  if (lng === project.config.sourceLanguage || project.config.required.includes(lng)) return false;
  const threshold = project.config.threshold[lng];
  return threshold !== undefined && percent < threshold;
}

export function percentTranslated(total: number, missing: number): number {
  return total === 0 ? 100 : Math.floor(((total - missing) / total) * 1000) / 10;
}

/**
 * A translation is Markdown a person typed too: `*`×3000 in a catalog value would make rendering the edition
 * take minutes, so translated values meet the same limits as articles, reported at their catalog entry.
 */
function checkTranslationLimits(project: Project, lng: string, article: SourceArticle, catalog: string, texts: Map<string, string>, fallback: string[]): void {
  const untranslated = new Set(fallback);
  for (const [key, text] of texts) {
    if (untranslated.has(key)) continue;
    try {
      checkMarkdownLimits(text, project.config.limits, catalog);
    } catch (error) {
      if (!(error instanceof YakugoError)) throw error;
      const place = readCatalogIfExists(catalogPath(project, lng, article.id), catalog).places.get(key);
      throw new YakugoError(`${key}: ${error.reason}`, { file: catalog, place: place ?? { line: 1, column: 1 }, cause: error });
    }
  }
}

function renderOrExplain(project: Project, article: SourceArticle, lng: string, catalog: string, texts: Map<string, string>): string {
  // Every segment in its source text (the source edition, an untranslated one): the edition is the source file.
  if (article.segments.every((segment) => texts.get(segment.key) === segment.text)) return article.bom ? `\ufeff${article.source}` : article.source;
  try {
    const contents = renderEdition({
      source: article.source,
      frontMatter: project.config.frontMatter,
      file: article.path,
      syntax: article.syntax,
      attributes: project.config.attributes,
      htmlSegments: project.config.htmlSegments,
      textOf: (segment) => texts.get(segment.key) ?? segment.text,
    });
    return article.bom ? `\ufeff${contents}` : contents;
  } catch (error) {
    if (!(error instanceof EditionError)) throw error;
    const place = readCatalogIfExists(catalogPath(project, lng, article.id), catalog).places.get(error.key);
    throw new YakugoError(`${error.key} (${article.path}:${error.sourceLine}): ${error.message}`, {
      file: place ? catalog : article.path,
      place: place ?? { line: error.sourceLine, column: 1 },
      cause: error,
    });
  }
}

/**
 * Whether the text a key resolved to is an unreviewed draft in the catalog of `lng` (the language i18next
 * took it from, which may be a fallback). Sidecars are read once each, on first use.
 */
function draftLookup(project: Project): (lng: string, articleId: string, key: string, text: string) => boolean {
  const states = new Map<string, CatalogState>();
  return (lng, articleId, key, text) => {
    const id = `${lng}\u0000${articleId}`;
    let state = states.get(id);
    if (!state) {
      const file = statePath(catalogPath(project, lng, articleId));
      state = readState(file, displayPath(project, file));
      states.set(id, state);
    }
    return isUnreviewed(state.get(key), text);
  };
}

/**
 * Source-language resources come from the articles themselves, so they are never stale. A catalog that
 * cannot be read is a failure of that article's editions that read it, not of the run.
 */
function loadResources(
  project: Project,
  articles: SourceArticle[],
  failures: ArticleFailure[],
): { resources: Resources; badCatalogs: Map<string, Set<string>> } {
  const { config } = project;
  const resources: Resources = { [config.sourceLanguage]: {} };
  const badCatalogs = new Map<string, Set<string>>();
  for (const article of articles) {
    resources[config.sourceLanguage]![article.id] = Object.fromEntries(article.segments.map((segment) => [segment.key, segment.text]));
  }
  const languages = new Set([...config.languages, ...Object.values(config.fallback).flat()]);
  for (const lng of languages) {
    if (lng === config.sourceLanguage) continue;
    resources[lng] = {};
    for (const article of articles) {
      const file = catalogPath(project, lng, article.id);
      try {
        resources[lng]![article.id] = Object.fromEntries(readCatalogIfExists(file, displayPath(project, file)).entries);
      } catch (error) {
        failures.push(failureOf(error, article.path, lng));
        badCatalogs.set(article.id, (badCatalogs.get(article.id) ?? new Set()).add(lng));
      }
    }
  }
  return { resources, badCatalogs };
}

/**
 * `out/<lng>/<article>.md` (`.mdx` for an MDX article), refusing any path (through `..` or a symbolic link) that would write outside
 * the out folder.
 */
export function editionPath(project: Project, lng: string, article: SourceArticle): string {
  const file = resolve(project.dirs.out, lng, `${article.id}${article.extension === '.mdx' ? '.mdx' : '.md'}`);
  if (!isInside(file, project.dirs.out)) {
    throw new YakugoError(inputMessage('editionOutside', { file, out: displayPath(project, project.dirs.out) }), { file: article.path });
  }
  // A symbolic link inside out/ could still lead elsewhere: check the nearest folder that exists.
  if (existsSync(project.dirs.out)) {
    let dir = dirname(file);
    while (!existsSync(dir)) dir = dirname(dir);
    if (!isInside(realpathSync(dir), realpathSync(project.dirs.out))) {
      throw new YakugoError(inputMessage('editionSymlink', { file: displayPath(project, file), out: displayPath(project, project.dirs.out) }), {
        file: article.path,
      });
    }
  }
  return file;
}

function summarize(sourceLanguage: string, required: string[], editions: EditionReport[]): LanguageSummary[] {
  const summaries = new Map<string, LanguageSummary>();
  for (const edition of editions) {
    const summary = summaries.get(edition.lng) ?? {
      lng: edition.lng,
      required: edition.lng !== sourceLanguage && required.includes(edition.lng),
      articles: 0,
      segments: 0,
      translated: 0,
      drafts: 0,
      written: 0,
      unchanged: 0,
      skipped: 0,
      outdated: 0,
      failed: 0,
    };
    summary.articles++;
    summary.segments += edition.segments;
    summary.translated += edition.segments - edition.fallback.length;
    summary[edition.status]++;
    if (edition.status !== 'skipped' && edition.status !== 'failed') summary.drafts += edition.drafts.length;
    summaries.set(edition.lng, summary);
  }
  return [...summaries.values()];
}
