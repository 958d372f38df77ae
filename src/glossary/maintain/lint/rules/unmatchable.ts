/**
 * `glossary/unmatchable`: a Japanese term the tokenizer can never match. Terms match on token
 * boundaries (so `AI` is not found in `OpenAI`); a term that starts or ends inside a token wherever it
 * occurs is dead. Each term is tried in a few neutral sentences (`これは{term}です。`, `{term}を使う。`,
 * `新しい{term}の話。`) and in every source sentence that contains its text; when no try matches, the
 * problem shows how kuromoji split the text, e.g. `言語モ` ends inside `モデル`.
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: language-model, ja: 言語モデル, en: language model, zh-Hans: 语言模型 }
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: language-model, ja: [言語モデル, { term: 言語モ, status: deprecated }], en: language model, zh-Hans: 语言模型 }
 * source: |
 *   大規模な言語モデルを使う。
 * expect:
 *   - 'glossary/test.yaml:2:39 warn ja term “言語モ” can never match: it ends inside the token “モデル” (source/example.md: 大|規模|な|言語|モデル|を|使う|。)'
 * ```
 */
import { defineMessages } from '../../../../util/i18n.js';
import { normalizeWithMap } from '../../../normalize.js';
import { SOURCE_LANGUAGE } from '../../../terms.js';
import type { Token } from '../../../tokenizer.js';
import type { LintRule } from '../types.js';
import { at } from './util.js';

const t = defineMessages('glossary-lint-unmatchable', {
  en: {
    starts: '{{lng}} term “{{term}}” can never match: it starts inside the token “{{token}}” ({{where}}: {{split}})',
    ends: '{{lng}} term “{{term}}” can never match: it ends inside the token “{{token}}” ({{where}}: {{split}})',
    never: '{{lng}} term “{{term}}” can never match ({{where}}: {{split}})',
    carrier: 'in “{{sentence}}”',
  },
  ja: {
    starts: '{{lng}} の用語「{{term}}」は一致しえません。トークン「{{token}}」の途中から始まります({{where}}: {{split}})',
    ends: '{{lng}} の用語「{{term}}」は一致しえません。トークン「{{token}}」の途中で終わります({{where}}: {{split}})',
    never: '{{lng}} の用語「{{term}}」は一致しえません({{where}}: {{split}})',
    carrier: '「{{sentence}}」の中',
  },
});

/** Neutral sentences a noun-like term fits in. */
export const CARRIERS = ['これは{term}です。', '{term}を使う。', '新しい{term}の話。'];

interface Attempt {
  where: string;
  text: string;
  /** Original offsets of the term in `text`. */
  start: number;
  end: number;
}

/** Why the term at [start, end) of `text` does not line up with tokens, as a message. */
function explain(attempt: Attempt, tokens: Token[], normalizedStart: number, normalizedEnd: number, lng: string, term: string): string {
  const split = tokens.map((token) => token.surface).join('|');
  const startToken = tokens.find((token) => token.start < normalizedStart && token.end > normalizedStart);
  if (startToken) return t('starts', { lng, term, token: startToken.surface, where: attempt.where, split });
  const endToken = tokens.find((token) => token.start < normalizedEnd && token.end > normalizedEnd);
  if (endToken) return t('ends', { lng, term, token: endToken.surface, where: attempt.where, split });
  return t('never', { lng, term, where: attempt.where, split });
}

export const unmatchable: LintRule = {
  id: 'glossary/unmatchable',
  description: { en: 'A Japanese term starts or ends inside a token wherever it occurs, so it never matches.', ja: '日本語の用語がどこでもトークンの途中で始まるか終わるため、一致しえない。' },
  defaultSeverity: 'warn',
  async check({ concepts, sources, tokenizer, matcherFor, report }) {
    for (const concept of concepts) {
      const terms = concept.terms[SOURCE_LANGUAGE] ?? [];
      if (terms.length === 0) continue;
      const matcher = await matcherFor(concept);
      // A term found in the sources but never matched there is still alive when, in a neutral sentence,
      // it is made of dictionary words end to end (サーバ shadowed by サーバー in the text): kuromoji
      // turns any trailing katakana into an unknown word, so a carrier alone proves nothing for 言語モ.
      const matchesAsWords = (attempt: Attempt): boolean => {
        const match = matcher.find(attempt.text).find((found) => found.start <= attempt.start && found.end >= attempt.end);
        if (!match) return false;
        const normalized = normalizeWithMap(attempt.text);
        const tokens = tokenizer.tokenize(normalized.text);
        const inside = tokens.filter((token) => normalized.starts[token.start]! >= attempt.start && normalized.starts[token.start]! < attempt.end);
        return inside.length > 0 && inside[0]!.known && inside.at(-1)!.known;
      };
      for (const term of terms) {
        const inSources: Attempt[] = [];
        for (const source of sources) {
          for (const run of source.runs) {
            let index = run.text.indexOf(term.text);
            while (index !== -1 && inSources.length < 20) {
              inSources.push({ where: source.path, text: run.text, start: index, end: index + term.text.length });
              index = run.text.indexOf(term.text, index + 1);
            }
          }
        }
        const inCarriers: Attempt[] = CARRIERS.map((carrier) => {
          const [before] = carrier.split('{term}') as [string];
          const text = carrier.replace('{term}', term.text);
          return { where: t('carrier', { sentence: text }), text, start: before.length, end: before.length + term.text.length };
        });
        const matches = (attempt: Attempt) => matcher.find(attempt.text).find((match) => match.term === term && match.start <= attempt.start && match.end >= attempt.end);
        if (inSources.some((attempt) => matches(attempt))) continue;
        if (inSources.length === 0 ? inCarriers.some((attempt) => matches(attempt)) : inCarriers.some((attempt) => matchesAsWords(attempt))) continue;
        const attempts = [...inSources, ...inCarriers];
        const first = attempts[0]!;
        const normalized = normalizeWithMap(first.text);
        const tokens = tokenizer.tokenize(normalized.text);
        let normalizedStart = 0;
        while (normalizedStart < normalized.text.length && normalized.starts[normalizedStart]! < first.start) normalizedStart++;
        let normalizedEnd = normalizedStart;
        while (normalizedEnd < normalized.text.length && normalized.starts[normalizedEnd]! < first.end) normalizedEnd++;
        report({ ...at(term.place ?? concept.place), lng: SOURCE_LANGUAGE, concept: concept.id, message: explain(first, tokens, normalizedStart, normalizedEnd, SOURCE_LANGUAGE, term.text) });
      }
    }
  },
};
