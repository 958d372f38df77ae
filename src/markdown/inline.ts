import type { Definition, FootnoteDefinition, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from './parse.js';
import { inputMessage } from '../util/input-messages.js';

/**
 * What a segment may refer to outside itself: link reference definitions and footnote definitions. Without
 * them `[text][ref]` and `[^1]` would parse as plain text when a segment is parsed on its own.
 */
export interface InlineContext {
  definitions: string[];
  footnotes: string[];
}

export function inlineContextOf(tree: Root): InlineContext {
  const definitions = new Set<string>();
  const footnotes = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'definition') definitions.add((node as Definition).label ?? (node as Definition).identifier);
    if (node.type === 'footnoteDefinition') footnotes.add((node as FootnoteDefinition).label ?? (node as FootnoteDefinition).identifier);
  });
  return { definitions: [...definitions].sort(), footnotes: [...footnotes].sort() };
}

/**
 * A line of a segment that would open a block (heading, quote, list item, fence, thematic break, setext
 * underline, indented code) gets its marker escaped: a segment is inline Markdown, and a translation that
 * happens to start a line with `2024. ` or `- ` must stay text, not turn into a list.
 */
export function escapeBlockStarts(text: string): string {
  return text
    .split('\n')
    .map((line, index) => {
      const trimmed = index === 0 ? line.replace(/^[ \t]+/, '') : line;
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

/** Thrown when a segment's text does not parse as inline Markdown. */
export class InlineParseError extends Error {}

/**
 * Parses a segment's inline Markdown into phrasing content, with the document's references in scope.
 */
export function parseInline(text: string, context: InlineContext): PhrasingContent[] {
  const stubs = [
    ...context.definitions.map((label) => `[${label}]: #`),
    ...context.footnotes.map((label) => `[^${label}]: -`),
  ];
  const escaped = escapeBlockStarts(text);
  const document = stubs.length > 0 ? `${escaped}\n\n${stubs.join('\n')}\n` : escaped;
  const tree = parseMarkdown(document);
  const [first] = tree.children;
  if (escaped.trim() === '') return [];
  if (first?.type !== 'paragraph') {
    throw new InlineParseError(inputMessage('notInline', { type: first?.type ?? '-' }));
  }
  const rest = tree.children.slice(1).filter((node) => node.type !== 'definition' && node.type !== 'footnoteDefinition');
  if (rest.length > 0) throw new InlineParseError(inputMessage('twoParagraphs'));
  return first.children;
}
