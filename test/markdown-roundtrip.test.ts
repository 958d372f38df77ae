import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderEdition } from '../src/build/edition.js';
import { compareTrees } from '../src/markdown/compare.js';
import { parseMarkdown } from '../src/markdown/parse.js';
import { segmentMarkdown } from '../src/markdown/segment.js';
import { readTextFile } from '../src/util/fs.js';

const frontMatter = ['title', 'description', 'tags'];
const fixtures = join(import.meta.dirname, 'fixtures', 'roundtrip');

/** The source edition: every segment resolved to its own text, as `build` does with the source catalog. */
function sourceEdition(source: string): string {
  return renderEdition({ source, frontMatter, textOf: (segment) => segment.text });
}

describe('round trip of the source edition, per construct', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(name, () => {
      const source = readTextFile(join(fixtures, name));
      const edition = sourceEdition(source);
      expect(compareTrees(parseMarkdown(source.replace(/\r\n/g, '\n')), parseMarkdown(edition))).toBeUndefined();
      // Building twice changes no byte.
      expect(sourceEdition(edition)).toBe(edition);
      // The edition has the same segments, of the same kinds, in the same order.
      const kinds = (text: string) => segmentMarkdown(text, { frontMatter }).segments.map((segment) => segment.kind);
      expect(kinds(edition)).toEqual(kinds(source));
    });
  }
});

describe('round trip of generated documents', () => {
  const word = fc.constantFrom(
    '蒸留', 'モデル', 'は', 'の', '、', '。', '「', '」', '（', '）', 'AI', 'DeepSeek', 'GPT-4o', '2024', '年', '13%',
    'S&P', '500', 'ｶﾀｶﾅ', 'ＡＩ', '*', '_', '[', ']', '<', '>', '#', '`', '\\', '~', '|', '{{x}}', '$t(y)', '𠮷', ' ',
  );
  const plain = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(''));
  const safeText = fc.array(fc.constantFrom('蒸留', 'モデル', 'は', 'の', '、', '。', '「', '」', 'AI', '2024 年', 'NVIDIA'), { minLength: 1, maxLength: 6 }).map((words) => words.join(''));
  const inline = fc.oneof(
    { weight: 4, arbitrary: safeText },
    { weight: 1, arbitrary: safeText.map((text) => `**${text}**`) },
    { weight: 1, arbitrary: safeText.map((text) => `*${text}*`) },
    { weight: 1, arbitrary: safeText.map((text) => `~~${text}~~`) },
    { weight: 1, arbitrary: safeText.map((text) => `\`${text}\``) },
    { weight: 1, arbitrary: safeText.map((text) => `[${text}](https://example.com/${encodeURIComponent(text)})`) },
    { weight: 1, arbitrary: safeText.map((text) => `![${text}](https://example.com/i.png)`) },
    { weight: 1, arbitrary: fc.constant('[参照][r]') },
    { weight: 1, arbitrary: fc.constant('[^n]') },
  );
  const inlineWithoutLinks = fc.oneof(
    { weight: 4, arbitrary: safeText },
    { weight: 1, arbitrary: safeText.map((text) => `**${text}**`) },
    { weight: 1, arbitrary: safeText.map((text) => `\`${text}\``) },
  );
  const line = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
  const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
  const block = fc.oneof(
    paragraph,
    line.map((text) => `## ${text}`),
    fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
    fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
    paragraph.map((text) => text.split('\n').map((part) => `> ${part}`).join('\n')),
    fc.tuple(line, line).map(([a, b]) => `| ${a.replace(/\|/g, '\\|')} | ${b.replace(/\|/g, '\\|')} |\n| - | - |\n| ${b} | ${a} |`),
    plain.map((text) => `\`\`\`\n${text}\n\`\`\``),
    plain,
  );
  const documents = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => `${blocks.join('\n\n')}\n\n[r]: https://example.com/r\n\n[^n]: 脚注\n`);

  it('the source edition of any document is the same document', () => {
    fc.assert(
      fc.property(documents, (source) => {
        const edition = sourceEdition(source);
        expect(compareTrees(parseMarkdown(source), parseMarkdown(edition))).toBeUndefined();
        expect(sourceEdition(edition)).toBe(edition);
      }),
      { numRuns: 300, seed: 20251128 },
    );
  });

  it('a translated edition holds exactly the translated text of every segment', () => {
    fc.assert(
      // Links, images and footnote references must match the source's, so the translation carries none.
      fc.property(documents, fc.array(inlineWithoutLinks, { minLength: 1, maxLength: 3 }), (source, parts) => {
        const translation = `訳 ${parts.join(' ')}`;
        const original = segmentMarkdown(source, { frontMatter }).segments.filter((segment) => segment.kind === 'paragraph');
        fc.pre(original.every((segment) => !segment.text.includes('[')));
        const edition = renderEdition({ source, frontMatter, textOf: (segment) => (segment.kind === 'paragraph' ? translation : segment.text) });
        const reparsed = segmentMarkdown(edition, { frontMatter }).segments.filter((segment) => segment.kind === 'paragraph');
        expect(reparsed.length).toBe(original.length);
        // Every paragraph now says the same thing: the translation, parsed as inline Markdown.
        const expected = renderEdition({ source: `${translation}\n\n[r]: https://example.com/r\n\n[^n]: 脚注\n`, frontMatter, textOf: (segment) => segment.text });
        const expectedText = segmentMarkdown(expected, { frontMatter }).segments[0]?.text;
        for (const segment of reparsed.filter((segment) => !segment.text.startsWith('脚注'))) expect(segment.text).toBe(expectedText);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('translations that look like block syntax stay inline', () => {
  it('keeps a translated line starting with "2024." or "- " as text', () => {
    const edition = renderEdition({
      source: '本文。\n',
      frontMatter,
      textOf: () => '2024. A year of change\n- and a dash\n# not a heading',
    });
    const tree = parseMarkdown(edition);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
  });

  it('reports a table-cell translation that spans lines, naming the key', () => {
    expect(() =>
      renderEdition({ source: '| a語 |\n| - |\n| b語 |\n', frontMatter, textOf: (segment) => `${segment.text}\n改行` }),
    ).toThrow(/table cell must stay on one line/);
  });

  it('reports a translation holding two paragraphs', () => {
    expect(() => renderEdition({ source: '本文。\n', frontMatter, textOf: () => 'One.\n\nTwo.' })).toThrow(/more than one paragraph/);
  });
});
