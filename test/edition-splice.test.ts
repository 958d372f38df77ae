import type { Nodes, Root } from 'mdast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditionError, renderEdition, renderEditionWithMethod } from '../src/build/edition.js';
import { compareTrees } from '../src/markdown/compare.js';
import { inlineContextOf, parseInline } from '../src/markdown/inline.js';
import { parseMarkdown } from '../src/markdown/parse.js';
import { segmentMarkdown } from '../src/markdown/segment.js';
import { escapeCellPipes } from '../src/markdown/splice.js';
import type { Segment } from '../src/markdown/types.js';
import { shapeOf } from './helpers/shape.js';

const frontMatter = ['title', 'description', 'tags'];

/** The edition with the segments whose source text is a key of `translations` translated. */
function edition(source: string, translations: Record<string, string>): string {
  return renderEdition({ source, frontMatter, textOf: (segment) => translations[segment.text] ?? segment.text });
}

/** Block node types in document order: what a translation must never change. */
function blocks(markdown: string): string[] {
  const out: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      out.push(node.type === 'heading' ? `heading ${node.depth}` : node.type);
      return;
    }
    out.push(node.type);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(parseMarkdown(markdown));
  return out;
}

describe('source-preserving editions', () => {
  it('the source edition is the source text itself, whatever its spelling', () => {
    const source = '* 項目\n* 項目二\n\n段落  \n改行\n\n| 表 |  列  |\n|:--|--:|\n| a語 | b |\n\n[参照]: https://example.com  "題"\n';
    expect(renderEdition({ source, frontMatter, textOf: (segment) => segment.text })).toBe(source);
  });

  it('a translated edition differs from the source only inside the changed segments', () => {
    const source = '---\ntitle: 題名\nslug: x\n---\n\n* 項目一\n* 項目二\n\n段落  \n改行\n\n```js\nconst a = 1; // コード\n```\n\n<div>HTML の中</div>\n\n[参照]: https://example.com\n';
    const result = edition(source, { 題名: 'Title', 項目一: 'Item *one*', '段落  \n改行': 'Paragraph  \nbreak' });
    expect(result).toBe(
      '---\ntitle: Title\nslug: x\n---\n\n* Item *one*\n* 項目二\n\nParagraph  \nbreak\n\n```js\nconst a = 1; // コード\n```\n\n<div>HTML の中</div>\n\n[参照]: https://example.com\n',
    );
  });

  it('keeps CRLF line endings, also in a translation spanning lines', () => {
    const source = '# 見出し\r\n\r\n> 一行目\r\n> 二行目\r\n';
    const result = edition(source, { 見出し: 'Heading', '一行目\n二行目': 'Line one\nline two' });
    expect(result).toBe('# Heading\r\n\r\n> Line one\r\n> line two\r\n');
  });

  it('re-indents a translation spanning lines for its container: list items, quotes, footnotes', () => {
    const source = '- 項目\n  - 入れ子\n\n> - 引用の項目\n\n脚注[^1]。\n\n[^1]: 脚注の本文\n';
    const result = edition(source, {
      入れ子: 'Nested\nsecond line',
      引用の項目: 'Quoted item\nsecond line',
      脚注の本文: 'Footnote text\nsecond line',
    });
    expect(result).toBe('- 項目\n  - Nested\n    second line\n\n> - Quoted item\n>   second line\n\n脚注[^1]。\n\n[^1]: Footnote text\n      second line\n');
    expect(blocks(result)).toEqual(blocks(source));
  });

  it('keeps a setext heading and the writer’s emphasis markers around a changed segment', () => {
    const source = '題名\n====\n\n__強調__の段落。\n';
    expect(edition(source, { 題名: 'Title' })).toBe('Title\n====\n\n__強調__の段落。\n');
  });

  it('keeps the quoting style of a front-matter value, quoting only when the value needs it', () => {
    const source = "---\ntitle: '題名'\ndescription: 説明\ntags: [技術, 解説]\n---\n\n本文。\n";
    const result = edition(source, { 題名: "It's", 説明: 'A: b', 技術: 'tech, misc', 解説: 'explainer' });
    expect(result).toBe('---\ntitle: \'It\'\'s\'\ndescription: "A: b"\ntags: ["tech, misc", explainer]\n---\n\n本文。\n');
  });

  it('writes the front matter again only when a value is a block scalar', () => {
    const source = '---\ntitle: 題名\ndescription: |\n  長い説明\n---\n\n本文。\n';
    const result = edition(source, { '長い説明\n': 'Long description\n' });
    expect(result).toBe('---\ntitle: 題名\ndescription: |\n  Long description\n---\n\n本文。\n');
  });
});

describe('the two real articles remark-stringify could not write', () => {
  it('a list directly before a closing component tag', () => {
    const source = '<BlogCard title="記事">\n\n- 一つ目\n- 二つ目\n</BlogCard>\n\n本文。\n';
    const result = edition(source, { 一つ目: 'First', 二つ目: 'Second', '本文。': 'Text.' });
    expect(result).toBe('<BlogCard title="記事">\n\n- First\n- Second\n</BlogCard>\n\nText.\n');
  });

  it('inline code written as <code> holding a backtick', () => {
    const source = 'バッククォート <code>`</code> で囲みます。\n';
    const result = edition(source, { 'バッククォート <code>`</code> で囲みます。': 'Wrap it in backticks <code>`</code>.' });
    expect(result).toBe('Wrap it in backticks <code>`</code>.\n');
  });
});

describe('translations that would change the structure are escaped at the splice', () => {
  it.each([
    ['a heading start', '# Not a heading', '\\# Not a heading'],
    ['an ordered list start', '1. Not a list', '1\\. Not a list'],
    ['a bullet', '- Not a list', '\\- Not a list'],
    ['a quote', '> Not a quote', '\\> Not a quote'],
    ['a code fence', '```not code', '\\```not code'],
    ['a definition', '[a]: b is text', '\\[a]: b is text'],
  ])('%s at the start of a paragraph', (_name, translation, written) => {
    const source = '前の段落。\n\n本文。\n\n後の段落。\n';
    const result = edition(source, { '本文。': translation });
    expect(result).toBe(`前の段落。\n\n${written}\n\n後の段落。\n`);
    expect(blocks(result)).toEqual(blocks(source));
  });

  it('a thematic break or setext underline on a later line of a paragraph', () => {
    const source = '本文。\n';
    const result = edition(source, { '本文。': 'Text\n---\nmore\n===' });
    expect(blocks(result)).toEqual(['root', 'paragraph']);
  });

  it('a `|` in a table cell, also inside code', () => {
    const source = '| 列 | 値 |\n| --- | --- |\n| 甲 | 乙 |\n';
    const result = edition(source, { 甲: 'a | b', 乙: 'use `x | y`' });
    expect(result).toBe('| 列 | 値 |\n| --- | --- |\n| a \\| b | use `x \\| y` |\n');
    const table = parseMarkdown(result).children[0] as Extract<Nodes, { type: 'table' }>;
    expect(table.children[1]?.children.map((cell) => JSON.stringify(cell.children.map((node) => ('value' in node ? node.value : ''))))).toEqual([
      '["a | b"]',
      '["use ","x | y"]',
    ]);
  });

  it('a closing `#` run at the end of a heading', () => {
    const result = edition('## 見出し\n', { 見出し: 'Issue #' });
    expect(result).toBe('## Issue \\#\n');
    const heading = parseMarkdown(result).children[0] as Extract<Nodes, { type: 'heading' }>;
    expect(heading.children).toMatchObject([{ type: 'text', value: 'Issue #' }]);
  });
});

describe('remark-stringify as the fallback', () => {
  it('writes the article with remark-stringify when the splice does not parse back to the intended tree', () => {
    // A cell written without spaces: a translation ending in `\` would escape the next pipe and join two cells.
    const source = '|甲|乙|\n|-|-|\n|丙|丁|\n';
    const result = renderEditionWithMethod({ source, frontMatter, textOf: (segment) => (segment.text === '甲' ? 'a\\' : segment.text) });
    expect(result.method).toBe('stringify');
    const table = parseMarkdown(result.text).children[0] as Extract<Nodes, { type: 'table' }>;
    expect(table.children[0]?.children.map((cell) => cell.children.map((node) => ('value' in node ? node.value : '')).join(''))).toEqual(['a\\', '乙']);
  });
});

describe('links survive translation', () => {
  const source = '詳しくは[関数とスコープ][]と[データ型]を参照。![図][]\n\n[関数とスコープ]: ../function-scope/README.md\n[データ型]: ../data-type/README.md\n[図]: ./fig.png\n';

  it('a collapsed or shortcut reference whose text changed becomes a full reference to the same definition', () => {
    const result = edition(source, { '詳しくは[関数とスコープ][]と[データ型]を参照。![図][]': 'See [Functions and scope][] and [Data types]. ![Figure][]' });
    expect(result.split('\n')[0]).toBe('See [Functions and scope][関数とスコープ] and [Data types][データ型]. ![Figure][図]');
    expect(shapeOf(parseMarkdown(result))).toBe(shapeOf(parseMarkdown(source)));
  });

  it('a translation that drops a link cannot be built, never a silently wrong file', () => {
    expect(() => edition(source, { '詳しくは[関数とスコープ][]と[データ型]を参照。![図][]': 'See Functions and scope and [Data types]. ![Figure][]' })).toThrow(
      /links, images or footnote references differ from the source: missing .*link \.\.\/function-scope\/README\.md/,
    );
  });

  it('a translation that re-targets a link cannot be built', () => {
    const inline = '[文書](https://example.com/a)を読む。\n';
    expect(() => edition(inline, { '[文書](https://example.com/a)を読む。': 'Read [the document](https://example.com/b).' })).toThrow(
      /missing link https:\/\/example\.com\/a; unexpected link https:\/\/example\.com\/b/,
    );
  });

  it('a translation may reorder the links of its sentence', () => {
    const inline = '[甲](https://a.example)と[乙](https://b.example)。\n';
    const result = edition(inline, { '[甲](https://a.example)と[乙](https://b.example)。': '[B](https://b.example) and [A](https://a.example).' });
    expect(result).toBe('[B](https://b.example) and [A](https://a.example).\n');
  });
});

describe('the splice renderer, fuzzed', () => {
  const word = fc.constantFrom('蒸留', 'モデル', 'は', '、', '。', 'AI', '2024', ' ', 'S&P', '*', '_', '**', '~~', '`', '\\', '<', '>', '&amp;', '#', '|', '[', ']', '(', ')', '!', '-', '+', '1.', '2)', '=', '{{x}}');
  const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(''));
  const safe = fc.array(fc.constantFrom('蒸留', 'モデル', 'は', 'の', '、', '。', 'AI', '2024 年'), { minLength: 1, maxLength: 5 }).map((words) => words.join(''));
  const inline = fc.oneof(
    { weight: 4, arbitrary: safe },
    { weight: 1, arbitrary: safe.map((value) => `**${value}**`) },
    { weight: 1, arbitrary: safe.map((value) => `*${value}*`) },
    { weight: 1, arbitrary: safe.map((value) => `\`${value}\``) },
  );
  const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
  const lines = fc.array(line, { minLength: 1, maxLength: 3 });
  const block = fc.oneof(
    lines.map((items) => items.join('\n')),
    line.map((value) => `## ${value}`),
    line.map((value) => `${value}\n---`),
    lines.map((items) => items.map((item) => `* ${item}`).join('\n')),
    lines.map((items) => items.map((item, index) => `${index + 1}. ${item}\n   続き`).join('\n')),
    lines.map((items) => items.map((item) => `> ${item}`).join('\n')),
    lines.map((items) => `> - ${items.join('\n>   ')}`),
    fc.tuple(line, line).map(([a, b]) => `| ${a} | ${b} |\n|:-|-:|\n| ${b} | ${a} |`),
    text.map((value) => `\`\`\`\n${value}\n\`\`\``),
    fc.constant('<div>\n<p>HTML</p>\n</div>'),
    line.map((value) => `脚注[^n]。\n\n[^n]: ${value}`),
  );
  const document = fc
    .tuple(fc.array(block, { minLength: 1, maxLength: 5 }), fc.boolean())
    .map(([parts, crlf]) => {
      const markdown = `${parts.join('\n\n')}\n`;
      return crlf ? markdown.replace(/\n/g, '\r\n') : markdown;
    });
  const translation = fc.oneof(
    { weight: 2, arbitrary: text },
    { weight: 1, arbitrary: fc.array(text, { minLength: 2, maxLength: 3 }).map((parts) => parts.join('\n')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('# ', '1. ', '- ', '> ', '```', '    ', '===', '[a]: b ', '<div>', '|'), text).map(([start, rest]) => start + rest) },
  );

  /** The tree the edition must be: the source tree with each changed segment's content parsed from its translation. */
  function intendedTree(source: string, texts: Map<string, string>): Root {
    const parsed = segmentMarkdown(source, { frontMatter });
    const context = inlineContextOf(parsed.tree);
    for (const segment of parsed.segments) {
      const value = texts.get(segment.key);
      if (value === undefined || value === segment.text) continue;
      const node = parsed.nodes.get(segment.key)!;
      // In a table cell a `|` of the translation is text, not a new column.
      const markdown = segment.kind === 'cell' ? escapeCellPipes(value.replace(/\s+$/, '')) : value.replace(/\s+$/, '');
      node.children = parseInline(markdown, context, { cell: segment.kind === 'cell' }) as typeof node.children;
    }
    return parsed.tree;
  }

  it('random documents × random translations: the edition parses to the intended tree, or the article is reported', () => {
    let spliced = 0;
    let reported = 0;
    fc.assert(
      fc.property(document, fc.array(translation, { minLength: 1, maxLength: 12 }), (source, translations) => {
        const texts = new Map<string, string>();
        const textOf = (segment: Segment) => {
          const index = [...texts.keys()].length;
          if (!texts.has(segment.key)) texts.set(segment.key, translations[index % translations.length]!);
          return texts.get(segment.key)!;
        };
        let result: ReturnType<typeof renderEditionWithMethod>;
        try {
          result = renderEditionWithMethod({ source, frontMatter, textOf });
        } catch (error) {
          expect(error).toBeInstanceOf(EditionError);
          reported++;
          return;
        }
        if (result.method === 'splice') spliced++;
        const actual = parseMarkdown(result.text);
        expect(compareTrees(intendedTree(source, texts), actual)).toBeUndefined();
        expect(blocks(result.text)).toEqual(blocks(source));
        // Spliced: the line endings are the source's.
        if (result.method === 'splice') expect(result.text.includes('\r\n')).toBe(source.includes('\r\n'));
      }),
      { numRuns: 300, seed: 4242 },
    );
    // Most translations are placed by the splice; the rest are reported, none written wrong.
    expect(spliced).toBeGreaterThan(150);
    expect(reported).toBeLessThan(150);
  });
});
