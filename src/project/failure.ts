import type { Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import { placeText, YakugoError } from '../util/errors.js';
import { displayPath, loadArticle } from './articles.js';

/**
 * An article, or one edition of it, that a command could not process: unreadable source or front matter, a
 * catalog that is not valid, or a translation that does not fit its segment. Reported at the place to fix;
 * the command goes on with the other articles.
 */
export interface ArticleFailure {
  /** The source article, relative to the root. */
  article: string;
  /** The edition that failed, or null when the article itself cannot be read (then no edition is built). */
  lng: string | null;
  /** Where to fix it (the catalog entry, or the source file), relative to the root. */
  file: string;
  line: number;
  column: number;
  /** What is wrong, without the place. */
  message: string;
  /**
   * The place as messages show it: `file:line:column`, or just `file` for what concerns the whole file (an
   * article over the size limit, a link leading outside), where `line` and `column` are then 1.
   */
  where: string;
  /** The segment whose translation does not fit, when one does. */
  key: string | null;
}

/** The failure a user error (`YakugoError`) means for one article; any other error is a bug and is rethrown. */
export function articleFailure(error: unknown, article: string, lng: string | null, key: string | null = null): ArticleFailure {
  if (!(error instanceof YakugoError)) throw error;
  return {
    article,
    lng,
    file: error.file ?? article,
    line: error.place?.line ?? 1,
    column: error.place?.column ?? 1,
    message: error.reason,
    where: placeText(error.file ?? article, error.place),
    key,
  };
}

/** Reads each of `files`: an article that cannot be read is a failure, and the others are still read. */
export function loadEachArticle(project: Project, files: readonly string[]): { articles: SourceArticle[]; failures: ArticleFailure[] } {
  const articles: SourceArticle[] = [];
  const failures: ArticleFailure[] = [];
  for (const file of files) {
    try {
      articles.push(loadArticle(project, file));
    } catch (error) {
      failures.push(articleFailure(error, displayPath(project, file), null));
    }
  }
  return { articles, failures };
}
