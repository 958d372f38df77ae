/**
 * Source-preserving editions: the source text with only the byte ranges of changed segments replaced.
 * Everything between segments (code, HTML, blank lines, bullet characters, link definitions, the writer's
 * spelling of emphasis and breaks) comes through byte for byte.
 */

/** One replacement of `source.slice(from, to)`. Ranges never overlap. */
export interface Splice {
  from: number;
  to: number;
  text: string;
}

/** Applies non-overlapping splices to `source`. */
export function applySplices(source: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.from - b.from);
  let out = '';
  let cursor = 0;
  for (const splice of sorted) {
    if (splice.from < cursor) throw new Error(`overlapping splices at ${splice.from}`);
    out += source.slice(cursor, splice.from) + splice.text;
    cursor = splice.to;
  }
  return out + source.slice(cursor);
}

/** The line ending the source uses (the first one found); `\n` for a one-line file. */
export function lineEndingOf(source: string): string {
  const match = /\r\n|\n|\r/.exec(source);
  return match?.[0] ?? '\n';
}

/**
 * What goes before each continuation line of a segment that starts at `offset`: the container markers of
 * its first line, with block-quote markers (`>`) kept and list markers, footnote labels and indentation
 * turned into spaces, so `> - item` continues as `>   `. Tabs are kept, since they count as up to four
 * columns.
 */
export function continuationPrefix(source: string, offset: number): string {
  const lineStart = Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf('\r', offset - 1)) + 1;
  return source
    .slice(lineStart, offset)
    .replace(/[^>\t]/g, ' ');
}

/**
 * A translation placed in its container: continuation lines get the container prefix (their own leading
 * white space removed, as the parser would), and line breaks the source's line ending.
 */
export function indentForContainer(text: string, prefix: string, eol: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? line : prefix + line.replace(/^[ \t]+/, '')))
    .join(eol);
}

/**
 * In a GFM table cell every `|` not already escaped must be written `\|`, also inside code spans (GFM
 * splits the row before it parses the cell), or the row gains a column.
 */
export function escapeCellPipes(text: string): string {
  return text.replace(/(\\*)\|/g, (match, backslashes: string) => (backslashes.length % 2 === 0 ? `${backslashes}\\|` : match));
}

/**
 * An ATX heading drops a closing sequence of `#` after a space (`## C #` reads "C"): a translation that ends
 * so gets its last `#` run escaped.
 */
export function escapeHeadingEnd(text: string): string {
  return text.replace(/([ \t])(#+)([ \t]*)$/, '$1\\$2$3');
}
