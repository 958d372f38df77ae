import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCase, isAcronym, normalizeClusters, normalizeText, normalizeWithMap, originalRange } from '../src/glossary/normalize.js';

/** The rule stated plainly on the whole string: NFKC, then spaces dropped next to CJK and collapsed elsewhere. */
function reference(text: string): string {
  const cjk = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\u3000-\u303f\uff00-\uffef]/u;
  const nfkc = text.normalize('NFKC').replace(/[\u2010-\u2013\u2212]/g, '-');
  return nfkc.replace(/\s+/gu, (_space, offset: number) => {
    const before = [...nfkc.slice(0, offset)].at(-1);
    const after = [...nfkc.slice(offset + _space.length)][0];
    return before && after && !cjk.test(before) && !cjk.test(after) ? ' ' : '';
  });
}

const pieces = ['a', 'AI', 'Ａ', 'ｶ', 'ﾞ', 'ﾟ', 'ﾊ', 'ガ', '㈱', '㌔', '𠮷', '野', ' ', '　', '\n', '\t', 'e', '\u0301', 'ー', 'ｰ', '１', 'ﬁ', '①', '。', '(', 'が', '\u3099', 'ᄀ', 'ᅡ', '‐', '−', '-'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));

describe('normalization for matching', () => {
  it('equals NFKC of the whole text with the spacing rule, although it normalizes cluster by cluster', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(normalizeWithMap(text).text).toBe(reference(text));
        expect(normalizeText(text)).toBe(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the result of the cluster walk, offset map included, also for text it knows to be normal already', () => {
    // English-like text, mostly already normal, with what breaks that: curly quotes, Latin-1 letters,
    // combining marks, ligatures, dashes, double and edge spaces, line breaks, and CJK.
    const english = fc
      .array(fc.constantFrom('the', 'Model', 'AI', 'GPT-4o', 'café', 'naïve', '’s', '“', '”', ',', '.', ' ', ' ', '  ', '\n', 'e\u0301', 'ﬁ', '–', '…', '×', '蒸留', 'Å'), {
        maxLength: 20,
      })
      .map((parts) => parts.join(''));
    let normalAlready = 0;
    fc.assert(
      fc.property(english, (text) => {
        const fast = normalizeWithMap(text);
        const slow = normalizeClusters(text);
        expect({ ...fast, starts: [...fast.starts], ends: [...fast.ends] }).toEqual({ ...slow, starts: [...slow.starts], ends: [...slow.ends] });
        if (fast.text === text && !/\s\s|^\s|\s$/.test(text)) normalAlready++;
      }),
      { numRuns: 2000, seed: 20261129 },
    );
    expect(normalAlready).toBeGreaterThan(200);
  });

  it('maps every normalized range to a range of the original that normalizes to the same text', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const normalized = normalizeWithMap(text);
        const length = normalized.text.length;
        if (length === 0) return;
        const start = a % length;
        const end = start + 1 + (b % (length - start));
        const range = originalRange(normalized, start, end);
        expect(range.start).toBeLessThan(range.end);
        expect(range.end).toBeLessThanOrEqual(text.length);
        // The original stretch normalizes to (at least) the normalized slice: clusters are never split.
        expect(normalizeText(text.slice(range.start, range.end))).toContain(normalized.text.slice(start, end).trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('handles the cases from the issue', () => {
    expect(normalizeText('フィジカル AI')).toBe('フィジカルAI');
    expect(normalizeText('ＡＩ')).toBe('AI');
    expect(normalizeText('ｶﾞｽ')).toBe('ガス');
    expect(normalizeText('Claude  Sonnet\n3.5')).toBe('Claude Sonnet 3.5');
    expect(normalizeText('GPT‐4o と GPT−4o')).toBe('GPT-4oとGPT-4o');
    const lengthened = normalizeWithMap('㈱AI');
    expect(lengthened.text).toBe('(株)AI');
    expect(originalRange(lengthened, 3, 5)).toEqual({ start: 1, end: 3 });
    const shortened = normalizeWithMap('ｶﾞｽAI');
    expect(originalRange(shortened, 0, 1)).toEqual({ start: 0, end: 2 });
    expect(originalRange(shortened, 2, 4)).toEqual({ start: 3, end: 5 });
  });

  it('folds case without changing lengths and knows acronyms', () => {
    expect(foldCase('DeepSeek İ')).toHaveLength('DeepSeek İ'.length);
    expect(foldCase('DeepSeek')).toBe('deepseek');
    expect(['AI', 'GPU', 'H800', 'S&P 500', 'CEO'].every(isAcronym)).toBe(true);
    expect(['DeepSeek', 'GPT-4o', 'o1', '500', 'ai'].some(isAcronym)).toBe(false);
  });
});
