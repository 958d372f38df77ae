import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/schema.js';
import type { Project } from '../src/config/load.js';
import { describeRules, locator, severityOf } from '../src/check/run.js';
import { rules } from '../src/check/rules/index.js';
import { firstDifference } from '../src/check/rules/edition-outdated.js';
import { compareMarkup, markupOf, multisetMinus } from '../src/check/rules/markup-mismatch.js';
import { segmentMissing } from '../src/check/rules/segment-missing.js';
import { leftovers } from '../src/check/rules/text-untranslated.js';
import { languageBelowThreshold } from '../src/check/status.js';
import { proseOf } from '../src/check/prose.js';
import { inlineContextOf, parseInline } from '../src/markdown/inline.js';
import { parseMarkdown } from '../src/markdown/parse.js';
import { placeOfOffset } from '../src/util/errors.js';

function project(config: Record<string, unknown>): Project {
  return { root: '/x', configFile: undefined, config: configSchema.parse(config), dirs: { source: '/x/source', locales: '/x/locales', out: '/x/out', glossary: '/x/glossary' } };
}

const noContext = inlineContextOf(parseMarkdown(''));

describe('text/untranslated leftovers', () => {
  it('finds kana and kanji in en, only kana in zh-Hans and ko, nothing in ja', () => {
    expect(leftovers('The 大規模モデル and 蒸留。', 'en', [])).toEqual(['大規模モデル', '蒸留。']);
    expect(leftovers('用蒸馏压缩大規模モデル。', 'zh-Hans', [])).toEqual(['モデル']);
    expect(leftovers('大規模モデル', 'ko', [])).toEqual(['モデル']);
    expect(leftovers('大規模モデル', 'ja', [])).toEqual([]);
    expect(leftovers('Ｆｕｌｌｗｉｄｔｈ！', 'de', [])).toEqual(['Ｆｕｌｌｗｉｄｔｈ！']);
  });

  it('ignores URLs and names that are not translated', () => {
    expect(leftovers('See https://example.com/蒸留 and サカナAI.', 'en', ['サカナAI'])).toEqual([]);
  });

  it('never reports text without CJK characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ 0123,.;:!?-–—’“”é\n'.split('')) }), fc.constantFrom('en', 'zh-Hans', 'fr', 'ko'), (text, lng) => {
        expect(leftovers(text, lng, [])).toEqual([]);
      }),
    );
  });

  it('always reports inserted hiragana, whatever the target language', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0x3041, max: 0x3096 }), fc.constantFrom('en', 'zh-Hans', 'zh-Hant', 'ko', 'de'), (text, code, lng) => {
        const kana = String.fromCharCode(code);
        expect(leftovers(`${text} ${kana} `, lng, []).join('')).toContain(kana);
      }),
    );
  });
});

describe('markup/mismatch', () => {
  const markup = (text: string) => markupOf(parseInline(text, noContext));

  it('accepts markup in another order', () => {
    const source = markup('`a` と [x](https://a.example) と `b` と ![y](img.png)、**強調**');
    const target = markup('**Strong**, ![y](img.png), `b`, [x](https://a.example) and `a`');
    expect(compareMarkup(source, target)).toEqual([]);
  });

  it('counts repeated items (multisets)', () => {
    expect(compareMarkup(markup('`a` と `a`'), markup('`a` only'))).toEqual(['Inline code differs from the source: missing “a”']);
  });

  it('multiset difference: a − b never holds more of an item than a, and (a − b) + (a ∩ b) = a', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c')), fc.array(fc.constantFrom('a', 'b', 'c')), (a, b) => {
        const minus = multisetMinus(a, b);
        const common = multisetMinus(a, minus);
        expect([...minus, ...common].sort()).toEqual([...a].sort());
        expect(multisetMinus(minus, a)).toEqual([]);
      }),
    );
  });
});

describe('prose', () => {
  it('keeps text and alt text, drops code, HTML and autolinks without joining words', () => {
    expect(proseOf(parseInline('Use `x` with <https://a.example> and *model*s ![alt](i.png)', noContext))).toBe('Use   with   and models  alt ');
  });
});

describe('edition/outdated first difference', () => {
  it('points at the first differing character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', 'あ') }), fc.string({ unit: fc.constantFrom('a', 'b', '\n') }), (a, b) => {
        const difference = firstDifference(a, b);
        if (a === b) {
          expect(difference).toBeUndefined();
          return;
        }
        let index = 0;
        while (index < a.length && index < b.length && a[index] === b[index]) index++;
        expect(difference).toEqual(placeOfOffset(a.length >= index ? a : b, index));
      }),
    );
  });
});

describe('locator', () => {
  it('agrees with placeOfOffset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '蒸', '\r') }), fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        expect(locator('f', text)(offset)).toEqual({ file: 'f', ...placeOfOffset(text, offset) });
      }),
    );
  });
});

describe('severities', () => {
  it('come from the config per rule and per language, else from the rule', () => {
    expect(severityOf(project({ required: ['en'] }), segmentMissing, 'en')).toBe('error');
    expect(severityOf(project({ required: ['en'] }), segmentMissing, 'zh-Hans')).toBe('warn');
    expect(severityOf(project({ rules: { 'segment/missing': 'off' } }), segmentMissing, 'en')).toBe('off');
    const perLanguage = project({ required: ['en'], rules: { 'segment/missing': { 'zh-Hans': 'error' } } });
    expect(severityOf(perLanguage, segmentMissing, 'zh-Hans')).toBe('error');
    expect(severityOf(perLanguage, segmentMissing, 'en')).toBe('error');
  });
});

describe('threshold', () => {
  it('skips only optional languages below their threshold', () => {
    const config = project({ languages: ['en', 'zh-Hans', 'ko'], required: ['en'], threshold: { 'zh-Hans': 80, en: 90 } });
    expect(languageBelowThreshold(config, 'zh-Hans', 79.9)).toBe(true);
    expect(languageBelowThreshold(config, 'zh-Hans', 80)).toBe(false);
    expect(languageBelowThreshold(config, 'en', 10)).toBe(false);
    expect(languageBelowThreshold(config, 'ko', 0)).toBe(false);
  });
});

describe('rule descriptors', () => {
  it('link each rule to its README anchor when there is a homepage', () => {
    const config = project({ required: ['en'] });
    const described = describeRules(config, rules, 'en', 'https://example.org/yakugo#readme');
    expect(described.find((rule) => rule.id === 'term/untranslated')).toEqual({
      id: 'term/untranslated',
      description: 'A glossary term in the source segment is missing from its translation.',
      defaultSeverity: 'error',
      helpUri: 'https://example.org/yakugo#rule-term-untranslated',
    });
    expect(describeRules(config, rules, 'ja').every((rule) => rule.helpUri === undefined && /[ぁ-んァ-ン一-龥]/.test(rule.description))).toBe(true);
  });
});
