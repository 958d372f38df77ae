import type { Nodes, Root } from 'mdast';
import { isScalar } from 'yaml';
import { compareTrees } from '../markdown/compare.js';
import { InlineParseError, inlineContextOf, parseInline } from '../markdown/inline.js';
import { parseMarkdown, stringifyMarkdown } from '../markdown/parse.js';
import { type SegmentedMarkdown, segmentMarkdown } from '../markdown/segment.js';
import type { Segment } from '../markdown/types.js';
import { inputMessage } from '../util/input-messages.js';

/** A segment whose translation cannot be placed in the edition; the caller names the catalog entry. */
export class EditionError extends Error {
  constructor(
    readonly key: string,
    message: string,
    /** The segment's place in the source article. */
    readonly sourceLine: number,
  ) {
    super(message);
    this.name = 'EditionError';
  }
}

export interface EditionInput {
  /** The article's Markdown (any line endings). */
  source: string;
  frontMatter: string[];
  /** For messages. */
  file?: string;
  /** The text of each segment in this edition (the translation, or the source text for the source edition). */
  textOf: (segment: Segment) => string;
}

/**
 * Rebuilds an article with every segment replaced by its text in one language and writes it with
 * remark-stringify. The result is parsed again and compared with the tree it was meant to be: a mismatch
 * (mdast-util-to-markdown has escaping round-trip bugs) is an EditionError naming the segment, never a
 * silently wrong file.
 */
export function renderEdition(input: EditionInput): string {
  const normalized = input.source.replace(/\r\n?/g, '\n');
  const parsed = segmentMarkdown(normalized, { frontMatter: input.frontMatter, file: input.file });
  const context = inlineContextOf(parsed.tree);
  const ownerOf = new Map<Nodes, Segment>();
  let frontMatterChanged = false;

  for (const segment of parsed.segments) {
    const text = input.textOf(segment);
    if (segment.kind === 'meta') {
      if (text !== segment.text) {
        setFrontMatterValue(parsed, segment, text);
        frontMatterChanged = true;
      }
      continue;
    }
    const node = parsed.nodes.get(segment.key)!;
    ownerOf.set(node, segment);
    if (text === segment.text) continue;
    if (text.includes('\n') && !segment.text.includes('\n') && segment.kind !== 'paragraph') {
      throw new EditionError(segment.key, inputMessage(segment.kind === 'cell' ? 'cellOneLine' : 'headingOneLine'), segment.start.line);
    }
    try {
      node.children = parseInline(text, context) as typeof node.children;
    } catch (error) {
      if (error instanceof InlineParseError) throw new EditionError(segment.key, error.message, segment.start.line);
      throw error;
    }
  }

  if (frontMatterChanged && parsed.frontMatter) {
    parsed.frontMatter.node.value = parsed.frontMatter.document.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
  }

  const markdown = stringifyMarkdown(parsed.tree);
  // Prefer the lighter spelling when it is provably the same document.
  const lighter = withoutNeedlessEscapes(markdown);
  if (lighter !== markdown && !compareTrees(parsed.tree, parseMarkdown(lighter))) return lighter;
  verifyRoundTrip(parsed.tree, markdown, ownerOf);
  return markdown;
}

/**
 * mdast-util-to-markdown escapes every `&` before a letter (`S\&P 500`) in case it starts a character
 * reference. Only `&name;` and `&#…;` do, so other escapes are dropped; the caller keeps the result only if
 * it parses to the same tree.
 */
function withoutNeedlessEscapes(markdown: string): string {
  return markdown.replace(/\\&(?![A-Za-z0-9#]+;)/g, '&');
}

function setFrontMatterValue(parsed: SegmentedMarkdown, segment: Segment, text: string): void {
  const frontMatter = parsed.frontMatter!;
  const path = frontMatter.paths.get(segment.key)!;
  const node = frontMatter.document.getIn(path, true);
  // Changing the scalar in place keeps its quoting style and the comments around it.
  if (isScalar(node)) node.value = text;
  else frontMatter.document.setIn(path, text);
}

function verifyRoundTrip(expected: Root, markdown: string, ownerOf: Map<Nodes, Segment>): void {
  const difference = compareTrees(expected, parseMarkdown(markdown));
  if (!difference) return;
  // Walk down the path to the innermost segment node that holds the difference.
  let node: Nodes = expected;
  let owner: Segment | undefined;
  for (const index of difference.path) {
    const children: Nodes[] = 'children' in node ? (node.children as Nodes[]) : [];
    const child = children[index];
    if (!child) break;
    node = child;
    owner = ownerOf.get(node) ?? owner;
  }
  const key = owner?.key ?? '(document structure)';
  throw new EditionError(
    key,
    inputMessage('roundTrip', { detail: difference.message }),
    owner?.start.line ?? node.position?.start.line ?? 1,
  );
}
