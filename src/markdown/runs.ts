import type { Image, Nodes, Text } from 'mdast';
import type { TextRun } from './types.js';

/**
 * Maps each code unit of `value` (a text node value or alt text, escapes and entities already resolved)
 * to its offset in `source`, scanning forward from `from` to `to`. Characters the parser removed
 * (backslash escapes, `> ` continuation prefixes, the rest of an entity) are skipped over; a character
 * that cannot be found keeps the current position, so offsets never go backwards.
 */
export function alignRun(value: string, source: string, from: number, to: number): TextRun {
  const offsets: number[] = new Array(value.length + 1);
  let cursor = from;
  for (let i = 0; i < value.length; i++) {
    const found = source.indexOf(value[i]!, cursor);
    if (found !== -1 && found < to) {
      offsets[i] = found;
      cursor = found + 1;
    } else {
      offsets[i] = cursor;
    }
  }
  offsets[value.length] = value.length === 0 ? from : Math.min(Math.max(cursor, offsets[value.length - 1]! + 1), to);
  return { text: value, offsets };
}

/** A link whose text is its own URL (`<https://…>`, a GFM literal autolink): nothing to translate. */
function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link' || node.children.length !== 1) return false;
  const [child] = node.children;
  if (child?.type !== 'text') return false;
  return child.value === node.url || `mailto:${child.value}` === node.url || `http://${child.value}` === node.url;
}

/**
 * The searchable prose of phrasing content: text nodes and image alt text, never inline code, HTML or
 * autolinked URLs.
 */
export function collectRuns(nodes: Nodes[], source: string): TextRun[] {
  const runs: TextRun[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text') {
      runs.push(runOfNode(node, node.value, source));
    } else if (node.type === 'image') {
      if (node.alt) runs.push(runOfNode(node as Image, node.alt, source));
    } else if ('children' in node && !isAutolink(node)) {
      for (const child of node.children) walk(child as Nodes);
    }
  };
  for (const node of nodes) walk(node);
  return runs;
}

function runOfNode(node: Text | Image, value: string, source: string): TextRun {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return alignRun(value, source, start, end);
}

/** True when the runs hold something a person reads: at least one letter. */
export function hasProse(runs: TextRun[]): boolean {
  return runs.some((run) => /\p{L}/u.test(run.text));
}
