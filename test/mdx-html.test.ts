import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { runCheck } from '../src/check/run.js';
import { loadProject } from '../src/config/load.js';
import { renderEdition } from '../src/build/edition.js';
import { extract } from '../src/catalog/extract.js';
import { compareMarkup, markupOf } from '../src/check/rules/markup-mismatch.js';
import { parseInline } from '../src/markdown/inline.js';
import { parseMarkdown } from '../src/markdown/parse.js';
import { segmentMarkdown } from '../src/markdown/segment.js';
import { makeProject, read, readJson, write } from './helpers/project.js';
import { shapeOf } from './helpers/shape.js';

const frontMatter = ['title', 'description'];

const mdx = `---
title: 記事
---

import { Card } from '@astrojs/starlight/components';

## はじめに {/*intro*/}

<Card title="カードの題" icon="star">
  カードの本文です。
</Card>

<BlogCard title={props.title}>
- 項目
</BlogCard>

:::tip[ヒント]
ヒントの本文。
:::

インラインの<Badge text="新機能" />と{frontmatter.title}。
`;

describe('MDX articles', () => {
  it('segments JSX text, named string attributes and directive labels; never imports or expressions', () => {
    const { segments } = segmentMarkdown(mdx, { frontMatter, syntax: 'mdx' });
    expect(segments.map((segment) => [segment.kind, segment.text])).toEqual([
      ['meta', '記事'],
      ['heading', 'はじめに'],
      ['attribute', 'カードの題'],
      ['paragraph', 'カードの本文です。'],
      ['paragraph', '項目'],
      ['paragraph', 'ヒント'],
      ['paragraph', 'ヒントの本文。'],
      ['paragraph', 'インラインの<Badge text="新機能" />と{frontmatter.title}。'],
    ]);
  });

  it('builds an .mdx edition next to the others: source edition byte-identical, translated one with the same structure', () => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/guide.mdx': mdx });
    extract({ root });
    const english: Record<string, string> = {
      記事: 'Article',
      はじめに: 'Introduction',
      カードの題: 'Card "title" & more',
      'カードの本文です。': 'The card body.',
      項目: 'Item',
      ヒント: 'Tip',
      'ヒントの本文。': 'The tip body.',
      'インラインの<Badge text="新機能" />と{frontmatter.title}。': 'An inline <Badge text="新機能" /> and {frontmatter.title}.',
    };
    const ja = readJson(root, 'locales/ja/guide.json');
    write(root, 'locales/en/guide.json', JSON.stringify(Object.fromEntries(Object.entries(ja).map(([key, text]) => [key, english[text] ?? '']))));
    const result = build({ root });
    expect(result.failures).toEqual([]);
    expect(read(root, 'out/ja/guide.mdx')).toBe(mdx);
    const en = read(root, 'out/en/guide.mdx');
    expect(en).toContain('## Introduction {/*intro*/}');
    expect(en).toContain('<Card title="Card &quot;title&quot; &amp; more" icon="star">');
    expect(en).toContain(':::tip[Tip]\nThe tip body.\n:::');
    expect(en).toContain("import { Card } from '@astrojs/starlight/components';");
    expect(shapeOf(parseMarkdown(en, 'mdx'))).toBe(shapeOf(parseMarkdown(mdx, 'mdx')));
    expect(existsSync(join(root, 'out/en/guide.md'))).toBe(false);
  });

  it('refuses a .md and an .mdx with one article id (they would share a catalog), writing nothing', () => {
    const root = makeProject({ 'source/guide.md': '本文。\n', 'source/guide.mdx': '本文。\n' });
    expect(() => extract({ root })).toThrow(/^source\/guide\.mdx: same article id "guide" as source\/guide\.md/);
    expect(() => build({ root })).toThrow(/same article id "guide"/);
    expect(existsSync(join(root, 'out'))).toBe(false);
    expect(existsSync(join(root, 'locales'))).toBe(false);
  });

  it('reports invalid MDX with file:line:column and still builds the other articles', () => {
    const root = makeProject({ 'source/a.mdx': '# 題\n\n<Card>\n閉じていない\n', 'source/b.md': '本文。\n' });
    const result = build({ root });
    expect(result.failures.map((failure) => `${failure.file}:${failure.line}:${failure.column}`)).toEqual(['source/a.mdx:3:1']);
    expect(result.failures[0]?.message).toMatch(/^invalid MDX: /);
    expect(read(root, 'out/ja/b.md')).toBe('本文。\n');
  });
});

describe('markup/mismatch on MDX', () => {
  it('reports a heading id or expression the translation dropped', () => {
    const context = { definitions: [], footnotes: [], syntax: 'mdx' as const };
    const source = markupOf(parseInline('はじめに {/*intro*/}と{props.name}', context));
    expect(compareMarkup(source, markupOf(parseInline('Introduction {/*intro*/} and {props.name}', context)))).toEqual([]);
    expect(compareMarkup(source, markupOf(parseInline('Introduction and {props.name}', context)))).toEqual([
      'MDX expressions differ from the source: missing “{/*intro*/}”',
    ]);
  });
});

describe('check on an MDX article', () => {
  it('keeps a heading id out of the translation, and reports an expression a translation dropped (markup/mismatch, at the catalog entry)', async () => {
    const root = makeProject({
      'yakugo.config.yaml': 'languages: [en]\nrequired: [en]\n',
      'source/guide.mdx': '## はじめに {/*intro*/}\n\n<Card title="題">\n{props.name}の本文。\n</Card>\n',
    });
    extract({ root });
    const ja = readJson(root, 'locales/ja/guide.json');
    expect(Object.values(ja)).toEqual(['はじめに', '題', '{props.name}の本文。']);
    const english: Record<string, string> = { はじめに: 'Introduction', 題: 'Title', '{props.name}の本文。': 'The body.' };
    write(root, 'locales/en/guide.json', `${JSON.stringify(Object.fromEntries(Object.entries(ja).map(([key, text]) => [key, english[text]!])), null, 2)}\n`);
    const { problems } = await runCheck(loadProject(root), { rules: ['markup/mismatch', 'edition/unbuildable', 'segment/missing'] });
    expect(problems.map((problem) => `${problem.rule} ${problem.file}:${problem.line} ${problem.message}`)).toEqual([
      'markup/mismatch locales/en/guide.json:4 MDX expressions differ from the source: missing “{props.name}”',
    ]);
    build({ root });
    expect(read(root, 'out/en/guide.mdx')).toBe('## Introduction {/*intro*/}\n\n<Card title="Title">\nThe body.\n</Card>\n');
  });
});

describe('VitePress containers in Markdown', () => {
  const source = '::: tip パッケージ作者の方へ\nこのセクションは自動的に生成されます。\n:::\n\n::: details\n\n詳しい説明。\n\n:::\n\n> ::: warning 注意\n> 引用の中の\n> 警告。\n> :::\n';

  it('keeps the fences out of the segments: the title and the body are translated, the fence lines stay', () => {
    const { segments } = segmentMarkdown(source, { frontMatter });
    expect(segments.map((segment) => [segment.kind, segment.text])).toEqual([
      ['label', 'パッケージ作者の方へ'],
      ['paragraph', 'このセクションは自動的に生成されます。'],
      ['paragraph', '詳しい説明。'],
      ['label', '注意'],
      ['paragraph', '引用の中の\n警告。'],
    ]);
  });

  it('writes the translation between the fences as written', () => {
    const english: Record<string, string> = {
      パッケージ作者の方へ: 'For package authors',
      'このセクションは自動的に生成されます。': 'This section is generated.\nAutomatically.',
      '詳しい説明。': 'Details.',
      注意: 'Warning',
      '引用の中の\n警告。': 'A warning in a quote.',
    };
    const edition = renderEdition({ source, frontMatter, textOf: (segment) => english[segment.text] ?? segment.text });
    expect(edition).toBe(
      '::: tip For package authors\nThis section is generated.\nAutomatically.\n:::\n\n::: details\n\nDetails.\n\n:::\n\n> ::: warning Warning\n> A warning in a quote.\n> :::\n',
    );
  });
});

describe('HTML in Markdown', () => {
  it('extracts the text of a simple element wrapping inline text, keeping the tags', () => {
    const source = '<p align="center">中央の文</p>\n\n<div>\n<b>入れ子</b>\n</div>\n';
    const { segments } = segmentMarkdown(source, { frontMatter });
    expect(segments.map((segment) => [segment.kind, segment.text])).toEqual([['html', '中央の文']]);
    expect(segmentMarkdown(source, { frontMatter, htmlSegments: false }).segments).toEqual([]);
    const edition = renderEdition({ source, frontMatter, textOf: (segment) => (segment.kind === 'html' ? 'Centered <text> & more' : segment.text) });
    expect(edition).toBe('<p align="center">Centered &lt;text&gt; &amp; more</p>\n\n<div>\n<b>入れ子</b>\n</div>\n');
  });
});
