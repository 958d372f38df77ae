import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InlineContext } from '../src/markdown/inline.js';
import { maskSegment, restoreTokens, restoreXml, toTokens, toXml } from '../src/translate/mask.js';
import { parseReply } from '../src/translate/prompt.js';
import { BatchRejected } from '../src/translate/types.js';

const NO_REFERENCES: InlineContext = { definitions: [], footnotes: [] };
const mask = (text: string, context = NO_REFERENCES) => maskSegment(text, 'markdown', context);

describe('masking markup', () => {
  it('replaces code, URLs, link destinations, footnotes, HTML, images and {{…}} by placeholders; emphasis and link text stay', () => {
    const masked = mask('**蒸留**は `distill()` で<br>行う[^1]。[論文](https://arxiv.org/abs/1503.02531 "Hinton")と ![図](fig.png) と <https://example.com> と {{ product }} と https://bare.example.org/x');
    expect(toTokens(masked)).toBe('⟦1⟧蒸留⟦/1⟧は ⟦2⟧ で⟦3⟧行う⟦4⟧。⟦5⟧論文⟦/5⟧と ⟦6⟧ と ⟦7⟧ と ⟦8⟧ と ⟦9⟧');
    expect(toXml(masked)).toBe('<m1>蒸留</m1>は <m2/> で<m3/>行う<m4/>。<m5>論文</m5>と <m6/> と <m7/> と <m8/> と <m9/>');
    expect(masked.opens.get(5)).toBe('[');
    expect(masked.closes.get(5)).toBe('](https://arxiv.org/abs/1503.02531 "Hinton")');
    expect(masked.voids.get(8)).toBe('{{ product }}');
  });

  it('keeps a full reference link’s text translatable but never a shortcut reference’s label', () => {
    const context: InlineContext = { definitions: ['hinton', '論文'], footnotes: [] };
    expect(toTokens(mask('[論文][hinton] と [論文] を参照', context))).toBe('⟦1⟧論文⟦/1⟧ と ⟦2⟧ を参照');
  });

  it('maps offsets back through escaped block starts', () => {
    const masked = mask('2024. 年に `x` を');
    expect(toTokens(masked)).toBe('2024. 年に ⟦1⟧ を');
    expect(masked.voids.get(1)).toBe('`x`');
  });

  it('masks only template expressions and URLs in front-matter values', () => {
    const masked = maskSegment('`蒸留` と {{ name }} https://example.com', 'plain', NO_REFERENCES);
    expect(toTokens(masked)).toBe('`蒸留` と ⟦1⟧ ⟦2⟧');
  });

  it('restores a reply that moved the placeholders, exactly', () => {
    const masked = mask('**蒸留**は `distill()` で行う[^1]。', { definitions: [], footnotes: ['1'] });
    expect(restoreTokens(masked, '⟦2⟧ does ⟦1⟧distillation⟦/1⟧⟦3⟧.')).toEqual({ ok: true, text: '`distill()` does **distillation**[^1].' });
    expect(restoreXml(masked, '<m2/> does <m1>distillation &amp; more</m1><m3/>.')).toEqual({ ok: true, text: '`distill()` does **distillation & more**[^1].' });
  });

  it('rejects a reply whose placeholders are missing, duplicated, invented or out of order (never repaired)', () => {
    const masked = mask('**蒸留**は `distill()` で行う。');
    expect(restoreTokens(masked, '⟦1⟧distillation⟦/1⟧ is done.')).toEqual({ ok: false, reason: expect.objectContaining({ text: 'placeholder ⟦2⟧ is missing', english: 'placeholder ⟦2⟧ is missing' }) });
    expect(restoreTokens(masked, '⟦1⟧distillation⟦/1⟧ ⟦2⟧ ⟦2⟧')).toEqual({ ok: false, reason: expect.objectContaining({ text: 'placeholder ⟦2⟧ appears more than once', english: 'placeholder ⟦2⟧ appears more than once' }) });
    expect(restoreTokens(masked, '⟦1⟧distillation⟦/1⟧ ⟦2⟧ ⟦7⟧')).toEqual({ ok: false, reason: expect.objectContaining({ text: 'invented placeholder ⟦7⟧', english: 'invented placeholder ⟦7⟧' }) });
    expect(restoreTokens(masked, '⟦/1⟧distillation⟦1⟧ ⟦2⟧')).toEqual({ ok: false, reason: expect.objectContaining({ text: 'placeholder ⟦1⟧ is missing', english: 'placeholder ⟦1⟧ is missing' }) });
    expect(restoreTokens(masked, 'distillation⟦/1⟧ ⟦2⟧')).toEqual({ ok: false, reason: expect.objectContaining({ text: 'placeholder ⟦1⟧ is missing', english: 'placeholder ⟦1⟧ is missing' }) });
    expect(restoreXml(masked, '<m1>distillation</m1> <m2/> <b>bold</b>')).toEqual({ ok: false, reason: expect.objectContaining({ text: 'invented placeholder <b>', english: 'invented placeholder <b>' }) });
    expect(restoreXml(masked, '<m1>distillation</m1>')).toEqual({ ok: false, reason: expect.objectContaining({ text: 'placeholder <m2/> is missing', english: 'placeholder <m2/> is missing' }) });
  });

  it('round-trips any inline Markdown built from code, links, emphasis and text', () => {
    const word = fc.constantFrom('蒸留', 'モデル', 'AI', '2025 年', '知識');
    const piece = fc.oneof(
      word,
      word.map((text) => `**${text}**`),
      word.map((text) => `*${text}*`),
      fc.constantFrom('`x()`', '`a b`'),
      word.map((text) => `[${text}](https://example.com/${encodeURIComponent(text)})`),
      fc.constantFrom('{{ name }}', '<kbd>Ctrl</kbd>', '[^1]'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const text = pieces.join('、');
        const masked = mask(text, { definitions: [], footnotes: ['1'] });
        expect(restoreTokens(masked, toTokens(masked))).toEqual({ ok: true, text });
        expect(restoreXml(masked, toXml(masked))).toEqual({ ok: true, text });
      }),
    );
  });
});

describe('reading an LLM reply', () => {
  it('takes one JSON object of strings, also inside a code fence', () => {
    expect(parseReply('{"a": "x", "b": "y"}')).toEqual(new Map([['a', 'x'], ['b', 'y']]));
    expect(parseReply('```json\n{"a": "x"}\n```')).toEqual(new Map([['a', 'x']]));
  });

  it('rejects the batch when the reply is not valid JSON or not an object of strings', () => {
    expect(() => parseReply('{"a": "x"')).toThrow(BatchRejected);
    expect(() => parseReply('Here you go: {"a": "x"}')).toThrow('the reply is not valid JSON');
    expect(() => parseReply('{"a": 1}')).toThrow('not a JSON object of segment id');
    expect(() => parseReply('["a"]')).toThrow('not a JSON object of segment id');
  });
});
