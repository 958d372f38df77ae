/**
 * A segment's inline Markdown as XLIFF sees it: translatable text between inline codes. Emphasis, strong,
 * strikethrough, links and images become paired codes (`<pc>`, the text inside stays translatable); inline
 * code, HTML, footnote references, autolinks and hard breaks become placeholders (`<ph>`). Every code keeps
 * the exact Markdown it stands for, so `piecesToMarkdown(markdownToPieces(text)) === text` for every text:
 * a CAT tool sees and moves codes, never the characters that make them.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { escapeBlockStarts, type InlineContext, parseInline } from '../markdown/inline.js';

export type PairedType = 'fmt' | 'link' | 'image';

export type InlinePiece =
  | { kind: 'text'; text: string }
  | { kind: 'ph'; data: string }
  | { kind: 'pc'; type: PairedType; start: string; end: string; children: InlinePiece[] };

/** The Markdown the pieces stand for: text and codes concatenated. */
export function piecesToMarkdown(pieces: readonly InlinePiece[]): string {
  let out = '';
  for (const piece of pieces) {
    if (piece.kind === 'text') out += piece.text;
    else if (piece.kind === 'ph') out += piece.data;
    else out += piece.start + piecesToMarkdown(piece.children) + piece.end;
  }
  return out;
}

/**
 * Splits inline Markdown into text and codes. Text that does not parse as one inline paragraph (a
 * translation with a blank line) is one text piece: nothing is lost, and nothing is protected either.
 */
export function markdownToPieces(text: string, context: InlineContext): InlinePiece[] {
  if (text === '') return [];
  const toOriginal = offsetMap(text);
  let nodes: PhrasingContent[];
  try {
    nodes = toOriginal ? parseInline(text, context) : [];
  } catch {
    nodes = [];
  }
  if (!toOriginal || nodes.length === 0) return [{ kind: 'text', text }];
  const pieces = walk(nodes, text, toOriginal, 0, text.length);
  return piecesToMarkdown(pieces) === text ? mergeText(pieces) : [{ kind: 'text', text }];
}

/** Adjacent text pieces joined, at every depth, so two splits of the same Markdown compare equal. */
export function mergeText(pieces: readonly InlinePiece[]): InlinePiece[] {
  const out: InlinePiece[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (piece.kind === 'text' && piece.text === '') continue;
    if (piece.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + piece.text };
    else out.push(piece.kind === 'pc' ? { ...piece, children: mergeText(piece.children) } : piece);
  }
  return out;
}

/** Every code of the pieces as `pc:<type>:<start>…<end>` or `ph:<data>`, in document order. */
export function codesOf(pieces: readonly InlinePiece[]): string[] {
  return pieces.flatMap((piece) => {
    if (piece.kind === 'ph') return [`ph:${piece.data}`];
    if (piece.kind === 'pc') return [`pc:${piece.type}:${piece.start}…${piece.end}`, ...codesOf(piece.children)];
    return [];
  });
}

function walk(nodes: readonly Nodes[], text: string, at: (offset: number) => number, from: number, to: number): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  let cursor = from;
  for (const node of nodes) {
    const start = at(node.position?.start.offset ?? 0);
    const end = at(node.position?.end.offset ?? 0);
    if (start < cursor || end < start || end > to) throw new Error('inline node outside its parent');
    if (start > cursor) pieces.push({ kind: 'text', text: text.slice(cursor, start) });
    pieces.push(pieceOf(node, text, at, start, end));
    cursor = end;
  }
  if (cursor < to) pieces.push({ kind: 'text', text: text.slice(cursor, to) });
  return pieces;
}

function pieceOf(node: Nodes, text: string, at: (offset: number) => number, start: number, end: number): InlinePiece {
  const raw = text.slice(start, end);
  if (node.type === 'text') return { kind: 'text', text: raw };
  if ((node.type === 'image' || node.type === 'imageReference') && raw.startsWith('![')) {
    const close = closingBracket(raw, 2);
    if (close > 2) {
      return { kind: 'pc', type: 'image', start: '![', end: raw.slice(close), children: [{ kind: 'text', text: raw.slice(2, close) }] };
    }
  }
  const paired = node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete' || node.type === 'link' || node.type === 'linkReference';
  if (paired && node.children.length > 0 && !isAutolink(node, raw)) {
    const first = node.children[0]!;
    const last = node.children.at(-1)!;
    const inner = at(first.position?.start.offset ?? 0);
    const innerEnd = at(last.position?.end.offset ?? 0);
    if (inner > start && innerEnd <= end && inner <= innerEnd) {
      return {
        kind: 'pc',
        type: node.type === 'link' || node.type === 'linkReference' ? 'link' : 'fmt',
        start: text.slice(start, inner),
        end: text.slice(innerEnd, end),
        children: walk(node.children, text, at, inner, innerEnd),
      };
    }
  }
  return { kind: 'ph', data: raw };
}

/** `<https://…>` and bare GFM URLs: the text is the URL, nothing to translate. */
function isAutolink(node: Nodes, raw: string): boolean {
  if (node.type !== 'link') return false;
  return raw.startsWith('<') || !raw.startsWith('[');
}

/** Index of the `]` that closes the bracket opened just before `from` (escapes and nesting respected). */
function closingBracket(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '[') depth++;
    else if (char === ']') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * parseInline parses `escapeBlockStarts(text)`, which may drop the first line's indentation and insert one
 * backslash per line. Returns a map from offsets in that string to offsets in `text`, or undefined when the
 * two differ in another way (never expected; the caller then keeps the text whole).
 */
function offsetMap(text: string): ((offset: number) => number) | undefined {
  const escaped = escapeBlockStarts(text);
  if (escaped === text) return (offset) => offset;
  const originalLines = text.split('\n');
  const escapedLines = escaped.split('\n');
  if (originalLines.length !== escapedLines.length) return undefined;
  const map: number[] = [];
  let base = 0;
  for (let index = 0; index < originalLines.length; index++) {
    const original = originalLines[index]!;
    const line = escapedLines[index]!;
    const lead = index === 0 ? original.length - original.replace(/^[ \t]+/, '').length : 0;
    const trimmed = original.slice(lead);
    let inserted = -1;
    if (line !== trimmed) {
      let p = 0;
      while (p < trimmed.length && trimmed[p] === line[p]) p++;
      if (line !== `${trimmed.slice(0, p)}\\${trimmed.slice(p)}`) return undefined;
      inserted = p;
    }
    for (let j = 0; j <= line.length; j++) {
      const shift = inserted !== -1 && j > inserted ? 1 : 0;
      map.push(base + lead + j - shift);
    }
    base += original.length + 1;
  }
  return (offset) => map[offset] ?? text.length;
}
