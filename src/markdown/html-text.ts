import type { Nodes, Root } from 'mdast';
import type { Segment } from './types.js';

/** Kana and kanji: the Japanese a reader would see. */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u30FC\u3005]+/u;

/** Japanese text inside raw HTML that no segment covers, so it stays Japanese in every edition. */
export interface HtmlText {
  /** The first stretch of Japanese in the HTML. */
  text: string;
  /** File offset of that stretch. */
  offset: number;
}

/**
 * The raw HTML blocks and inline HTML of a Markdown article holding Japanese outside every segment (a
 * `<div>` with nested tags, a `<details>` block, an attribute value): `extract` cannot translate them.
 * Comments are left out; they are not shown.
 */
export function untranslatedHtml(tree: Root, source: string, segments: readonly Segment[]): HtmlText[] {
  const found: HtmlText[] = [];
  const covered = segments.filter((segment) => segment.kind === 'html').map((segment) => segment.start.offset);
  const walk = (node: Nodes): void => {
    if (node.type === 'html') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      if (covered.some((offset) => offset >= start && offset < end)) return;
      const raw = source.slice(start, end).replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
      const match = JAPANESE.exec(raw);
      if (match) found.push({ text: match[0], offset: start + match.index });
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return found;
}
