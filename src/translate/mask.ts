/**
 * Markup masking: what a translator must not touch (inline code, URLs, link destinations, footnote
 * references, HTML, images, `{{…}}` and `{#id}`) is replaced by numbered placeholders before a segment is
 * sent, and put back after. Emphasis and link text stay translatable: their delimiters become a pair of
 * placeholders around the text. LLMs get `⟦1⟧` / `⟦2⟧…⟦/2⟧` tokens, DeepL XML tags (`<m1/>`, `<m2>…</m2>`,
 * sent with `tag_handling=xml`). A reply whose placeholders do not come back exactly (each once, pairs
 * nested as sent, none invented) is rejected: guessing where a URL went would corrupt the article.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { escapeBlockStarts, type InlineContext, InlineParseError, parseInline } from '../markdown/inline.js';
import { type Reason, reason } from './reasons.js';

/** One piece of a masked segment: literal text to translate, or a placeholder standing for source markup. */
export type Piece = { text: string } | { id: number; role: 'void' | 'open' | 'close' };

export interface MaskedSegment {
  pieces: Piece[];
  /** The source markup each placeholder stands for: `void` and `open` by id, `close` by id. */
  voids: Map<number, string>;
  opens: Map<number, string>;
  closes: Map<number, string>;
}

interface Cut {
  start: number;
  end: number;
  id: number;
  role: 'void' | 'open' | 'close';
}

/**
 * Spans inside plain text that are never translated: template expressions, heading IDs, footnote
 * references whose definition is elsewhere, bare URLs.
 */
const PLAIN_PROTECTED = /\{\{[\s\S]*?\}\}|\{#[^\s{}]+\}|\[\^[^\]\s]+\]|\b(?:https?|ftp):\/\/[^\s<>"'「」『』、。）)]+/gu;

/**
 * Masks one segment. `markdown` segments are parsed with the project's processor and the article's
 * references in scope; front-matter values (`plain`) only have their template expressions and URLs masked.
 */
export function maskSegment(text: string, kind: 'markdown' | 'plain', context: InlineContext): MaskedSegment {
  let cuts: Cut[];
  const next = counter();
  if (kind === 'plain') {
    cuts = plainCuts(text, 0, text.length, next);
  } else {
    try {
      cuts = markdownCuts(text, context, next);
    } catch (error) {
      if (!(error instanceof InlineParseError)) throw error;
      cuts = plainCuts(text, 0, text.length, next);
    }
  }
  return build(text, cuts);
}

function counter(): () => number {
  let id = 0;
  return () => ++id;
}

function build(text: string, cuts: Cut[]): MaskedSegment {
  cuts.sort((a, b) => a.start - b.start || a.end - b.end);
  const masked: MaskedSegment = { pieces: [], voids: new Map(), opens: new Map(), closes: new Map() };
  let at = 0;
  for (const cut of cuts) {
    if (cut.start > at) masked.pieces.push({ text: text.slice(at, cut.start) });
    const original = text.slice(cut.start, cut.end);
    if (cut.role === 'void') masked.voids.set(cut.id, original);
    else if (cut.role === 'open') masked.opens.set(cut.id, original);
    else masked.closes.set(cut.id, original);
    masked.pieces.push({ id: cut.id, role: cut.role });
    at = Math.max(at, cut.end);
  }
  if (at < text.length) masked.pieces.push({ text: text.slice(at) });
  return masked;
}

function plainCuts(text: string, from: number, to: number, next: () => number): Cut[] {
  const cuts: Cut[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(PLAIN_PROTECTED)) {
    const start = from + match.index;
    cuts.push({ start, end: start + match[0].length, id: next(), role: 'void' });
  }
  return cuts;
}

function markdownCuts(text: string, context: InlineContext, next: () => number): Cut[] {
  const escaped = escapeBlockStarts(text);
  const toOriginal = offsetMap(escaped, text);
  const nodes = parseInline(text, context);
  const cuts: Cut[] = [];
  const at = (node: Nodes, side: 'start' | 'end'): number => toOriginal(node.position?.[side].offset ?? 0);
  const voidCut = (node: Nodes) => cuts.push({ start: at(node, 'start'), end: at(node, 'end'), id: next(), role: 'void' });
  const pairCut = (node: Nodes, children: readonly PhrasingContent[]) => {
    const first = children[0]!;
    const last = children[children.length - 1]!;
    const id = next();
    cuts.push({ start: at(node, 'start'), end: at(first, 'start'), id, role: 'open' });
    walk(children);
    cuts.push({ start: at(last, 'end'), end: at(node, 'end'), id, role: 'close' });
  };
  const walk = (list: readonly PhrasingContent[]): void => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          cuts.push(...plainCuts(text, at(node, 'start'), at(node, 'end'), next));
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
          if (node.children.length === 0) voidCut(node);
          else pairCut(node, node.children);
          break;
        case 'link': {
          // Autolinks (`<https://…>`, bare URLs) are all destination; `[text](url)` keeps its text.
          const bracketed = text[at(node, 'start')] === '[';
          if (!bracketed || node.children.length === 0) voidCut(node);
          else pairCut(node, node.children);
          break;
        }
        case 'linkReference':
          // `[text][ref]` keeps its text; in `[ref]` and `[ref][]` the text is the label and must not change.
          if (node.referenceType === 'full' && node.children.length > 0) pairCut(node, node.children);
          else voidCut(node);
          break;
        default:
          // Inline code, HTML, images, footnote references, hard breaks: copied as written.
          voidCut(node);
          break;
      }
    }
  };
  walk(nodes);
  return cuts;
}

/**
 * `escapeBlockStarts` only inserts backslashes; maps an offset in the escaped text back to the original.
 */
function offsetMap(escaped: string, original: string): (offset: number) => number {
  const map = new Int32Array(escaped.length + 1);
  let j = 0;
  for (let i = 0; i < escaped.length; i++) {
    map[i] = j;
    if (escaped[i] === original[j]) j++;
  }
  map[escaped.length] = j;
  // Offsets past the segment (the reference stubs parseInline appends) clamp to its end.
  return (offset) => (offset >= escaped.length ? original.length : map[offset]!);
}

// ---------------------------------------------------------------------------------------------------
// Rendering for a provider and restoring its reply.

export function toTokens(masked: MaskedSegment): string {
  return masked.pieces.map((piece) => ('text' in piece ? piece.text : token(piece.id, piece.role))).join('');
}

function token(id: number, role: 'void' | 'open' | 'close'): string {
  return role === 'close' ? `⟦/${id}⟧` : `⟦${id}⟧`;
}

export function toXml(masked: MaskedSegment): string {
  return masked.pieces
    .map((piece) => {
      if ('text' in piece) return escapeXml(piece.text);
      return xmlTag(piece.id, piece.role);
    })
    .join('');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

export type Restored = { ok: true; text: string } | { ok: false; reason: Reason };

interface Found {
  id: number;
  role: 'void' | 'open' | 'close';
  start: number;
  end: number;
  raw: string;
}

/** Puts the source markup back into an LLM reply written with `⟦n⟧` tokens. */
export function restoreTokens(masked: MaskedSegment, reply: string): Restored {
  const found: Found[] = [];
  for (const match of reply.matchAll(/⟦(\/?)([^⟦⟧]*)⟧/g)) {
    const id = /^\d+$/.test(match[2]!) ? Number(match[2]) : Number.NaN;
    const role = match[1] ? 'close' : masked.voids.has(id) ? 'void' : 'open';
    found.push({ id, role, start: match.index, end: match.index + match[0].length, raw: match[0] });
  }
  return restore(masked, reply, found, (text) => text, token);
}

/** Puts the source markup back into a DeepL reply written with `<mN/>`, `<mN>…</mN>` tags. */
export function restoreXml(masked: MaskedSegment, reply: string): Restored {
  const found: Found[] = [];
  for (const match of reply.matchAll(/<(\/?)([^<>]*?)(\/?)>/g)) {
    const name = /^m(\d+)$/.exec(match[2]!.trim());
    const id = name ? Number(name[1]) : Number.NaN;
    const role = match[1] ? 'close' : match[3] ? 'void' : 'open';
    found.push({ id, role, start: match.index, end: match.index + match[0].length, raw: match[0] });
  }
  return restore(masked, reply, found, unescapeXml, xmlTag);
}

function xmlTag(id: number, role: 'void' | 'open' | 'close'): string {
  return role === 'void' ? `<m${id}/>` : role === 'open' ? `<m${id}>` : `</m${id}>`;
}

function restore(
  masked: MaskedSegment,
  reply: string,
  found: Found[],
  decode: (text: string) => string,
  show: (id: number, role: 'void' | 'open' | 'close') => string,
): Restored {
  const seen = new Set<string>();
  const stack: number[] = [];
  for (const item of found) {
    const known =
      item.role === 'void' ? masked.voids.has(item.id) : item.role === 'open' ? masked.opens.has(item.id) : masked.closes.has(item.id);
    if (!known) return { ok: false, reason: reason('invented', { placeholder: item.raw }) };
    const key = `${item.role}:${item.id}`;
    if (seen.has(key)) return { ok: false, reason: reason('repeated', { placeholder: item.raw }) };
    seen.add(key);
    if (item.role === 'close' && masked.opens.has(item.id) && !seen.has(`open:${item.id}`)) {
      return { ok: false, reason: reason('missing', { placeholder: show(item.id, 'open') }) };
    }
    if (item.role === 'open') stack.push(item.id);
    if (item.role === 'close' && stack.pop() !== item.id) return { ok: false, reason: reason('outOfOrder', { placeholder: item.raw }) };
  }
  const expected = [
    ...[...masked.voids.keys()].map((id) => ({ key: `void:${id}`, id, role: 'void' as const })),
    ...[...masked.opens.keys()].map((id) => ({ key: `open:${id}`, id, role: 'open' as const })),
    ...[...masked.closes.keys()].map((id) => ({ key: `close:${id}`, id, role: 'close' as const })),
  ];
  const missing = expected.find((item) => !seen.has(item.key));
  if (missing) return { ok: false, reason: reason('missing', { placeholder: show(missing.id, missing.role) }) };
  let out = '';
  let at = 0;
  for (const item of found) {
    out += decode(reply.slice(at, item.start));
    out += (item.role === 'void' ? masked.voids : item.role === 'open' ? masked.opens : masked.closes).get(item.id)!;
    at = item.end;
  }
  out += decode(reply.slice(at));
  return { ok: true, text: out.trim() };
}

/** The characters a provider is sent for this segment (for `--dry-run` and the summary). */
export function maskedLength(masked: MaskedSegment): number {
  return toTokens(masked).length;
}
