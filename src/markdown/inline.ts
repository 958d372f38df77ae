import type { Definition, FootnoteDefinition, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { MarkdownSyntaxError, parseMarkdown, type Syntax } from './parse.js';
import { inputMessage } from '../util/input-messages.js';

/**
 * What a segment may refer to outside itself: link reference definitions and footnote definitions. Without
 * them `[text][ref]` and `[^1]` would parse as plain text when a segment is parsed on its own.
 */
export interface InlineContext {
  definitions: string[];
  footnotes: string[];
  /** The article's Markdown flavour: a segment of an MDX article is MDX (default `md`). */
  syntax?: Syntax;
}

export function inlineContextOf(tree: Root, syntax: Syntax = 'md'): InlineContext {
  const definitions = new Set<string>();
  const footnotes = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'definition') definitions.add((node as Definition).label ?? (node as Definition).identifier);
    if (node.type === 'footnoteDefinition') footnotes.add((node as FootnoteDefinition).label ?? (node as FootnoteDefinition).identifier);
  });
  return { definitions: [...definitions].sort(), footnotes: [...footnotes].sort(), syntax };
}

/**
 * A line of a segment that would open a block (heading, quote, list item, fence, thematic break, setext
 * underline, indented code) gets its marker escaped: a segment is inline Markdown, and a translation that
 * happens to start a line with `2024. ` or `- ` must stay text, not turn into a list. A first line that
 * reads as a link reference definition (`[a]: b`) is escaped too.
 */
export function escapeBlockStarts(text: string): string {
  return text
    .split('\n')
    .map((line, index) => {
      const trimmed = index === 0 ? line.replace(/^[ \t]+/, '').replace(/^\[(?=[^\]]*\]:)/, '\\[') : line;
      return trimmed
        .replace(/^([ \t]*)(#{1,6})(?=[ \t]|$)/, '$1\\$2')
        .replace(/^([ \t]*)>/, '$1\\>')
        .replace(/^([ \t]*)([-+*])(?=[ \t]|$)/, '$1\\$2')
        .replace(/^([ \t]*)(\d{1,9})([.)])(?=[ \t]|$)/, '$1$2\\$3')
        .replace(/^([ \t]*)(`{3,}|~{3,})/, '$1\\$2')
        .replace(/^([ \t]*)([=_*-])(?=(?:[ \t]*\2)+[ \t]*$)/, '$1\\$2');
    })
    .join('\n');
}

/**
 * Characters and sequences that can start inline Markdown in any flavour yakugo reads: CommonMark
 * (escapes, code, emphasis, links and images, autolinks and HTML, character references such as `&amp;`),
 * GFM (autolinked `www.`, `https://` and e-mail addresses, strikethrough, footnotes), directives
 * (`:name`, with a name in any script), MDX (`{…}`, `<…>`), and line breaks and control characters
 * (micromark replaces NUL). A colon before a space or at the end, `!` or `$` in prose, or `&` in `S&P`
 * start nothing.
 */
const INLINE_SYNTAX = /[\\`*_[\]<>{}~@|\u0000-\u001f\u007f]|www\.|:(?!\s|$)|&(?:#|[a-z][a-z0-9]*;)/i;
/** What opens a block when it starts a line (escaped by `escapeBlockStarts`, so it would still be text). */
const BLOCK_START = /^(?:[#>=+-]|\d)/;

/**
 * The phrasing content of a text in which no Markdown can start: one text node with the text itself, as
 * parsing would give, without running the parser. Most translations are such plain prose, and parsing
 * each of them was the largest cost of checking translated catalogs. Undefined for anything else (leading
 * or trailing whitespace, which a paragraph strips, included).
 */
export function plainInline(text: string): PhrasingContent[] | undefined {
  if (text === '' || text.trim() !== text || INLINE_SYNTAX.test(text) || BLOCK_START.test(text)) return undefined;
  return [{ type: 'text', value: text }];
}

/** Thrown when a segment's text does not parse as inline Markdown. */
export class InlineParseError extends Error {}

/**
 * Parses a segment's inline Markdown into phrasing content, with the document's references in scope. A
 * table cell (`cell`) is parsed inside a one-cell table, as GFM reads it there (`\|` inside code).
 */
export function parseInline(text: string, context: InlineContext, options: { cell?: boolean } = {}): PhrasingContent[] {
  const stubs = [
    ...context.definitions.map((label) => `[${label}]: #`),
    ...context.footnotes.map((label) => `[^${label}]: -`),
  ];
  const escaped = escapeBlockStarts(text);
  if (escaped.trim() === '') return [];
  const body = options.cell ? `| ${escaped} |\n| --- |` : escaped;
  const document = stubs.length > 0 ? `${body}\n\n${stubs.join('\n')}\n` : body;
  let tree: Root;
  try {
    tree = parseMarkdown(document, context.syntax);
  } catch (error) {
    if (error instanceof MarkdownSyntaxError) throw new InlineParseError(inputMessage('invalidSyntax', { detail: error.message }));
    throw error;
  }
  const [first] = tree.children;
  const rest = tree.children.slice(1).filter((node) => node.type !== 'definition' && node.type !== 'footnoteDefinition');
  if (options.cell) {
    const row = first?.type === 'table' && first.children.length === 1 ? first.children[0] : undefined;
    const cell = row?.children.length === 1 && rest.length === 0 ? row.children[0] : undefined;
    if (!cell) throw new InlineParseError(inputMessage('notInline', { type: first?.type ?? '-' }));
    return cell.children;
  }
  if (first?.type !== 'paragraph') {
    throw new InlineParseError(inputMessage('notInline', { type: first?.type ?? '-' }));
  }
  if (rest.length > 0) throw new InlineParseError(inputMessage('twoParagraphs'));
  return first.children;
}

/**
 * Parses many paragraph segments at once (one parser run instead of one per segment, which is what makes
 * a fully translated article cheap to verify). Each text must come out as exactly one paragraph starting
 * where it was placed; otherwise (a blank line inside, a line that opens an HTML block) the result is
 * undefined and the caller parses them one by one, which says what is wrong with which.
 */
export function parseInlineBatch(texts: readonly string[], context: InlineContext): PhrasingContent[][] | undefined {
  const escaped = texts.map(escapeBlockStarts);
  if (escaped.some((text) => text.trim() === '')) return undefined;
  const starts: number[] = [];
  let body = '';
  for (const text of escaped) {
    if (body !== '') body += '\n\n';
    starts.push(body.length);
    body += text;
  }
  const stubs = [...context.definitions.map((label) => `[${label}]: #`), ...context.footnotes.map((label) => `[^${label}]: -`)];
  let tree: Root;
  try {
    tree = parseMarkdown(stubs.length > 0 ? `${body}\n\n${stubs.join('\n')}\n` : body, context.syntax);
  } catch (error) {
    if (error instanceof MarkdownSyntaxError) return undefined;
    throw error;
  }
  const blocks = tree.children.filter((node) => node.type !== 'definition' && node.type !== 'footnoteDefinition');
  if (blocks.length !== texts.length) return undefined;
  const out: PhrasingContent[][] = [];
  for (const [index, block] of blocks.entries()) {
    if (block.type !== 'paragraph' || block.position?.start.offset !== starts[index]) return undefined;
    out.push(block.children);
  }
  return out;
}
