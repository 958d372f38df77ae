import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { type InlineContext, parseInline, plainInline } from '../src/markdown/inline.js';

/** Phrasing content without positions: what the rules read. */
function withoutPositions(nodes: readonly Nodes[]): unknown {
  return JSON.parse(JSON.stringify(nodes, (key, value: unknown) => (key === 'position' ? undefined : value)));
}

const contexts: InlineContext[] = [
  { definitions: [], footnotes: [] },
  { definitions: ['ref'], footnotes: ['1'], syntax: 'md' },
  { definitions: [], footnotes: [], syntax: 'mdx' },
];

// Every printable ASCII character, whitespace and control characters, and Japanese and full-width text, so
// that generated strings both take and miss the shortcut.
const character = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'Z', ' ', '.', ',', '0', '蒸', 'の', '。'), weight: 8 },
  { arbitrary: fc.constantFrom(':', '!', '&', '$', '^', ';', '#', '/', '&amp;', '&#', 'S&P', ': ', 'http', '://', ':a'), weight: 3 },
  fc.integer({ min: 0x00, max: 0x7f }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('蒸留', 'モデル', 'は', '、', '。', '「', '」', '＊', '＿', '［', '\u3000', 'é', '😀', 'www', 'http'),
);
const texts = fc.array(character, { maxLength: 40 }).map((parts) => parts.join(''));

describe('plain inline text: the parser shortcut', () => {
  it('gives exactly what the parser gives, whenever it applies', () => {
    let shortcuts = 0;
    fc.assert(
      fc.property(texts, fc.constantFrom(...contexts), (text, context) => {
        const plain = plainInline(text);
        if (plain) {
          shortcuts++;
          expect(withoutPositions(plain)).toEqual(withoutPositions(parseInline(text, context)));
        }
      }),
      { numRuns: 3000, seed: 20261129 },
    );
    // The property says something only if the shortcut was taken often.
    expect(shortcuts).toBeGreaterThan(300);
  });

  it('applies to ordinary English and Japanese prose', () => {
    for (const text of [
      'DeepSeek trained V3 for about 5.58 million dollars, a fraction of what its rivals spent.',
      'DeepSeek は約 558 万ドルで V3 を学習させた。',
      'Editor’s Insight: The DeepSeek Shock cost $5.58 million!',
      'S&P 500 fell; Nvidia lost 17% (NVDA).',
      'Some argue that cutting-edge chips may not be needed after all.',
    ]) {
      expect(plainInline(text)).toEqual([{ type: 'text', value: text }]);
    }
  });

  it('leaves anything that can be Markdown to the parser', () => {
    for (const text of [
      'see *this*',
      'a `code` span',
      '[link](https://example.com)',
      'visit www.example.com',
      'mail me@example.com',
      'AT&amp;T',
      ' leading space',
      'trailing space ',
      'two\nlines',
      '# heading',
      '- item',
      '1. first',
      'Note: :abbr[AI]',
      'see https://example.com',
      'see :abbr',
      'a &copy; b',
      'a &#169; b',
      '{expression}',
      '<b>bold</b>',
      'a ~~strike~~',
      'foot[^1]',
      'a \\* escape',
    ]) {
      expect(plainInline(text), text).toBeUndefined();
    }
  });
});
