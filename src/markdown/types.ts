/**
 * Types shared by every stage that reads segments: catalog, build, glossary matching, check.
 */
import type { Syntax } from './parse.js';

/** A place in a source file. `line` and `column` are 1-based; `offset` counts UTF-16 code units from 0. */
export interface SourcePoint {
  line: number;
  column: number;
  offset: number;
}

/**
 * A stretch of human-readable prose inside a segment, as the parser saw it (escapes and entities resolved),
 * with the file offset of each code unit so that a match inside it maps back to the Markdown.
 * Inline code, HTML, URLs and autolinks are never runs.
 */
export interface TextRun {
  /** The text (mdast `text` node value, or image alt text). */
  text: string;
  /** File offset (UTF-16) of `text[i]` for every `i`, plus one entry for the end. Length is `text.length + 1`. */
  offsets: number[];
}

export type SegmentKind = 'heading' | 'paragraph' | 'cell' | 'meta' | 'attribute' | 'html' | 'label';

/**
 * One translatable unit: a heading, a paragraph, a table cell, a named front-matter field value, or (MDX) a
 * named string attribute of a JSX element (`<Card title="…">`).
 */
export interface Segment {
  /** Stable catalog key, e.g. `paragraph.3f2a9c1b` or `meta.title`. */
  key: string;
  kind: SegmentKind;
  /** Inline Markdown exactly as written (soft line breaks kept, container prefixes such as `> ` removed). */
  text: string;
  /** Where the segment starts in the source file. */
  start: SourcePoint;
  /** Searchable prose of the segment with file offsets. */
  runs: TextRun[];
  /**
   * The source range when the segment is only part of its block (a VitePress container's title or body,
   * with the `:::` fences outside it); otherwise the block's whole inline content.
   */
  range?: { from: number; to: number };
  /** For `meta` segments: the front-matter field (`title`, `tags`…); for `attribute` segments: the attribute name. */
  field?: string;
}

/** A parsed source article. */
export interface SourceArticle {
  /** Namespace: path under the source folder without `.md`, with `/` separators (`news/2025/deepseek`). */
  id: string;
  /** Absolute path of the Markdown file. */
  file: string;
  /** Path relative to the project root, `/` separators (for messages). */
  path: string;
  /** File contents, BOM removed, line endings as in the file. */
  source: string;
  /** The file starts with a byte order mark (editions keep it, so the source edition is the same file). */
  bom: boolean;
  /** Markdown (`.md`, `.markdown`) or MDX (`.mdx`); editions keep the source's extension. */
  syntax: Syntax;
  /** The source file's extension with its dot (`.md`, `.mdx`): the editions' too. */
  extension: string;
  segments: Segment[];
}
