/**
 * Shared views of a segment's inline Markdown for the rules: its parsed phrasing content (through the
 * project's one processor, with the article's link and footnote definitions in scope) and its prose.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { InlineParseError, type InlineContext, parseInline, plainInline } from '../markdown/inline.js';

export interface ParsedInline {
  /** The phrasing content, `undefined` when the text is not inline Markdown (a blank line inside, say). */
  nodes: PhrasingContent[] | undefined;
  /** Why it does not parse, when it does not. */
  error: string | undefined;
  /**
   * What a reader reads: text and image alt text. Inline code, HTML and autolinked URLs become one space,
   * so they neither hide nor join words.
   */
  prose: string;
}

const cache = new WeakMap<InlineContext, Map<string, ParsedInline>>();

/** Parses `text` once per run (several rules read the same translation). */
export function parseSegmentInline(text: string, context: InlineContext): ParsedInline {
  let byText = cache.get(context);
  if (!byText) {
    byText = new Map();
    cache.set(context, byText);
  }
  let parsed = byText.get(text);
  if (!parsed) {
    parsed = parseUncached(text, context);
    byText.set(text, parsed);
  }
  return parsed;
}

function parseUncached(text: string, context: InlineContext): ParsedInline {
  const plain = plainInline(text);
  if (plain) return { nodes: plain, error: undefined, prose: text };
  try {
    const nodes = parseInline(text, context);
    return { nodes, error: undefined, prose: proseOf(nodes) };
  } catch (error) {
    if (!(error instanceof InlineParseError)) throw error;
    return { nodes: undefined, error: error.message, prose: text };
  }
}

/** Text and alt text of phrasing content, in order. */
export function proseOf(nodes: readonly Nodes[]): string {
  let out = '';
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
        out += node.value;
        return;
      case 'image':
        out += ` ${node.alt ?? ''} `;
        return;
      case 'inlineCode':
      case 'html':
      case 'footnoteReference':
        out += ' ';
        return;
      case 'break':
        out += '\n';
        return;
      case 'link':
        if (isAutolink(node)) {
          out += ' ';
          return;
        }
        break;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  for (const node of nodes) walk(node);
  return out;
}

/** `<https://…>` or a GFM literal autolink: the text is the URL itself. */
function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link' || node.children.length !== 1) return false;
  const [child] = node.children;
  if (child?.type !== 'text') return false;
  return child.value === node.url || `mailto:${child.value}` === node.url || `http://${child.value}` === node.url;
}

/** The first `max` characters of `text` on one line, with an ellipsis when cut. */
export function excerpt(text: string, max = 30): string {
  const line = text.replace(/\s*\n\s*/g, ' ').trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max).join('')}…`;
}

/** `file:line:column`, as terminals and editors link it. */
export function formatLocation(location: { file: string; line: number; column: number }): string {
  return `${location.file}:${location.line}:${location.column}`;
}
