import { describe, expect, it } from 'vitest';
import { segmentMarkdown } from '../src/markdown/segment.js';

const frontMatter = ['title', 'description', 'tags'];
const segmentsOf = (text: string) => segmentMarkdown(text, { frontMatter }).segments;

describe('segments', () => {
  it('makes one segment per heading, paragraph and table cell, in document order', () => {
    const segments = segmentsOf('# 題\n\n本文です。\n\n| 見出し | 数 |\n| - | - |\n| セル | 13% |\n');
    expect(segments.map((segment) => [segment.kind, segment.text])).toEqual([
      ['heading', '題'],
      ['paragraph', '本文です。'],
      ['cell', '見出し'],
      ['cell', '数'],
      ['cell', 'セル'],
    ]);
  });

  it('keeps inline Markdown as written, including Japanese emphasis next to punctuation', () => {
    const [segment] = segmentsOf('**「蒸留」**は重要。[リンク](https://example.com "題") と `code`\n');
    expect(segment?.text).toBe('**「蒸留」**は重要。[リンク](https://example.com "題") と `code`');
    const { tree } = segmentMarkdown('**「蒸留」**は重要\n', { frontMatter });
    const paragraph = tree.children[0];
    expect(paragraph?.type === 'paragraph' && paragraph.children[0]?.type).toBe('strong');
  });

  it('keeps soft line breaks and removes block-quote prefixes and list indentation', () => {
    const segments = segmentsOf('> 一行目\n> 二行目\n\n- 項目\n  続き\n');
    expect(segments.map((segment) => segment.text)).toEqual(['一行目\n二行目', '項目\n続き']);
  });

  it('extracts paragraphs inside footnote definitions but not code, HTML or bare URLs', () => {
    const segments = segmentsOf('本文[^1]\n\n```\nコード\n```\n\n<div><b>HTML</b></div>\n\n<https://example.com>\n\n[^1]: 脚注の本文\n');
    expect(segments.map((segment) => segment.text)).toEqual(['本文[^1]', '脚注の本文']);
  });

  it('extracts the named front-matter fields only', () => {
    const segments = segmentsOf('---\ntitle: 題名\nslug: my-article\ntags:\n  - 半導体\n  - AI\n---\n\n本文\n');
    expect(segments.map((segment) => [segment.key.replace(/\.[0-9a-f]{8}$/, '.#'), segment.text])).toEqual([
      ['meta.title', '題名'],
      ['meta.tags.#', '半導体'],
      ['meta.tags.#', 'AI'],
      ['paragraph.#', '本文'],
    ]);
  });

  it('gives the same text the same key, and repeated texts numbered keys', () => {
    const first = segmentsOf('同じ文。\n\n別の文。\n\n同じ文。\n');
    expect(first[0]?.key).toMatch(/^paragraph\.[0-9a-f]{8}$/);
    expect(first[2]?.key).toBe(`${first[0]?.key}.2`);
    expect(segmentsOf('別の文。\n')[0]?.key).toBe(first[1]?.key);
  });

  it('changes no other key when a paragraph is inserted, removed or edited', () => {
    const before = segmentsOf('一。\n\n二。\n\n三。\n').map((segment) => segment.key);
    const inserted = segmentsOf('一。\n\n新しい段落。\n\n二。\n\n三。\n').map((segment) => segment.key);
    const edited = segmentsOf('一。\n\n二を直した。\n\n三。\n').map((segment) => segment.key);
    expect(inserted.filter((key) => before.includes(key))).toEqual(before);
    expect(edited[0]).toBe(before[0]);
    expect(edited[2]).toBe(before[2]);
    expect(edited[1]).not.toBe(before[1]);
  });

  it('gives CRLF and LF versions of a file the same keys and texts', () => {
    const lf = segmentsOf('---\ntitle: 題\n---\n\n一行目\n二行目\n');
    const crlf = segmentsOf('---\r\ntitle: 題\r\n---\r\n\r\n一行目\r\n二行目\r\n');
    expect(crlf.map((segment) => [segment.key, segment.text])).toEqual(lf.map((segment) => [segment.key, segment.text]));
  });

  it('maps every prose character back to its offset in the file', () => {
    const source = '> 引用の**強調**と\n> 続き\\*記号\n';
    const [segment] = segmentsOf(source);
    for (const run of segment!.runs) {
      for (let index = 0; index < run.text.length; index++) {
        expect(source[run.offsets[index]!]).toBe(run.text[index]);
      }
    }
    expect(segment!.runs.map((run) => run.text)).toEqual(['引用の', '強調', 'と\n続き*記号']);
  });

  it('leaves a segment with no letters (numbers, symbols) in place', () => {
    expect(segmentsOf('| 年 | 率 |\n| - | - |\n| 2024 | 13% |\n').map((segment) => segment.text)).toEqual(['年', '率']);
  });

  it('reports malformed front matter with file, line and column', () => {
    expect(() => segmentMarkdown('---\ntitle: [unclosed\n---\n', { frontMatter, file: 'source/a.md' })).toThrow(/source\/a\.md|invalid front matter/);
    try {
      segmentMarkdown('---\ntitle: ok\ntags: [a, b\n---\n', { frontMatter, file: 'source/a.md' });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/^source\/a\.md:\d+:\d+: invalid front matter/);
    }
  });
});
