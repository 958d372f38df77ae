/**
 * `yakugo xliff import`: targets of XLIFF 2.0 files written back into the catalogs, with the guarantees of
 * `extract`: every file is read and every unit judged before anything is written; a unit whose source no
 * longer matches the article, or whose markup does not come back intact, is reported with its id and not
 * applied; a target that did not change changes nothing, so export → import without edits changes no byte.
 *
 * State: a target marked `reviewed` or `final` is recorded as reviewed against the current source (a stale
 * translation or a draft that was only confirmed is accepted too). A changed target in any other state is
 * recorded as an unreviewed draft (`origin: xliff`), so `yakugo review` and `status` still show it.
 */
import { existsSync } from 'node:fs';
import { visit } from 'unist-util-visit';
import { resolve } from 'node:path';
import { catalogPath, readCatalogIfExists } from '../catalog/catalog.js';
import { type CatalogState, readState, statePath, withExtras } from '../catalog/state.js';
import { type CatalogContents, updateCatalog } from '../catalog/update.js';
import { segmentStatus } from '../catalog/status.js';
import type { Project } from '../config/load.js';
import { compareMarkup, markupOf } from '../check/rules/markup-mismatch.js';
import { type InlineContext, inlineContextOf, parseInline } from '../markdown/inline.js';
import { parseMarkdown } from '../markdown/parse.js';
import { shortHash } from '../markdown/segment.js';
import type { SourceArticle } from '../markdown/types.js';
import { displayPath, loadArticle } from '../project/articles.js';
import { YakugoError } from '../util/errors.js';
import { readTextFile } from '../util/fs.js';
import { withProjectLock } from '../project/lock.js';
import { isInside } from '../util/paths.js';
import { type InlinePiece, markdownToPieces, mergeText, piecesToMarkdown } from './inline.js';
import { xliffMessage } from './messages.js';
import { type ReadUnit, readXliff } from './read.js';

/** The origin recorded for a translation made in a CAT tool and not yet marked reviewed there. */
export const XLIFF_ORIGIN = 'xliff';

export interface UnitVerdict {
  file: string;
  line: number;
  column: number;
  unit: string;
  message: string;
}

export interface XliffImportReport {
  file: string;
  article: string;
  lng: string;
  /** Translations written (new or changed text). */
  applied: number;
  /** Units recorded as reviewed (changed or only confirmed). */
  reviewed: number;
  rejected: UnitVerdict[];
}

export interface XliffImportResult {
  reports: XliffImportReport[];
  /** Files whose bytes changed (relative to the root). */
  written: string[];
}

/** A catalog and its sidecar as one run of `update` sees them, with the changes made so far. */
interface WorkingCatalog {
  entries: Map<string, string>;
  state: CatalogState;
  /** The catalog relative to the root, for messages. */
  shown: string;
  changed: boolean;
}

interface ArticleContext {
  article: SourceArticle;
  inline: InlineContext;
  /** Link reference definitions, so `[text][ref]` compares by URL as in check. */
  definitions: Map<string, string>;
  segments: Map<string, string>;
}

/** The units of every XLIFF file that go to one catalog, in file order, with the report each counts in. */
interface PendingCatalog {
  lng: string;
  context: ArticleContext;
  units: Array<{ unit: ReadUnit; report: XliffImportReport }>;
}

/**
 * Reads every file and judges the files as a whole first (any bad file: exit 2, nothing written). Then,
 * under the project lock, each catalog is updated with `updateCatalog`, which applies the units to the
 * catalog as it is on disk at that moment and writes the catalog and its sidecar together, never over a
 * translator's save: the unit verdicts are those of the contents actually written.
 */
export function importXliff(project: Project, files: readonly string[], options: { dryRun?: boolean } = {}): XliffImportResult {
  const articles = new Map<string, ArticleContext>();
  const pending = new Map<string, PendingCatalog>();
  const reports: XliffImportReport[] = [];

  for (const path of files) {
    const absolute = resolve(path);
    const shown = displayPath(project, absolute);
    for (const file of readXliff(readTextFile(absolute, shown), shown)) {
      const fail = (message: string): never => {
        throw new YakugoError(message, { file: shown, place: file.place });
      };
      if (file.srcLang !== project.config.sourceLanguage) fail(xliffMessage('srcLang', { srcLang: file.srcLang, expected: project.config.sourceLanguage }));
      if (!project.config.languages.includes(file.trgLang)) fail(xliffMessage('trgLang', { trgLang: file.trgLang, configured: project.config.languages.join(', ') }));
      const context = articleContext(project, file.original, articles) ?? fail(xliffMessage('unknownArticle', { original: file.original }));
      const catalogFile = catalogPath(project, file.trgLang, context.article.id);
      const report: XliffImportReport = { file: shown, article: context.article.id, lng: file.trgLang, applied: 0, reviewed: 0, rejected: [] };
      reports.push(report);
      const target = pending.get(catalogFile) ?? { lng: file.trgLang, context, units: [] };
      pending.set(catalogFile, target);
      for (const unit of file.units) target.units.push({ unit, report });
    }
  }

  const written: string[] = [];
  const applyAll = (catalog: PendingCatalog, current: CatalogContents, shown: string): { working: WorkingCatalog; verdicts: Verdict[] } => {
    const working: WorkingCatalog = { entries: new Map(current.entries), state: new Map(current.state), shown, changed: false };
    return { working, verdicts: catalog.units.map(({ unit }) => applyUnit(unit, catalog.context, working)) };
  };
  const record = (catalog: PendingCatalog, verdicts: readonly Verdict[]): void => {
    catalog.units.forEach(({ unit, report }, index) => {
      const verdict = verdicts[index]!;
      if (verdict.rejected) report.rejected.push({ file: report.file, ...unit.place, unit: unit.key, message: verdict.rejected });
      if (verdict.applied) report.applied++;
      if (verdict.reviewed) report.reviewed++;
    });
  };

  if (options.dryRun) {
    for (const [catalogFile, catalog] of pending) {
      const shown = displayPath(project, catalogFile);
      const stateFile = statePath(catalogFile);
      const current = { entries: readCatalogIfExists(catalogFile, shown).entries, state: readState(stateFile, displayPath(project, stateFile)) };
      const { working, verdicts } = applyAll(catalog, current, shown);
      record(catalog, verdicts);
      if (working.changed) written.push(shown, displayPath(project, stateFile));
    }
    return { reports, written };
  }

  withProjectLock(project, 'xliff import', () => {
    for (const [catalogFile, catalog] of pending) {
      const shown = displayPath(project, catalogFile);
      let verdicts: Verdict[] = [];
      const files = updateCatalog(project, catalog.lng, catalog.context.article.id, (current) => {
        const result = applyAll(catalog, current, shown);
        verdicts = result.verdicts;
        return result.working.changed ? { entries: [...result.working.entries], state: result.working.state } : undefined;
      });
      record(catalog, verdicts);
      written.push(...files);
    }
  });
  return { reports, written };
}

function articleContext(project: Project, original: string, cache: Map<string, ArticleContext>): ArticleContext | undefined {
  const file = resolve(project.root, original);
  if (!isInside(file, project.dirs.source) || !/\.(md|markdown)$/i.test(file) || !existsSync(file)) return undefined;
  let context = cache.get(file);
  if (!context) {
    const article = loadArticle(project, file);
    const tree = parseMarkdown(article.source);
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    });
    context = {
      article,
      inline: inlineContextOf(tree),
      definitions,
      segments: new Map(article.segments.map((segment) => [segment.key, segment.text])),
    };
    cache.set(file, context);
  }
  return context;
}

interface Verdict {
  applied?: boolean;
  reviewed?: boolean;
  rejected?: string;
}

function applyUnit(unit: ReadUnit, context: ArticleContext, working: WorkingCatalog): Verdict {
  if (unit.problem) return { rejected: unit.problem };
  const sourceText = context.segments.get(unit.key);
  if (sourceText === undefined) return { rejected: xliffMessage('noSuchKey', { unit: unit.key, article: context.article.path }) };
  if (piecesToMarkdown(unit.source) !== sourceText) return { rejected: xliffMessage('sourceChanged', { unit: unit.key }) };
  if (unit.target === undefined) return {};
  const catalogShown = working.shown;
  const current = working.entries.get(unit.key);
  const targetText = piecesToMarkdown(unit.target);
  const reviewed = unit.state === 'reviewed' || unit.state === 'final';
  const entry = working.state.get(unit.key);

  if (current === undefined) {
    return targetText === '' ? {} : { rejected: xliffMessage('notInCatalog', { unit: unit.key, catalog: catalogShown }) };
  }
  if (targetText === current) {
    // Unchanged: only a reviewer's confirmation of a stale translation or a draft changes anything.
    const status = segmentStatus(entry, sourceText, current);
    if (!reviewed || (status !== 'stale' && status !== 'draft')) return {};
    working.state.set(unit.key, withExtras({ source: shortHash(sourceText), target: shortHash(current) }, { note: entry?.note }));
    working.changed = true;
    return { reviewed: true };
  }
  if (targetText === '') return { rejected: xliffMessage('emptyTarget', { unit: unit.key, catalog: catalogShown }) };
  const markup = markupProblem(unit, context, targetText);
  if (markup) return { rejected: markup };

  working.entries.set(unit.key, targetText);
  // A translator's note on the entry is kept, as every command keeps it.
  working.state.set(
    unit.key,
    withExtras({ source: shortHash(sourceText), target: shortHash(targetText) }, { origin: reviewed ? undefined : XLIFF_ORIGIN, note: entry?.note }),
  );
  working.changed = true;
  return { applied: true, reviewed };
}

/**
 * Why a changed target cannot be written back, if it cannot: its Markdown must parse into exactly the codes
 * the XLIFF shows (text a translator typed must not turn into markup, or the reverse), and it must carry the
 * markup `check` requires of a translation (markup/mismatch: the same code, URLs, footnotes, emphasis).
 */
function markupProblem(unit: ReadUnit, context: ArticleContext, targetText: string): string | undefined {
  const read = shape(mergeText(unit.target ?? []));
  const reparsed = shape(markdownToPieces(targetText, context.inline));
  if (JSON.stringify(read) !== JSON.stringify(reparsed)) {
    return xliffMessage('markupBroken', { unit: unit.key, detail: JSON.stringify(targetText) });
  }
  if (unit.key.startsWith('meta.')) return undefined; // front-matter values are plain strings
  try {
    const source = markupOf(parseInline(piecesToMarkdown(unit.source), context.inline), context.definitions);
    const target = markupOf(parseInline(targetText, context.inline), context.definitions);
    const differences = compareMarkup(source, target);
    return differences.length === 0 ? undefined : xliffMessage('markupDiffers', { unit: unit.key, detail: differences.join('; ') });
  } catch (error) {
    return xliffMessage('markupBroken', { unit: unit.key, detail: error instanceof Error ? error.message : String(error) });
  }
}

/** Pieces without the pc `type` a CAT tool may drop: what matters is the Markdown of each code. */
function shape(pieces: readonly InlinePiece[]): unknown[] {
  return pieces.map((piece) => (piece.kind === 'pc' ? { start: piece.start, end: piece.end, children: shape(piece.children) } : piece));
}
