import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
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

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

export function stringifyMarkdown(tree: Root): string {
  return processor.stringify(tree);
}
