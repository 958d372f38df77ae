import { createHash } from 'node:crypto';
import { projectCache } from '../cache/store.js';
import { loadProject, type Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import { assertDistinctArticles, displayPath, listArticles } from '../project/articles.js';
import { type ArticleFailure, articleFailure, loadEachArticle } from '../project/failure.js';
import { withProjectLock } from '../project/lock.js';
import { YakugoError } from '../util/errors.js';
import { decodeTextFile, hashFile, readBytesIfExists } from '../util/fs.js';
import { inputMessage } from '../util/input-messages.js';
import { partialWriteError } from '../util/fs-errors.js';
import { checkWritable } from '../util/write-all.js';
import { catalogPath, formatCatalog, parseCatalog } from './catalog.js';
import { commitWrites, type PlannedWrite } from './commit.js';
import { type Carried, mergeCatalog, type Orphan } from './merge.js';
import { formatState, parseState, statePath } from './state.js';

export interface ExtractOptions {
  root?: string;
  config?: string;
  /** Only these source files (default: every article under the source folder). */
  files?: string[];
  /** Remove translations whose source segment is gone (otherwise they are kept and reported). */
  prune?: boolean;
  /** Called after each file is written (the absolute path), in write order. */
  onWrite?: (file: string) => void;
}

export interface ExtractLanguageReport {
  lng: string;
  article: string;
  catalog: string;
  added: string[];
  carried: Carried[];
  orphans: Orphan[];
  pruned: string[];
}

export interface ExtractResult {
  project: Project;
  articles: SourceArticle[];
  languages: ExtractLanguageReport[];
  /** Files whose bytes changed. */
  written: string[];
  /** Catalogs somebody saved while extract ran; extract merged again from what they saved. */
  changedMeanwhile: string[];
  /**
   * Articles extract could not read (the source, its front matter, or one of its catalogs or sidecars):
   * none of their files was written; every other article was extracted.
   */
  failures: ArticleFailure[];
}

/** How many times extract reads and merges again when a catalog is saved while it runs, before giving up. */
const MAX_ATTEMPTS = 5;

/**
 * Regenerates the source catalog of every article and merges its keys into every target catalog, holding
 * the project lock. All files are computed first and written only when every input was valid, each
 * atomically and only when its bytes change, in an order that keeps an interrupted run safe: sidecars,
 * then target catalogs, then source catalogs last. The source catalog is the record of what the targets
 * were merged against, so until it is written a new run merges (and carries, and marks stale) exactly as
 * the interrupted one did. A catalog saved by a person while extract computed is never overwritten: extract
 * reads it again and merges again.
 */
export function extract(options: ExtractOptions = {}): ExtractResult {
  const project = loadProject(options.root ?? '.', options.config);
  return withProjectLock(project, 'extract', () => extractLocked(project, options));
}

/** The article files extract reads: the ones named, or every article. */
export function extractFiles(project: Project, files: string[] | undefined): string[] {
  const chosen = files ?? listArticles(project);
  // A file outside the source folder, or two files with one id, make the whole run meaningless: checked first.
  assertDistinctArticles(project, chosen);
  return chosen;
}

function extractLocked(project: Project, options: ExtractOptions): ExtractResult {
  const { articles: loaded, failures: loadFailures } = loadEachArticle(project, extractFiles(project, options.files));
  const written: string[] = [];
  const changedMeanwhile: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const plan = planExtract(project, loaded, options.prune);
    const result = commitChecked(project, plan.writes, written, options.onWrite);
    for (const file of result.written) {
      const shown = displayPath(project, file);
      if (!written.includes(shown)) written.push(shown);
    }
    if (result.conflict === undefined) {
      const failed = new Set(plan.failures.map((failure) => failure.article));
      const articles = loaded.filter((article) => !failed.has(article.path));
      return { project, articles, languages: plan.languages, written, changedMeanwhile, failures: [...loadFailures, ...plan.failures] };
    }
    const shown = displayPath(project, result.conflict);
    changedMeanwhile.push(shown);
    if (attempt === MAX_ATTEMPTS) throw new YakugoError(inputMessage('keepsChanging', { attempts: MAX_ATTEMPTS }), { file: shown });
  }
}

/**
 * commitWrites, after checking that every file that will change can be written (a read-only folder,
 * `locales` being a file: nothing is written at all), and with a fault midway (a full disk) naming the
 * files already written.
 */
function commitChecked(project: Project, writes: PlannedWrite[], before: readonly string[], onWrite?: (file: string) => void): ReturnType<typeof commitWrites> {
  const changing = writes.filter((write) => !write.expected?.equals(Buffer.from(write.contents, 'utf8')));
  for (const write of changing) checkWritable(write.file);
  const done: string[] = [];
  try {
    return commitWrites(writes, (file) => {
      done.push(file);
      onWrite?.(file);
    });
  } catch (error) {
    const failed = changing.find((write) => !done.includes(write.file))?.file;
    const shown = [...before, ...done.map((file) => displayPath(project, file)).filter((file) => !before.includes(file))];
    throw partialWriteError(error, failed === undefined ? '' : displayPath(project, failed), shown, changing.length);
  }
}

/** Which files go first: see `extract`. */
const WRITE_ORDER = { sidecar: 0, target: 1, source: 2 } as const;

function planExtract(
  project: Project,
  articles: SourceArticle[],
  prune: boolean | undefined,
): { writes: PlannedWrite[]; languages: ExtractLanguageReport[]; failures: ArticleFailure[] } {
  const writes: Array<PlannedWrite & { rank: number }> = [];
  const languages: ExtractLanguageReport[] = [];
  const failures: ArticleFailure[] = [];
  const cache = projectCache(project.root);
  for (const article of articles) {
    // An article whose source and catalogs hash the same as when extract last found nothing to change
    // has nothing to change now: its reports come from the cache, and nothing is parsed or merged.
    const key = settledKey(project, article, prune);
    const settled = cache.get<ExtractLanguageReport[]>('extract-settled', key);
    if (settled) {
      languages.push(...settled);
      continue;
    }
    let planned: ReturnType<typeof planArticle>;
    try {
      planned = planArticle(project, article, prune);
    } catch (error) {
      // A catalog or sidecar that is not valid: this article's files are all left as they are, to be
      // fixed by hand, and the others are extracted.
      failures.push(articleFailure(error, article.path, null));
      continue;
    }
    writes.push(...planned.writes);
    languages.push(...planned.languages);
    if (planned.writes.every((write) => write.expected?.equals(Buffer.from(write.contents, 'utf8')))) cache.set('extract-settled', key, planned.languages);
  }
  // Array.prototype.sort is stable: within a rank, files keep article and language order.
  return { writes: writes.sort((a, b) => a.rank - b.rank), languages, failures };
}

/** Everything extract reads for one article, as bytes, with the options and settings that shape its result. */
function settledKey(project: Project, article: SourceArticle, prune: boolean | undefined): string {
  const { config } = project;
  const hash = createHash('sha256').update(JSON.stringify([config, article.id, article.syntax, prune === true])).update('\0').update(article.source);
  const add = (file: string) => hashFile(hash, file);
  add(catalogPath(project, config.sourceLanguage, article.id));
  for (const lng of config.languages) {
    const target = catalogPath(project, lng, article.id);
    add(target);
    add(statePath(target));
  }
  return hash.digest('hex');
}

function planArticle(project: Project, article: SourceArticle, prune: boolean | undefined): { writes: Array<PlannedWrite & { rank: number }>; languages: ExtractLanguageReport[] } {
  const { config } = project;
  const writes: Array<PlannedWrite & { rank: number }> = [];
  const languages: ExtractLanguageReport[] = [];
  const source = readSnapshot(project, catalogPath(project, config.sourceLanguage, article.id));
  const previousSource = source.text === null ? new Map<string, string>() : parseCatalog(source.text, source.shown).entries;
  writes.push({ ...source.write(formatCatalog(article.segments.map((segment) => [segment.key, segment.text]))), rank: WRITE_ORDER.source });

  for (const lng of config.languages) {
    const target = readSnapshot(project, catalogPath(project, lng, article.id));
    const sidecar = readSnapshot(project, statePath(target.file));
    const result = mergeCatalog({
      segments: article.segments,
      previous: target.text === null ? new Map() : parseCatalog(target.text, target.shown).entries,
      previousState: sidecar.text === null ? new Map() : parseState(sidecar.text, sidecar.shown),
      previousSource,
      prune,
    });
    writes.push({ ...target.write(formatCatalog(result.entries)), rank: WRITE_ORDER.target });
    writes.push({ ...sidecar.write(formatState(result.state)), rank: WRITE_ORDER.sidecar });
    languages.push({
      lng,
      article: article.id,
      catalog: target.shown,
      added: result.added,
      carried: result.carried,
      orphans: result.orphans,
      pruned: result.pruned,
    });
  }
  return { writes, languages };
}

/** A file as read for planning: its text (null when missing) and the bytes a later write must still find. */
function readSnapshot(project: Project, file: string) {
  const shown = displayPath(project, file);
  const bytes = readBytesIfExists(file);
  return {
    file,
    shown,
    text: bytes === null ? null : decodeTextFile(bytes, shown),
    write: (contents: string): PlannedWrite => ({ file, contents, expected: bytes }),
  };
}
