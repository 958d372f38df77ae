/**
 * yakugo as a library: the same operations as the CLI.
 *
 * ```ts
 * import { extract, build } from 'yakugo';
 * extract({ root: 'path/to/project' });
 * const result = build({ root: 'path/to/project' });
 * ```
 */
export { type ArticleFailure, type BuildOptions, type BuildResult, build, type EditionReport } from './build/build.js';
export { EditionError, renderEdition } from './build/edition.js';
export { type Catalog, catalogPath, parseCatalog, readCatalog } from './catalog/catalog.js';
export { type ExtractOptions, type ExtractResult, extract } from './catalog/extract.js';
export { type CatalogReview, type ReviewSelection, reviewAccept } from './catalog/review-accept.js';
export { type AcceptedEntry, acceptReviewed } from './catalog/review.js';
export { isStale, isUnreviewed, readState, type StateEntry } from './catalog/state.js';
export { type CheckResult, runCheck } from './check/run.js';
export { projectStatus } from './check/status.js';
export { getFormatter } from './check/formatters/index.js';
export { loadProject, type Project } from './config/load.js';
export {
  acceptedTerms,
  loadGlossary,
  loadProjectGlossary,
  parseGlossaryFile,
  preferredTerm,
  targetTermsFor,
} from './glossary/load.js';
export { createMatcher, type Match, type Matcher } from './glossary/match.js';
export { containsAcceptedTerm, findTargetTerms } from './glossary/target/index.js';
export type { Concept, Glossary, Term } from './glossary/types.js';
export { type Config, configSchema } from './config/schema.js';
export { parseMarkdown, stringifyMarkdown } from './markdown/parse.js';
export { segmentMarkdown } from './markdown/segment.js';
export type { Segment, SourceArticle, TextRun } from './markdown/types.js';
export { listArticles, loadArticle } from './project/articles.js';
export { YakugoError } from './util/errors.js';
export { type LanguageReport, type TranslateOptions, type TranslateResult, translate } from './translate/run.js';
export { exportXliff, type XliffDocument } from './xliff/export.js';
export { importXliff, type XliffImportResult } from './xliff/import.js';
export { writeReviewSite } from './review/site.js';
export { buildReview, type ReviewPage } from './review/model.js';
