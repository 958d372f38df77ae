import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Project } from '../config/load.js';
import { segmentMarkdown } from '../markdown/segment.js';
import type { SourceArticle } from '../markdown/types.js';
import { YakugoError } from '../util/errors.js';
import { readTextFile } from '../util/fs.js';
import { withPath } from '../util/fs-errors.js';
import { inputMessage } from '../util/input-messages.js';
import { isInside } from '../util/paths.js';

/**
 * Every `*.md` file under the source folder (nested folders too), sorted by path so runs are deterministic.
 * Symbolic links are followed only while they resolve inside the source folder: one leading elsewhere
 * (`source/pw.md → /etc/passwd`) is refused, so no file outside the project is ever copied into a catalog.
 * A folder reached twice through links is walked once.
 */
export function listArticles(project: Project): string[] {
  const files: string[] = [];
  const sourceReal = realSourceFolder(project);
  if (sourceReal === undefined) return files;
  const walked = new Set<string>();
  const walk = (dir: string): void => {
    const real = realpathSync(dir);
    if (walked.has(real)) return;
    walked.add(real);
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (lstatSync(path).isSymbolicLink()) refuseLinkOutside(project, path, sourceReal);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else if (/\.(md|markdown)$/i.test(name)) files.push(path);
    }
  };
  walk(project.dirs.source);
  return files.sort(compareCodePoints);
}

/** The source folder with links resolved, or undefined when it does not exist. */
function realSourceFolder(project: Project): string | undefined {
  try {
    return realpathSync(project.dirs.source);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Throws when `path` (a symbolic link, or a file reached through one) resolves outside the source folder. */
function refuseLinkOutside(project: Project, path: string, sourceReal: string): void {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (error) {
    // A missing file is reported as such by whoever reads it; only a dangling link is explained here.
    if (!isSymbolicLink(path)) throw error;
    throw new YakugoError(inputMessage('sourceLinkBroken', { source: displayPath(project, project.dirs.source) }), { file: displayPath(project, path) });
  }
  if (!isInside(target, sourceReal)) {
    throw new YakugoError(inputMessage('sourceLinkOutside', { source: displayPath(project, project.dirs.source), target }), {
      file: displayPath(project, path),
    });
  }
}

/** Code-point order, independent of the machine's locale. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The article id (i18next namespace) of a source file: its path under the source folder, without extension. */
export function articleId(project: Project, file: string): string {
  if (!isInside(file, project.dirs.source)) {
    throw new YakugoError(inputMessage('outsideSource', { source: displayPath(project, project.dirs.source), out: displayPath(project, project.dirs.out) }), {
      file: displayPath(project, file),
    });
  }
  return relative(project.dirs.source, file).split(sep).join('/').replace(/\.(md|markdown)$/i, '');
}

/** A path relative to the project root with `/` separators, for messages and reports. */
export function displayPath(project: Project, file: string): string {
  const path = relative(project.root, file).split(sep).join('/');
  return path === '' ? '.' : path;
}

/** Reads and segments one article. */
export function loadArticle(project: Project, file: string): SourceArticle {
  const path = displayPath(project, file);
  const id = articleId(project, file);
  // Named files too (`extract source/x.md`): a link anywhere along the path must stay inside the source folder.
  const sourceReal = realSourceFolder(project);
  if (sourceReal !== undefined) refuseLinkOutside(project, file, sourceReal);
  const { limits } = project.config;
  const bytes = withPath(file, () => statSync(file).size);
  if (bytes > limits.articleBytes) throw new YakugoError(inputMessage('articleTooLarge', { bytes, limit: limits.articleBytes }), { file: path });
  const source = withPath(file, () => readTextFile(file, path));
  const { segments } = segmentMarkdown(source, { frontMatter: project.config.frontMatter, file: path, limits });
  return { id, file, path, source, segments };
}
