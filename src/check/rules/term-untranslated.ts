/**
 * `term/untranslated`: the core rule. A glossary concept occurs in the source segment (found by the same
 * morphological matcher as `yakugo glossary find`, over the segment's prose) and the translation contains
 * none of the concept's accepted terms for its language (preferred or admitted terms and their `forms`;
 * for `translate: false` names, the name itself). The message names the Japanese surface, the expected
 * terms, the catalog entry and the Markdown. One problem per concept per segment. Inline code, URLs and
 * HTML in the translation are not searched.
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: distillation, zh-Hans: 蒸馏, forms: { en: [distilled] } }
 *   - { id: deepseek, translate: false, ja: DeepSeek }
 * source: |
 *   DeepSeek は「蒸留」技術でモデルを圧縮しました。
 * en:
 *   - DeepSeek compressed its models with *distillation* techniques.
 * zh-Hans:
 *   - DeepSeek 利用“蒸馏”技术压缩了模型。
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: [distillation, { term: knowledge distillation, status: admitted }], zh-Hans: 蒸馏 }
 *   - { id: deepseek, translate: false, ja: DeepSeek }
 * source: |
 *   DeepSeek は「蒸留」技術でモデルを圧縮しました。
 * en:
 *   - The company compressed its models with a clever technique.
 * zh-Hans:
 *   - DeepSeek 利用`蒸馏`技术压缩了模型。
 * expect:
 *   - 'locales/en/example.json:2:25 error The name “DeepSeek” is missing from locales/en/example.json:2:25 (source: source/example.md:1:1)'
 *   - 'locales/en/example.json:2:25 error “蒸留” is not translated as “distillation” or “knowledge distillation” in locales/en/example.json:2:25 (source: source/example.md:1:12)'
 *   - 'locales/zh-Hans/example.json:2:25 error “蒸留” is not translated as “蒸馏” in locales/zh-Hans/example.json:2:25 (source: source/example.md:1:12)'
 * ```
 */
import { defineMessages, uiLanguage } from '../../util/i18n.js';
import type { Concept } from '../../glossary/types.js';
import { formatLocation, parseSegmentInline } from '../prose.js';
import type { Rule, SourceMatch } from '../types.js';

const t = defineMessages('check-rule-term-untranslated', {
  en: {
    untranslated: '“{{surface}}” is not translated as {{expected}} in {{target}} (source: {{source}})',
    name: 'The name “{{surface}}” is missing from {{target}} (source: {{source}})',
  },
  ja: {
    untranslated: '「{{surface}}」({{source}})の訳語{{expected}}が {{target}} にありません',
    name: '名前「{{surface}}」({{source}})が {{target}} にありません',
  },
});

export const termUntranslated: Rule = {
  id: 'term/untranslated',
  description: {
    en: 'A glossary term in the source segment is missing from its translation.',
    ja: '原文のセグメントにある用語集の用語が、訳に訳語として現れない。',
  },
  defaultSeverity: () => 'error',
  check(context) {
    for (const { inline, targets } of context.articles) {
      for (const target of targets) {
        for (const pair of target.pairs) {
          if (pair.target === undefined || pair.target.trim() === '') continue;
          const prose = parseSegmentInline(pair.target, inline).prose;
          for (const match of firstMatchPerConcept(pair.source.matches)) {
            const accepted = context.terms.accepted(match.concept, pair.lng);
            // No term in this language: term/no-target reports the glossary gap once.
            if (accepted.length === 0) continue;
            if (context.terms.containsAccepted(pair.lng, prose, match.concept)) continue;
            context.report({
              lng: pair.lng,
              ...pair.place,
              key: pair.source.segment.key,
              concept: match.concept.id,
              message: t(match.concept.translate ? 'untranslated' : 'name', {
                surface: match.surface,
                expected: listTerms(accepted.map((term) => term.text)),
                target: formatLocation(pair.place),
                source: formatLocation(match.place),
              }),
              source: match.place,
            });
          }
        }
      }
    }
  },
};

/** Each concept once, at its first occurrence in the segment. */
export function firstMatchPerConcept(matches: readonly SourceMatch[]): SourceMatch[] {
  const seen = new Set<Concept>();
  return matches.filter((match) => {
    if (seen.has(match.concept)) return false;
    seen.add(match.concept);
    return true;
  });
}

/** `“a”, “b” or “c”` in English, `「a」「b」「c」` in Japanese. */
export function listTerms(terms: readonly string[]): string {
  if (uiLanguage() === 'ja') return terms.map((term) => `「${term}」`).join('');
  const quoted = terms.map((term) => `“${term}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
