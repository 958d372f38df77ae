/**
 * `yakugo review accept`: marks the translations a person has reviewed as reviewed, in the sidecars
 * (`locales/<lng>/<article>.state.yaml`), never touching a catalog value. What is selected: articles
 * (source files, or catalogs which also name their language), languages and keys; everything when left out.
 */
import { selectTargetLanguages, unknownTargetLanguage } from '../project/languages.js';
import { relative, resolve, sep } from 'node:path';
import type { Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import { displayPath, listArticles, loadArticle } from '../project/articles.js';
import { withProjectLock } from '../project/lock.js';
import { YakugoError } from '../util/errors.js';
import { defineMessages } from '../util/i18n.js';
import { isInside } from '../util/paths.js';
import { catalogPath, readCatalogIfExists } from './catalog.js';
import { readState, statePath } from './state.js';
import { type AcceptedEntry, acceptReviewed } from './review.js';
import { updateCatalog } from './update.js';

const t = defineMessages('review-accept', {
  en: {
    notArticle: '{{file}} is neither an article under {{source}} nor a catalog under {{locales}}',
    noArticle: '{{file}}: no article {{article}} under {{source}} for this catalog',
    unknownKey: 'unknown key "{{key}}": no segment of the selected articles has it',
  },
  ja: {
    notArticle: '{{file}} は {{source}} の記事でも {{locales}} のカタログでもありません',
    noArticle: '{{file}}: このカタログの記事 {{article}} が {{source}} にありません',
    unknownKey: 'キー "{{key}}" は対象の記事のどのセグメントにもありません',
  },
});

export interface ReviewSelection {
  /** Source files or catalogs (`locales/<lng>/<article>.json`), relative to the working folder. */
  files?: readonly string[];
  languages?: readonly string[];
  keys?: readonly string[];
  /** Report what would be accepted; write nothing. */
  dryRun?: boolean;
}

export interface CatalogReview {
  lng: string;
  article: string;
  /** The catalog, relative to the root. */
  catalog: string;
  accepted: AcceptedEntry[];
}

/**
 * Accepts the selected drafts and stale translations; catalogs with nothing to accept are left out. Runs
 * under the project lock, and each sidecar is rewritten through `updateCatalog`: decided from the catalog
 * and sidecar as they are on disk when written (a translator's save in between is read again, never
 * overwritten), the catalog itself left as it is.
 */
export function reviewAccept(project: Project, selection: ReviewSelection = {}): CatalogReview[] {
  const languages = selectTargetLanguages(project, selection.languages);
  const targets = selectTargets(project, selection.files ?? [], languages);
  const keys = selection.keys && selection.keys.length > 0 ? new Set(selection.keys) : undefined;
  if (keys) {
    const known = new Set(targets.flatMap(({ article }) => article.segments.map((segment) => segment.key)));
    const unknown = [...keys].find((key) => !known.has(key));
    if (unknown !== undefined) throw new YakugoError(t('unknownKey', { key: unknown }));
  }
  const accept = (): CatalogReview[] => {
    const reviews: CatalogReview[] = [];
    for (const { lng, article } of targets) {
      const file = catalogPath(project, lng, article.id);
      let accepted: AcceptedEntry[] = [];
      if (selection.dryRun) {
        const stateFile = statePath(file);
        const entries = readCatalogIfExists(file, displayPath(project, file)).entries;
        accepted = acceptReviewed(article.segments, entries, readState(stateFile, displayPath(project, stateFile)), keys).accepted;
      } else {
        updateCatalog(project, lng, article.id, (current) => {
          const result = acceptReviewed(article.segments, current.entries, current.state, keys);
          accepted = result.accepted;
          return accepted.length === 0 ? undefined : { entries: [...current.entries], state: result.state };
        });
      }
      if (accepted.length > 0) reviews.push({ lng, article: article.id, catalog: displayPath(project, file), accepted });
    }
    return reviews;
  };
  // A dry run writes nothing, so it neither takes nor waits for the lock.
  return selection.dryRun ? accept() : withProjectLock(project, 'review accept', accept);
}

/**
 * (language, article) pairs in config then article order. A source file selects its article in every
 * selected language; a catalog selects its article in its own language (when that language is selected).
 */
function selectTargets(project: Project, files: readonly string[], languages: readonly string[]): Array<{ lng: string; article: SourceArticle }> {
  const all = listArticles(project);
  const wanted = new Map<string, Set<string> | 'all'>();
  for (const name of files) {
    const file = resolve(name);
    const shown = displayPath(project, file);
    if (isInside(file, project.dirs.source) && all.includes(file)) {
      wanted.set(file, 'all');
      continue;
    }
    if (!isInside(file, project.dirs.locales) || !file.endsWith('.json')) {
      throw new YakugoError(t('notArticle', { file: shown, source: displayPath(project, project.dirs.source), locales: displayPath(project, project.dirs.locales) }));
    }
    const [lng, ...rest] = relative(project.dirs.locales, file).split(sep);
    const id = rest.join('/').replace(/\.json$/, '');
    if (!lng || !project.config.languages.includes(lng)) {
      throw unknownTargetLanguage(project, lng ?? '', shown);
    }
    const source = all.find((candidate) => relative(project.dirs.source, candidate).split(sep).join('/').replace(/\.(md|markdown)$/i, '') === id);
    if (!source) throw new YakugoError(t('noArticle', { file: shown, article: id, source: displayPath(project, project.dirs.source) }));
    const seen = wanted.get(source);
    if (seen !== 'all') wanted.set(source, new Set([...(seen ?? []), lng]));
  }
  const articles = (files.length === 0 ? all : all.filter((file) => wanted.has(file))).map((file) => ({ file, article: loadArticle(project, file) }));
  return languages.flatMap((lng) =>
    articles
      .filter(({ file }) => {
        const only = wanted.get(file);
        return only === undefined || only === 'all' || only.has(lng);
      })
      .map(({ article }) => ({ lng, article })),
  );
}
