/**
 * The shipped editions are read by renderers yakugo does not control (GitHub, static-site generators,
 * feed readers), most of them plain CommonMark without the CJK-friendly emphasis rule the source relies on
 * (`**「蒸留」**は`). A translation must not depend on it: every emphasis of the source must come out as
 * emphasis under plain CommonMark + GFM too (`**“蒸馏”**是` does not; `“**蒸馏**”是` does).
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/markdown/parse.js';
import { read, repositoryRoot } from './helpers/project.js';

const ARTICLES = ['deepseek-shock', 'explainers/distillation'];

function plainCommonMark(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(text);
}

/** Emphasis, strong and strikethrough spans, with their text, in document order. */
function spans(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete') {
      let text = '';
      visit(node, 'text', (child) => {
        text += child.value;
      });
      found.push(`${node.type}:${text}`);
    }
  });
  return found;
}

describe.each(['en', 'zh-Hans'])('the shipped %s editions', (lng) => {
  it.each(ARTICLES)('%s: every emphasis of the source is emphasis under plain CommonMark', (article) => {
    const source = spans(parseMarkdown(read(repositoryRoot, `source/${article}.md`))).map((span) => span.split(':')[0]);
    const edition = spans(plainCommonMark(read(repositoryRoot, `out/${lng}/${article}.md`)));
    expect(edition.map((span) => span.split(':')[0])).toEqual(source);
    // No span swallowed its surrounding punctuation into an unparsed `**`.
    expect(read(repositoryRoot, `out/${lng}/${article}.md`).replace(/```[\s\S]*?```/g, '')).not.toMatch(/\*\*[“「]\S*?[”」]\*\*[^\s\p{P}]/u);
  });
});
