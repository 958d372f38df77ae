import { createHash } from 'node:crypto';
import type { Heading, Html, Paragraph, Parent, PhrasingContent, Root, TableCell, Yaml } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { type Document, isAlias, isScalar, isSeq, type Scalar } from 'yaml';
import { checkMarkdownLimits, checkSegmentSize, type MarkdownLimits } from './limits.js';
import { parseMarkdown, type Syntax } from './parse.js';
import { alignRun, collectRuns, hasProse } from './runs.js';
import type { Segment, SegmentKind, SourcePoint, TextRun } from './types.js';
import { placeOfOffset } from '../util/errors.js';
import { parseYaml } from '../util/yaml.js';
import { YakugoError } from '../util/errors.js';
import { inputMessage } from '../util/input-messages.js';

export interface SegmentOptions {
  /** Front-matter fields whose values are translated. */
  frontMatter: string[];
  /** File name for messages. */
  file?: string;
  /** Refuse text beyond these bounds before parsing it (articles; not catalog values, which are checked elsewhere). */
  limits?: MarkdownLimits;
  /** Markdown or MDX (default Markdown). */
  syntax?: Syntax;
  /** MDX: names of JSX string attributes whose values are translated (default `DEFAULT_ATTRIBUTES`). */
  attributes?: readonly string[];
  /** Markdown: extract the text of simple HTML elements (`<p>…</p>`) as segments (default true). */
  htmlSegments?: boolean;
}

/** The JSX attributes that hold prose in MDX sites (Starlight, Docusaurus): translated unless configured otherwise. */
export const DEFAULT_ATTRIBUTES: readonly string[] = ['title', 'alt', 'description', 'label'];

/** An MDX JSX attribute (mdast-util-mdx-jsx), as far as segmentation reads it. */
export interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * Where a plain-text segment (a JSX attribute value, the text of a simple HTML element) sits in the source,
 * how a translation is written there, and how it changes the tree (for the verification).
 */
export interface TextPlace {
  from: number;
  to: number;
  /** The translation as source text: the characters the syntax would read otherwise escaped. */
  encode(text: string): string;
  /** Puts the translation into the tree the edition must parse to. */
  apply(text: string): void;
}

/** A segment together with the tree node it was made from (for rebuilding editions). */
export interface SegmentedMarkdown {
  tree: Root;
  segments: Segment[];
  /** The mdast node of each body segment, by key. */
  nodes: Map<string, SegmentNode>;
  /** The front matter as a YAML document, when the file has one. */
  frontMatter: FrontMatter | undefined;
  /** Where each `attribute` and `html` segment sits, by key. */
  places: Map<string, TextPlace>;
}

export type SegmentNode = Heading | Paragraph | TableCell;

export interface FrontMatter {
  node: Yaml;
  document: Document;
  /** Path in the YAML document of each `meta` segment, by key. */
  paths: Map<string, Array<string | number>>;
}

/**
 * Splits a Markdown document into translatable segments: the named front-matter fields, then every heading,
 * paragraph (also inside lists, block quotes and footnote definitions) and table cell that holds prose, in
 * document order. Keys come from the text itself, so inserting, removing or editing one paragraph changes
 * no other key.
 */
export function segmentMarkdown(text: string, options: SegmentOptions): SegmentedMarkdown {
  if (options.limits) checkMarkdownLimits(text, options.limits, options.file);
  const tree = parseMarkdown(text, options.syntax);
  const segments: Segment[] = [];
  const nodes = new Map<string, SegmentNode>();
  const keys = new KeyAllocator();

  const frontMatter = segmentFrontMatter(tree, text, options, keys, segments);
  const places = new Map<string, TextPlace>();
  const attributeNames = new Set(options.attributes ?? DEFAULT_ATTRIBUTES);

  visitParents(tree, (node, ancestors) => {
    if ((node.type as string) === 'mdxJsxFlowElement' || (node.type as string) === 'mdxJsxTextElement') {
      for (const attribute of (node as unknown as { attributes: JsxAttribute[] }).attributes) {
        const place = attributeSegment(attribute, attributeNames, text, keys, segments);
        if (place) places.set(segments.at(-1)!.key, place);
      }
      return;
    }
    if (node.type === 'html' && options.htmlSegments !== false && options.syntax !== 'mdx') {
      const place = htmlSegment(node, text, keys, segments);
      if (place) places.set(segments.at(-1)!.key, place);
      return;
    }
    if (node.type !== 'heading' && node.type !== 'paragraph' && node.type !== 'tableCell') return;
    const kind: SegmentKind = node.type === 'tableCell' ? 'cell' : node.type;
    const parts =
      node.type === 'paragraph' && options.syntax !== 'mdx'
        ? containerParts(node, ancestors, text, keys)
        : node.type === 'heading' && options.syntax === 'mdx'
          ? headingWithoutId(node, text, keys)
          : undefined;
    for (const segment of parts ?? [segmentOfNode(node, kind, ancestors, text, keys)]) {
      if (!segment) continue;
      segments.push(segment);
      nodes.set(segment.key, node);
    }
    return 'skip';
  });
  if (options.limits) for (const segment of segments) checkSegmentSize(segment.text, options.limits, options.file, segment.start);
  return { tree, segments, nodes, frontMatter, places };
}

/** A VitePress (markdown-it-container) fence line: `::: tip タイトル` opens, a bare `:::` closes. */
const CONTAINER_OPEN = /^(:{3,}[ \t]*[\w-]+)(?:[ \t]+(.*?))?[ \t]*$/;
const CONTAINER_CLOSE = /^:{3,}[ \t]*$/;

/**
 * A paragraph holding VitePress container fences (`::: tip タイトル` … `:::`, which CommonMark reads as
 * text) is split so the fences stay as written: the title becomes a `label` segment and the lines between
 * the fences a `paragraph` segment. Undefined when the paragraph has no fence line.
 */
function containerParts(node: Paragraph, ancestors: Parent[], source: string, keys: KeyAllocator): Segment[] | undefined {
  const first = node.children[0]?.position?.start.offset;
  const last = node.children.at(-1)?.position?.end.offset;
  if (first === undefined || last === undefined) return undefined;
  const quoteDepth = ancestors.filter((ancestor) => ancestor.type === 'blockquote').length;
  const lines = linesOf(source, first, last, quoteDepth);
  const open = CONTAINER_OPEN.exec(lines[0]!.text);
  const close = lines.length > 1 && CONTAINER_CLOSE.test(lines.at(-1)!.text);
  if (!open && !close) return undefined;
  const parts: Segment[] = [];
  const runs = collectRuns(node.children as PhrasingContent[], source);
  const add = (kind: SegmentKind, from: number, to: number) => {
    const partRuns = clipRuns(runs, from, to);
    if (from >= to || !hasProse(partRuns)) return;
    const segmentText = inlineSourceText(source.slice(from, to), quoteDepth);
    const at = placeOfOffset(source, from);
    parts.push({ key: keys.allocate(kind, segmentText), kind, text: segmentText, start: { line: at.line, column: at.column, offset: from }, runs: partRuns, range: { from, to } });
  };
  let bodyFrom = lines[0]!.from;
  if (open) {
    if (open[2]) add('label', lines[0]!.from + lines[0]!.text.indexOf(open[2], open[1]!.length), lines[0]!.from + lines[0]!.text.trimEnd().length);
    bodyFrom = lines[1]?.from ?? last;
  }
  const bodyLines = lines.filter((line) => line.from >= bodyFrom && !(close && line === lines.at(-1)));
  if (bodyLines.length > 0) add('paragraph', bodyLines[0]!.from, bodyLines.at(-1)!.from + bodyLines.at(-1)!.text.length);
  return parts;
}

/**
 * An MDX heading ending in a comment expression used as its id (MDX sites write the `{#intro}` of other
 * Markdown as a JavaScript comment in braces): the id stays out of the segment, so every edition keeps it
 * whatever the translation.
 * Undefined when the heading has no such id.
 */
function headingWithoutId(node: Heading, source: string, keys: KeyAllocator): Segment[] | undefined {
  const last = node.children.at(-1) as { type: string; value?: string } | undefined;
  if (last?.type !== 'mdxTextExpression' || !/^\s*\/\*[\s\S]*\*\/\s*$/.test(last.value ?? '')) return undefined;
  const content = node.children.slice(0, -1);
  const from = content[0]?.position?.start.offset;
  const end = content.at(-1)?.position?.end.offset;
  if (from === undefined || end === undefined) return [];
  const to = from + source.slice(from, end).trimEnd().length;
  const runs = clipRuns(collectRuns(content as PhrasingContent[], source), from, to);
  if (from >= to || !hasProse(runs)) return [];
  const segmentText = source.slice(from, to);
  const at = placeOfOffset(source, from);
  return [{ key: keys.allocate('heading', segmentText), kind: 'heading', text: segmentText, start: { line: at.line, column: at.column, offset: from }, runs, range: { from, to } }];
}

/** The lines of `source` from `from` to `to`, each with its container prefix (`> `, indentation) skipped. */
function linesOf(source: string, from: number, to: number, quoteDepth: number): Array<{ from: number; text: string }> {
  const lines: Array<{ from: number; text: string }> = [];
  let cursor = from;
  let index = 0;
  for (const raw of source.slice(from, to).split(/(?<=\r\n|\n|\r)/)) {
    const line = raw.replace(/\r?\n$|\r$/, '');
    let skip = 0;
    if (index > 0) {
      let rest = line;
      for (let depth = 0; depth < quoteDepth; depth++) {
        const marker = /^[ \t]*>[ \t]?/.exec(rest);
        if (!marker) break;
        rest = rest.slice(marker[0].length);
      }
      skip = line.length - rest.length + (rest.length - rest.replace(/^[ \t]+/, '').length);
    }
    lines.push({ from: cursor + skip, text: line.slice(skip) });
    cursor += raw.length;
    index++;
  }
  return lines;
}

/** The parts of runs that fall inside [from, to). */
function clipRuns(runs: readonly TextRun[], from: number, to: number): TextRun[] {
  const clipped: TextRun[] = [];
  for (const run of runs) {
    let start = 0;
    while (start < run.text.length && run.offsets[start]! < from) start++;
    let end = start;
    while (end < run.text.length && run.offsets[end]! < to) end++;
    if (end > start) clipped.push({ text: run.text.slice(start, end), offsets: [...run.offsets.slice(start, end), run.offsets[end - 1]! + 1] });
  }
  return clipped;
}

/**
 * A named string attribute holding prose (`title="ボタン"`) becomes an `attribute` segment; expressions
 * (`title={name}`) and other attributes are never touched. Its text is the value as MDX reads it
 * (character references decoded).
 */
function attributeSegment(
  attribute: JsxAttribute,
  names: ReadonlySet<string>,
  source: string,
  keys: KeyAllocator,
  segments: Segment[],
): TextPlace | undefined {
  if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || !names.has(attribute.name) || typeof attribute.value !== 'string') return undefined;
  if (!/\p{L}/u.test(attribute.value)) return undefined;
  const start = attribute.position?.start.offset;
  const end = attribute.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const opening = /^[^=]*=\s*(["'])/.exec(source.slice(start, end));
  if (!opening) return undefined;
  const from = start + opening[0].length;
  const to = end - 1;
  const at = placeOfOffset(source, from);
  segments.push({
    key: keys.allocate('attribute', attribute.value),
    kind: 'attribute',
    text: attribute.value,
    start: { line: at.line, column: at.column, offset: from },
    runs: [alignRun(attribute.value, source, from, to)],
    field: attribute.name,
  });
  const quote = opening[1]!;
  return {
    from,
    to,
    encode: (value) => value.replaceAll('&', '&amp;').replaceAll(quote, quote === '"' ? '&quot;' : '&#39;'),
    apply: (value) => {
      attribute.value = value;
    },
  };
}

/**
 * A raw HTML block that is one simple element wrapping plain text (`<p>日本語</p>`, `<summary>詳細</summary>`:
 * no nested tags, no entities) is translatable: its text becomes an `html` segment and the tags stay.
 */
const SIMPLE_ELEMENT = /^(<([a-z][a-z0-9]*)\b[^<>]*>)([^<>&]*)(<\/\2\s*>)$/i;

function htmlSegment(node: Html, source: string, keys: KeyAllocator, segments: Segment[]): TextPlace | undefined {
  const start = node.position?.start.offset;
  if (start === undefined || source.slice(start, node.position?.end.offset).includes('\n')) return undefined;
  const match = SIMPLE_ELEMENT.exec(node.value);
  if (!match) return undefined;
  const [, open, , inner] = match as unknown as [string, string, string, string, string];
  const value = inner.trim();
  if (!/\p{L}/u.test(value)) return undefined;
  const from = start + open.length + (inner.length - inner.trimStart().length);
  const to = from + value.length;
  const at = placeOfOffset(source, from);
  segments.push({
    key: keys.allocate('html', value),
    kind: 'html',
    text: value,
    start: { line: at.line, column: at.column, offset: from },
    runs: [alignRun(value, source, from, to)],
  });
  return {
    from,
    to,
    // A translation is text: what would read as a tag or a reference is written as a character reference.
    encode: (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace(/\n/g, ' '),
    apply: (text) => {
      const encoded = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace(/\n/g, ' ');
      node.value = node.value.slice(0, from - start) + encoded + node.value.slice(to - start);
    },
  };
}

function segmentOfNode(
  node: SegmentNode,
  kind: SegmentKind,
  ancestors: Parent[],
  source: string,
  keys: KeyAllocator,
): Segment | undefined {
  const children = node.children as PhrasingContent[];
  const first = children[0];
  const last = children.at(-1);
  if (!first?.position || !last?.position) return undefined;
  const runs = collectRuns(children, source);
  if (!hasProse(runs)) return undefined;
  const quoteDepth = ancestors.filter((ancestor) => ancestor.type === 'blockquote').length;
  const segmentText = inlineSourceText(source.slice(first.position.start.offset, last.position.end.offset), quoteDepth);
  const start = first.position.start;
  return {
    key: keys.allocate(kind, segmentText),
    kind,
    text: segmentText,
    start: { line: start.line, column: start.column, offset: start.offset ?? 0 },
    runs,
  };
}

/**
 * The inline Markdown of a block as its writer wrote it: line breaks kept (as `\n`), and on continuation
 * lines the container prefixes (`> ` of block quotes, list indentation) and leading white space removed,
 * which the parser ignores too.
 */
export function inlineSourceText(slice: string, quoteDepth: number): string {
  const lines = slice.split(/\r?\n|\r/);
  return lines
    .map((line, index) => {
      if (index === 0) return line;
      let rest = line;
      for (let depth = 0; depth < quoteDepth; depth++) {
        const marker = /^[ \t]*>[ \t]?/.exec(rest);
        if (!marker) break;
        rest = rest.slice(marker[0].length);
      }
      return rest.replace(/^[ \t]+/, '');
    })
    .join('\n');
}

/** Hands out `kind.hash` keys; a repeated text gets `.2`, `.3`… in document order. */
class KeyAllocator {
  private readonly seen = new Map<string, number>();

  allocate(kind: string, text: string): string {
    return this.unique(`${kind}.${shortHash(text)}`);
  }

  unique(base: string): string {
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    return count === 1 ? base : `${base}.${count}`;
  }
}

/** A translated front-matter field whose value is neither text nor a list of texts. */
function notText(field: string, node: unknown, pointAt: (offset: number) => SourcePoint, file: string | undefined): YakugoError {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  const { line, column } = pointAt(range?.[0] ?? 0);
  const kind = isScalar(node) ? typeof node.value : isSeq(node) ? 'array' : isAlias(node) ? 'alias' : 'object';
  const kinds: Record<string, string> = { number: 'kindNumber', boolean: 'kindBoolean', array: 'kindArray', object: 'kindObject', alias: 'kindAlias' };
  return new YakugoError(inputMessage('frontMatterNotText', { field, kind: inputMessage(kinds[kind] ?? 'kindObject') }), { file, place: { line, column } });
}

/** First 8 hex digits of SHA-256: stable on every machine, and collisions are caught by KeyAllocator. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

function segmentFrontMatter(
  tree: Root,
  source: string,
  options: SegmentOptions,
  keys: KeyAllocator,
  segments: Segment[],
): FrontMatter | undefined {
  const node = tree.children[0];
  if (node?.type !== 'yaml' || !node.position) return undefined;
  // The YAML text starts on the line after the opening `---`.
  const contentStart = source.indexOf('\n', node.position.start.offset ?? 0) + 1;
  const { document, lineCounter } = parseYaml(node.value, options.file, { lineOffset: node.position.start.line, frontMatter: true });
  const paths = new Map<string, Array<string | number>>();
  const pointAt = (yamlOffset: number): SourcePoint => {
    const at = lineCounter.linePos(yamlOffset);
    return { line: node.position!.start.line + at.line, column: at.col, offset: contentStart + yamlOffset };
  };
  const add = (key: string, path: Array<string | number>, scalar: Scalar) => {
    const value = String(scalar.value);
    if (!/\p{L}/u.test(value)) return;
    const [from, , to] = scalar.range ?? [0, 0, 0];
    segments.push({
      key,
      kind: 'meta',
      text: value,
      start: pointAt(from),
      runs: [alignRun(value, source, contentStart + from, contentStart + to)],
      field: String(path[0]),
    });
    paths.set(key, path);
  };
  for (const field of options.frontMatter) {
    const value = document.get(field, true);
    if (isScalar(value) && typeof value.value === 'string') {
      add(keys.unique(`meta.${field}`), [field], value);
    } else if (isSeq(value)) {
      value.items.forEach((item, index) => {
        if (isScalar(item) && typeof item.value === 'string') {
          add(keys.unique(`meta.${field}.${shortHash(item.value)}`), [field, index], item);
        } else if (!(isScalar(item) && item.value === null)) {
          throw notText(field, item, pointAt, options.file);
        }
      });
    } else if (value !== undefined && !(isScalar(value) && value.value === null)) {
      // `title: 123` would otherwise silently stay untranslated in every edition.
      throw notText(field, value, pointAt, options.file);
    }
  }
  return { node, document, paths };
}
