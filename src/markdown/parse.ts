import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkDirective from 'remark-directive';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { gfmTaskListItemToMarkdown } from 'mdast-util-gfm-task-list-item';
import { type Processor, unified } from 'unified';

/**
 * How every edition is written. Chosen to match how Japanese editorial Markdown is usually written, so the
 * `ja` edition stays close to the source bytes as well as equal as a tree.
 */
export const stringifyOptions: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  resourceLink: false,
};

/**
 * remark-cjk-friendly's serializer replaces the root, paragraph and heading handlers after remark-gfm has
 * set its own, and task-list checkboxes (`- [ ]`) are then dropped from the output (found by the round-trip
 * check in build). Registering GFM's list-item handler again, last, restores them.
 */
function restoreTaskListItems(this: Processor): void {
  const data = this.data();
  data.toMarkdownExtensions ??= [];
  data.toMarkdownExtensions.push({ handlers: gfmTaskListItemToMarkdown().handlers });
}

/**
 * Which Markdown an article is written in: CommonMark + GFM (`.md`), or MDX (`.mdx`: JSX elements,
 * `{expressions}`, `import`/`export`, and the container directives `:::tip[…]` that MDX sites such as
 * Starlight and Docusaurus add with remark-directive).
 */
export type Syntax = 'md' | 'mdx';

/** `.mdx` files are MDX; everything else is Markdown. */
export function syntaxOf(file: string): Syntax {
  return /\.mdx$/i.test(file) ? 'mdx' : 'md';
}

/**
 * The one processor of the project: CommonMark + GFM (tables, footnotes, strikethrough, task lists,
 * autolinks) + YAML front matter + CJK-friendly emphasis, so `**「蒸留」**は` is strong text.
 * Parsing and stringifying go through the same plugins, so what is written parses back the same.
 */
const processor = unified()
  .use(remarkParse)
  // Padding cells to align pipes counts UTF-16 units, not display width, so it misaligns Japanese anyway.
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkCjkFriendly)
  .use(remarkCjkFriendlyGfmStrikethrough)
  .use(restoreTaskListItems)
  .use(remarkStringify, stringifyOptions)
  .freeze();

/**
 * The same for MDX. remark-directive is used here only: in plain Markdown its text directives would turn
 * ordinary prose such as `URL:https` into a directive.
 */
const mdxProcessor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkDirective)
  .use(remarkCjkFriendly)
  .use(remarkCjkFriendlyGfmStrikethrough)
  .use(restoreTaskListItems)
  .use(remarkStringify, stringifyOptions)
  .freeze();

/** Text that does not parse (only MDX can fail: an unclosed JSX tag, a bad `{expression}`), with its place. */
export class MarkdownSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'MarkdownSyntaxError';
  }
}

export function parseMarkdown(text: string, syntax: Syntax = 'md'): Root {
  try {
    return (syntax === 'mdx' ? mdxProcessor : processor).parse(text);
  } catch (error) {
    // micromark reports MDX syntax errors as a VFileMessage carrying the place.
    const { reason, line, column } = error as { reason?: unknown; line?: unknown; column?: unknown };
    if (typeof reason !== 'string') throw error;
    if (typeof line === 'number') throw new MarkdownSyntaxError(reason, line, typeof column === 'number' ? column : 1);
    // Some messages (an unclosed tag) carry the place only in their text: `… (3:1-3:7)`.
    const place = /\((\d+):(\d+)-\d+:\d+\)$/.exec(reason);
    throw new MarkdownSyntaxError(reason, Number(place?.[1] ?? 1), Number(place?.[2] ?? 1));
  }
}

export function stringifyMarkdown(tree: Root, syntax: Syntax = 'md'): string {
  return (syntax === 'mdx' ? mdxProcessor : processor).stringify(tree);
}
