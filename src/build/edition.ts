import type { Nodes, PhrasingContent, Root, Yaml } from 'mdast';
import { isScalar, parse as parseYamlValue, Scalar } from 'yaml';
import { compareTrees, type TreeDifference } from '../markdown/compare.js';
import { InlineParseError, type InlineContext, escapeBlockStarts, inlineContextOf, parseInline, parseInlineBatch } from '../markdown/inline.js';
import { compareLinkTargets } from '../markdown/links.js';
import { MarkdownSyntaxError, parseMarkdown, type Syntax, stringifyMarkdown } from '../markdown/parse.js';
import { rewriteLostReferences } from '../markdown/references.js';
import { inlineSourceText, type SegmentedMarkdown, type SegmentNode, segmentMarkdown } from '../markdown/segment.js';
import {
  applySplices,
  continuationPrefix,
  escapeCellPipes,
  escapeHeadingEnd,
  indentForContainer,
  lineEndingOf,
  type Splice,
} from '../markdown/splice.js';
import type { Segment } from '../markdown/types.js';
import { inputMessage } from '../util/input-messages.js';

/** A segment whose translation cannot be placed in the edition; the caller names the catalog entry. */
export class EditionError extends Error {
  constructor(
    readonly key: string,
    message: string,
    /** The segment's place in the source article. */
    readonly sourceLine: number,
  ) {
    super(message);
    this.name = 'EditionError';
  }
}

export interface EditionInput {
  /** The article's Markdown (any line endings, BOM removed). */
  source: string;
  frontMatter: string[];
  /** For messages. */
  file?: string;
  /** Markdown or MDX (default Markdown). */
  syntax?: Syntax;
  /** MDX: the JSX attributes translated (default `title`, `alt`, `description`, `label`). */
  attributes?: readonly string[];
  /** Markdown: the text of simple HTML elements is a segment (default true). */
  htmlSegments?: boolean;
  /** The text of each segment in this edition (the translation, or the source text for the source edition). */
  textOf: (segment: Segment) => string;
}

/** A segment whose text changes in this edition, prepared once for both the splice and the intended tree. */
interface Change {
  segment: Segment;
  node: SegmentNode;
  /** The source range of the segment's inline content. */
  from: number;
  to: number;
  /** The translation as it goes into the file: block starts escaped, lost references made full. */
  markdown: string;
}

/**
 * Renders one edition of an article.
 *
 * The edition is the source text with only the changed segments' byte ranges (and changed front-matter
 * values) replaced by their translation (`spliceEdition`), so everything else is the writer's own bytes and
 * the source edition is the source file. It is then parsed again and compared with the tree it is meant to
 * be (the source tree with each changed segment's content replaced by its translation parsed as inline
 * Markdown) and, for links, images and footnote references, with the source itself. When the splice does
 * not verify, the article is written with remark-stringify instead, verified the same way; only when both
 * fail is it an EditionError naming the segment, never a silently wrong file.
 *
 * Where a splice cannot be placed safely, and remark-stringify writes the article instead:
 * - a translation that changes the block structure around it despite the escaping at the splice, such as
 *   a table cell written without padding (`|甲|`) whose translation ends in `\`, which would escape the
 *   next pipe and join two cells (remark-stringify pads cells);
 * - any other edition whose spliced bytes do not parse back to the intended tree (the verification finds it).
 * Within the splice itself, a front-matter value that is a block scalar or spans lines is not replaced in
 * place: the front matter is written again by `yaml` (`frontMatterSplices`).
 */
export function renderEdition(input: EditionInput): string {
  return renderEditionWithMethod(input).text;
}

/** How an edition was written: spliced into the source bytes, or by remark-stringify as the fallback. */
export type RenderMethod = 'splice' | 'stringify';

/** `renderEdition`, also saying which way the edition was written (for tests and diagnostics). */
export function renderEditionWithMethod(input: EditionInput): { text: string; method: RenderMethod } {
  const syntax = input.syntax ?? 'md';
  const parsed = segmentMarkdown(input.source, { frontMatter: input.frontMatter, file: input.file, syntax, attributes: input.attributes, htmlSegments: input.htmlSegments });
  const context = inlineContextOf(parsed.tree, syntax);
  const ownerOf = new Map<Nodes, Segment>();
  const changes: Change[] = [];
  const frontMatterChanges: Array<{ segment: Segment; text: string }> = [];
  const textSplices: Splice[] = [];

  for (const segment of parsed.segments) {
    const text = input.textOf(segment);
    if (segment.kind === 'meta') {
      if (text !== segment.text) frontMatterChanges.push({ segment, text });
      continue;
    }
    if (segment.kind === 'attribute' || segment.kind === 'html') {
      const place = parsed.places.get(segment.key)!;
      if (text === segment.text) continue;
      place.apply(text);
      textSplices.push({ from: place.from, to: place.to, text: place.encode(text) });
      continue;
    }
    const node = parsed.nodes.get(segment.key)!;
    ownerOf.set(node, segment);
    if (text === segment.text) continue;
    if (text.includes('\n') && !segment.text.includes('\n') && segment.kind !== 'paragraph') {
      throw new EditionError(segment.key, inputMessage(segment.kind === 'cell' ? 'cellOneLine' : 'headingOneLine'), segment.start.line);
    }
    changes.push({
      segment,
      node,
      from: segment.range?.from ?? node.children[0]!.position!.start.offset!,
      to: segment.range?.to ?? node.children.at(-1)!.position!.end.offset!,
      markdown: prepareTranslation(text, segment, node, context),
    });
  }
  // Nothing changed (the source edition, an untranslated one): the edition is the source file itself.
  if (changes.length === 0 && frontMatterChanges.length === 0 && textSplices.length === 0) return { text: input.source, method: 'splice' };
  // The source as it is, for the link check (the segments of `parsed.tree` are replaced next).
  const sourceTree = structuredClone(parsed.tree);
  replaceChangedContent(contentsOf(changes, parsed, input.source), context);

  const eol = lineEndingOf(input.source);
  const splices: Splice[] = changes.map(({ from, to, markdown }) => ({
    from,
    to,
    text: indentForContainer(markdown, continuationPrefix(input.source, from), eol),
  }));
  splices.push(...frontMatterSplices(input.source, parsed, frontMatterChanges), ...textSplices);
  if (parsed.frontMatter && frontMatterChanges.length > 0) {
    // The intended front matter (compared as data, so its spelling here does not matter).
    parsed.frontMatter.node.value = parsed.frontMatter.document.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
  }

  const spliced = applySplices(input.source, splices);
  const splicedDifference = verify(parsed.tree, sourceTree, spliced, syntax);
  if (!splicedDifference) return { text: spliced, method: 'splice' };

  // remark-stringify writes the whole article from the intended tree; its line endings follow the source.
  const stringified = withSourceLineEndings(stringifyMarkdown(parsed.tree, syntax), eol);
  const lighter = withoutNeedlessEscapes(stringified);
  if (lighter !== stringified && !verify(parsed.tree, sourceTree, lighter, syntax)) return { text: lighter, method: 'stringify' };
  if (!verify(parsed.tree, sourceTree, stringified, syntax)) return { text: stringified, method: 'stringify' };
  throw editionErrorAt(parsed.tree, splicedDifference, ownerOf);
}

/** The new inline content of one block: the markdown its content must parse from. */
interface NodeContent {
  node: SegmentNode;
  markdown: string;
  cell: boolean;
  /** The segment named when the content does not parse. */
  segment: Segment;
}

/**
 * The inline Markdown each changed block must parse from: the translation, or, for a block holding several
 * segments (a VitePress container's title and body), its source text with each changed range replaced.
 */
function contentsOf(changes: readonly Change[], parsed: SegmentedMarkdown, source: string): NodeContent[] {
  const byNode = new Map<SegmentNode, Change[]>();
  for (const change of changes) byNode.set(change.node, [...(byNode.get(change.node) ?? []), change]);
  const contents: NodeContent[] = [];
  for (const [node, nodeChanges] of byNode) {
    const [first] = nodeChanges as [Change];
    const cell = first.segment.kind === 'cell';
    if (!first.segment.range) {
      contents.push({ node, markdown: first.markdown, cell, segment: first.segment });
      continue;
    }
    const nodeFrom = node.children[0]!.position!.start.offset!;
    const nodeTo = node.children.at(-1)!.position!.end.offset!;
    const quoteDepth = [...continuationPrefix(source, nodeFrom)].filter((char) => char === '>').length;
    const sourceText = (from: number, to: number) => inlineSourceText(source.slice(from, to), quoteDepth);
    const segments = parsed.segments.filter((segment) => parsed.nodes.get(segment.key) === node).sort((a, b) => a.range!.from - b.range!.from);
    let markdown = '';
    let cursor = nodeFrom;
    for (const segment of segments) {
      const change = nodeChanges.find((candidate) => candidate.segment === segment);
      markdown += sourceText(cursor, segment.range!.from) + (change ? change.markdown : segment.text);
      cursor = segment.range!.to;
    }
    contents.push({ node, markdown: markdown + sourceText(cursor, nodeTo), cell, segment: first.segment });
  }
  return contents;
}

/**
 * The intended tree: each changed block's content replaced by its new Markdown parsed as inline Markdown
 * (paragraphs and headings in one parser run when they allow it, table cells as GFM reads a cell).
 */
function replaceChangedContent(contents: readonly NodeContent[], context: InlineContext): void {
  const inline = contents.filter((content) => !content.cell);
  const batch = parseInlineBatch(
    inline.map((content) => content.markdown),
    context,
  );
  if (batch) for (const [index, content] of inline.entries()) setContent(content, batch[index]!);
  for (const content of batch ? contents.filter((candidate) => candidate.cell) : contents) {
    try {
      setContent(content, parseInline(content.markdown, context, { cell: content.cell }));
    } catch (error) {
      if (error instanceof InlineParseError) throw new EditionError(content.segment.key, error.message, content.segment.start.line);
      throw error;
    }
  }
}

function setContent(content: NodeContent, children: PhrasingContent[]): void {
  content.node.children = children as typeof content.node.children;
}

/**
 * The translation as it is spliced: escaped where it would change the block structure around it (a line
 * starting with `# ` or `1. `, a `|` in a table cell, a closing `#` run in a heading), and with collapsed
 * and shortcut references whose text changed written as full references to the source's definition.
 */
function prepareTranslation(text: string, segment: Segment, node: SegmentNode, context: InlineContext): string {
  let markdown = escapeBlockStarts(text.replace(/\s+$/, ''));
  markdown = rewriteLostReferences(markdown, node.children as PhrasingContent[], context);
  if (segment.kind === 'cell') markdown = escapeCellPipes(markdown);
  if (segment.kind === 'heading') markdown = escapeHeadingEnd(markdown);
  return markdown;
}

/**
 * Changed front-matter values. A one-line scalar (plain, single- or double-quoted) is replaced in place,
 * keeping its quoting style when the new value allows it; block scalars (`|`, `>`) and values spanning
 * lines cannot be replaced safely in place, so then the whole front matter is written again by `yaml`.
 */
function frontMatterSplices(source: string, parsed: SegmentedMarkdown, changes: Array<{ segment: Segment; text: string }>): Splice[] {
  const frontMatter = parsed.frontMatter;
  if (!frontMatter || changes.length === 0) return [];
  const node = frontMatter.node;
  const contentStart = source.indexOf('\n', node.position?.start.offset ?? 0) + 1;
  const splices: Splice[] = [];
  for (const { segment, text } of changes) {
    const path = frontMatter.paths.get(segment.key)!;
    const scalar = frontMatter.document.getIn(path, true);
    // Changing the scalar in place keeps its quoting style and the comments around it (for the rewrite below).
    if (isScalar(scalar)) scalar.value = text;
    else frontMatter.document.setIn(path, text);
    const written = isScalar(scalar) ? inlineScalar(scalar, text, path.length > 1) : undefined;
    const range = isScalar(scalar) ? scalar.range : undefined;
    if (written === undefined || !range || source.slice(contentStart + range[0], contentStart + range[1]).includes('\n')) {
      return [wholeFrontMatter(source, node, frontMatter.document.toString({ lineWidth: 0, flowCollectionPadding: false }))];
    }
    splices.push({ from: contentStart + range[0], to: contentStart + range[1], text: written });
  }
  return splices;
}

/** A one-line YAML spelling of `text` in the scalar's style, or undefined when it cannot stay one line. */
function inlineScalar(scalar: Scalar, text: string, inSequence: boolean): string | undefined {
  if (/[\n\r]/.test(text)) return undefined;
  if (scalar.type === Scalar.QUOTE_SINGLE) return `'${text.replaceAll("'", "''")}'`;
  if (scalar.type === Scalar.PLAIN && isPlainSafe(text, inSequence)) return text;
  if (scalar.type === Scalar.PLAIN || scalar.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(text);
  return undefined;
}

/** True when `text` reads back as the same string written as a plain YAML scalar (also inside `[a, b]`). */
function isPlainSafe(text: string, inSequence: boolean): boolean {
  if (text === '' || text !== text.trim()) return false;
  if (inSequence && /[,[\]{}]/.test(text)) return false;
  try {
    return parseYamlValue(`key: ${text}\n`)?.key === text;
  } catch {
    return false;
  }
}

function wholeFrontMatter(source: string, node: Yaml, yamlText: string): Splice {
  const eol = lineEndingOf(source);
  const from = node.position?.start.offset ?? 0;
  const to = node.position?.end.offset ?? 0;
  return { from, to, text: `---${eol}${yamlText.replace(/\n$/, '').replace(/\n/g, eol)}${eol}---` };
}

function withSourceLineEndings(markdown: string, eol: string): string {
  return eol === '\n' ? markdown : markdown.replace(/\n/g, eol);
}

/**
 * mdast-util-to-markdown escapes every `&` before a letter (`S\&P 500`) in case it starts a character
 * reference. Only `&name;` and `&#…;` do, so other escapes are dropped; the caller keeps the result only if
 * it parses to the same tree.
 */
function withoutNeedlessEscapes(markdown: string): string {
  return markdown.replace(/\\&(?![A-Za-z0-9#]+;)/g, '&');
}

/**
 * The first way `markdown` is not the intended edition: its tree differs from `expected` (front matter
 * compared as data, not as text), or its links, images and footnote references differ from the source's.
 */
function verify(expected: Root, source: Root, markdown: string, syntax: Syntax): TreeDifference | undefined {
  let actual: Root;
  try {
    actual = parseMarkdown(markdown, syntax);
  } catch (error) {
    if (!(error instanceof MarkdownSyntaxError)) throw error;
    return { path: [], message: `line ${error.line}: ${error.message}` };
  }
  const [expectedFirst] = expected.children;
  const [actualFirst] = actual.children;
  if (expectedFirst?.type === 'yaml' && actualFirst?.type === 'yaml') {
    if (JSON.stringify(yamlData(expectedFirst.value)) !== JSON.stringify(yamlData(actualFirst.value))) {
      return { path: [0], message: 'front matter: values differ' };
    }
    actualFirst.value = expectedFirst.value;
  }
  return compareTrees(expected, actual) ?? compareLinkTargets(source, actual);
}

/** The data of the front matter, so a value may be spelled differently (quoted, say) and still be the same. */
function yamlData(value: string): unknown {
  try {
    return parseYamlValue(value);
  } catch {
    return value;
  }
}

function editionErrorAt(expected: Root, difference: TreeDifference, ownerOf: Map<Nodes, Segment>): EditionError {
  // Walk down the path to the innermost segment node that holds the difference.
  let node: Nodes = expected;
  let owner: Segment | undefined;
  for (const index of difference.path) {
    const children: Nodes[] = 'children' in node ? (node.children as Nodes[]) : [];
    const child = children[index];
    if (!child) break;
    node = child;
    owner = ownerOf.get(node) ?? owner;
  }
  const key = owner?.key ?? '(document structure)';
  return new EditionError(key, inputMessage('roundTrip', { detail: difference.message }), owner?.start.line ?? node.position?.start.line ?? 1);
}
