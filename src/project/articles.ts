import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { projectCache } from '../cache/store.js';
import { type HtmlText, untranslatedHtml } from '../markdown/html-text.js';
import { type InlineContext, inlineContextOf } from '../markdown/inline.js';
import type { Project } from '../config/load.js';
import { MarkdownSyntaxError, syntaxOf } from '../markdown/parse.js';
import { segmentMarkdown } from '../markdown/segment.js';
import type { SourceArticle } from '../markdown/types.js';
import { YakugoError } from '../util/errors.js';
import { decodeTextFile, hasUtf8Bom } from '../util/fs.js';
import { withPath } from '../util/fs-errors.js';
import { inputMessage } from '../util/input-messages.js';
import { isInside } from '../util/paths.js';

/** Article files: Markdown and MDX. */
const ARTICLE_EXTENSION = /\.(md|markdown|mdx)$/i;

/**
 * Every `*.md` (and `*.mdx`) file under the source folder (nested folders too), sorted by path so runs are
 * deterministic. Symbolic links are followed only while they resolve inside the source folder: one leading
 * elsewhere (`source/pw.md → /etc/passwd`) is refused, so no file outside the project is ever copied into a
 * catalog. A folder reached twice through links is walked once.
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
      else if (ARTICLE_EXTENSION.test(name)) files.push(path);
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
  return relative(project.dirs.source, file).split(sep).join('/').replace(ARTICLE_EXTENSION, '');
}

/**
 * Refuses two files with one article id (`guide.md` and `guide.mdx`): they would share one catalog and
 * overwrite each other's editions. Also refuses a file outside the source folder (see `articleId`).
 */
export function assertDistinctArticles(project: Project, files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const id = articleId(project, file);
    const other = seen.get(id);
    if (other !== undefined) {
      throw new YakugoError(inputMessage('sameArticleId', { id, other: displayPath(project, other) }), { file: displayPath(project, file) });
    }
    seen.set(id, file);
  }
}

/** A path relative to the project root with `/` separators, for messages and reports. */
export function displayPath(project: Project, file: string): string {
  const path = relative(project.root, file).split(sep).join('/');
  return path === '' ? '.' : path;
}

/** Reads and segments one article. */
export function loadArticle(project: Project, file: string): SourceArticle {
  const article = readArticle(project, file);
  const { segments } = segmented(project, article.source, article.path, article.syntax);
  return { ...article, segments };
}

/** Reads one article's file, refusing what `loadArticle` refuses, without parsing it. */
function readArticle(project: Project, file: string): Omit<SourceArticle, 'segments'> {
  const path = displayPath(project, file);
  const id = articleId(project, file);
  // Named files too (`extract source/x.md`): a link anywhere along the path must stay inside the source folder.
  const sourceReal = realSourceFolder(project);
  if (sourceReal !== undefined) refuseLinkOutside(project, file, sourceReal);
  const { limits } = project.config;
  const bytes = withPath(file, () => statSync(file).size);
  if (bytes > limits.articleBytes) throw new YakugoError(inputMessage('articleTooLarge', { bytes, limit: limits.articleBytes }), { file: path });
  // Read once: the text and whether it started with a byte order mark come from the same bytes.
  const contents = withPath(file, () => readFileSync(file));
  const source = decodeTextFile(contents, path);
  return { id, file, path, source, bom: hasUtf8Bom(contents), syntax: syntaxOf(file), extension: extname(file) };
}

/** What the rules need from an article's tree besides its segments, kept with them in the cache. */
export interface ArticleFacts {
  segments: SourceArticle['segments'];
  /** Link and footnote definitions, so a segment's inline Markdown parses as in the document. */
  inline: InlineContext;
  /** Link definitions: identifier → URL, first one wins. */
  definitions: Array<[string, string]>;
  /** Japanese text inside raw HTML that no segment covers (`text/untranslated-html`). */
  untranslatedHtml: HtmlText[];
}

/** The facts of a loaded article, from the same parse that made its segments (or the cache of it). */
export function articleFacts(project: Project, article: SourceArticle): ArticleFacts {
  return segmented(project, article.source, article.path, article.syntax);
}

/**
 * Parsing is most of the cost of a run, and one run reads an article in several stages (check prepares it,
 * then asks build for its editions), so the facts of each distinct (text, front-matter fields, path) are
 * kept for the life of the process (bounded, oldest dropped first) and in the persistent cache.
 */
const parses = new Map<string, ArticleFacts>();
// Enough for every reuse within a run (check reads an article again for its editions right after its rules);
// more would only hold every article's source text and runs until the process ends.
const MAX_PARSES = 64;

/**
 * Facts parsed ahead by worker threads (`parseAhead`), each taken out when its article is read: so a
 * command that reads its articles in one thread finds them parsed, however many there are.
 */
const parsedAhead = new Map<string, ArticleFacts>();

/** Everything an article's facts are computed from: the same text under the same settings parses the same. */
export function factsKey(project: Project, source: string, path: string, syntax: SourceArticle['syntax']): string {
  const { frontMatter, attributes, htmlSegments, limits } = project.config;
  // The limits are part of the key: a parse made under higher limits must not skip a lower one's check.
  return JSON.stringify([path, syntax, frontMatter, attributes, htmlSegments, limits, source]);
}

/** Facts another thread parsed, under the key it read them with (see `parsedAhead`). */
export function keepParsedAhead(key: string, facts: ArticleFacts): void {
  parsedAhead.set(key, facts);
}

/** The key and facts of one article file, read as `loadArticle` reads it (for the threads that parse ahead). */
export function parseArticleFile(project: Project, file: string): { key: string; facts: ArticleFacts } {
  const article = loadArticle(project, file);
  return { key: factsKey(project, article.source, article.path, article.syntax), facts: articleFacts(project, article) };
}

/**
 * Whether the article in `file` needs parsing: false when its facts are known already (in this process or
 * in the cache; they are then kept for its reading) or when it cannot be read at all (its reader reports
 * why).
 */
export function needsParsing(project: Project, file: string): boolean {
  let article: Omit<SourceArticle, 'segments'>;
  try {
    article = readArticle(project, file);
  } catch (error) {
    if (error instanceof YakugoError) return false;
    throw error;
  }
  const key = factsKey(project, article.source, article.path, article.syntax);
  if (parses.has(key) || parsedAhead.has(key)) return false;
  const cached = projectCache(project.root).get<ArticleFacts>('article', key);
  if (cached) parsedAhead.set(key, cached);
  return cached === undefined;
}

function segmented(project: Project, source: string, path: string, syntax: SourceArticle['syntax']): ArticleFacts {
  const key = factsKey(project, source, path, syntax);
  let facts = parses.get(key) ?? parsedAhead.get(key);
  if (facts) {
    parsedAhead.delete(key);
    rememberParse(key, facts);
    return facts;
  }
  const { frontMatter, attributes, htmlSegments, limits } = project.config;
  const cache = projectCache(project.root);
  facts = cache.get<ArticleFacts>('article', key);
  if (!facts) {
    let parsed: ReturnType<typeof segmentMarkdown>;
    try {
      parsed = segmentMarkdown(source, { frontMatter: [...frontMatter], file: path, syntax, attributes, htmlSegments, limits });
    } catch (error) {
      if (!(error instanceof MarkdownSyntaxError)) throw error;
      throw new YakugoError(inputMessage('invalidMdx', { detail: error.message }), { file: path, place: { line: error.line, column: error.column } });
    }
    facts = {
      segments: parsed.segments,
      inline: inlineContextOf(parsed.tree, syntax),
      definitions: [...definitionsOf(parsed.tree)],
      untranslatedHtml: untranslatedHtml(parsed.tree, source, parsed.segments),
    };
    cache.set('article', key, facts);
  }
  rememberParse(key, facts);
  return facts;
}

function rememberParse(key: string, facts: ArticleFacts): void {
  if (parses.has(key)) return;
  if (parses.size >= MAX_PARSES) parses.delete(parses.keys().next().value!);
  parses.set(key, facts);
}

function definitionsOf(tree: Root): Map<string, string> {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  return definitions;
}
