import { existsSync, readFileSync } from 'node:fs';
import { loadProject, type Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import { assertDistinctArticles, displayPath, listArticles, loadArticle } from '../project/articles.js';
import { writeFileAtomic } from '../util/fs.js';
import { catalogPath, formatCatalog, readCatalogIfExists } from './catalog.js';
import { type Carried, mergeCatalog, type Orphan } from './merge.js';
import { formatState, readState, statePath } from './state.js';

export interface ExtractOptions {
  root?: string;
  config?: string;
  /** Only these source files (default: every article under the source folder). */
  files?: string[];
  /** Remove translations whose source segment is gone (otherwise they are kept and reported). */
  prune?: boolean;
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
}

interface PendingWrite {
  file: string;
  contents: string;
}

/**
 * Regenerates the source catalog of every article and merges its keys into every target catalog. All files
 * are computed first and written only when every input was valid, each atomically, and only when their
 * bytes change.
 */
export function extract(options: ExtractOptions = {}): ExtractResult {
  const project = loadProject(options.root ?? '.', options.config);
  const { config } = project;
  const files = options.files ?? listArticles(project);
  assertDistinctArticles(project, files);
  const articles = files.map((file) => loadArticle(project, file));
  const writes: PendingWrite[] = [];
  const languages: ExtractLanguageReport[] = [];

  for (const article of articles) {
    const sourceFile = catalogPath(project, config.sourceLanguage, article.id);
    const previousSource = readCatalogIfExists(sourceFile, displayPath(project, sourceFile)).entries;
    writes.push({ file: sourceFile, contents: formatCatalog(article.segments.map((segment) => [segment.key, segment.text])) });

    for (const lng of config.languages) {
      const file = catalogPath(project, lng, article.id);
      const stateFile = statePath(file);
      const result = mergeCatalog({
        segments: article.segments,
        previous: readCatalogIfExists(file, displayPath(project, file)).entries,
        previousState: readState(stateFile, displayPath(project, stateFile)),
        previousSource,
        prune: options.prune,
      });
      writes.push({ file, contents: formatCatalog(result.entries) });
      writes.push({ file: stateFile, contents: formatState(result.state) });
      languages.push({
        lng,
        article: article.id,
        catalog: displayPath(project, file),
        added: result.added,
        carried: result.carried,
        orphans: result.orphans,
        pruned: result.pruned,
      });
    }
  }

  const written: string[] = [];
  for (const { file, contents } of writes) {
    if (existsSync(file) && readFileSync(file, 'utf8') === contents) continue;
    writeFileAtomic(file, contents);
    written.push(displayPath(project, file));
  }
  return { project, articles, languages, written };
}
