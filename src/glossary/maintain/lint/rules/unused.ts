/**
 * `glossary/unused`: a concept none of whose Japanese terms occurs in any source article. Off by default
 * (a glossary is meant to cover articles still to come); turn it on with `--rule glossary/unused` or
 * `rules: { glossary/unused: warn }` when pruning.
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: distillation, zh-Hans: 蒸馏 }
 * source: |
 *   蒸留の仕組みを解説します。
 * severity: warn
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: distillation, zh-Hans: 蒸馏 }
 *   - { id: quantization, ja: 量子化, en: quantization, zh-Hans: 量化 }
 * source: |
 *   蒸留の仕組みを解説します。
 * severity: warn
 * expect:
 *   - 'glossary/test.yaml:3:5 warn concept “quantization” is not used in any source article'
 * ```
 */
import { defineMessages } from '../../../../util/i18n.js';
import type { Concept } from '../../../types.js';
import type { LintRule } from '../types.js';
import { at } from './util.js';

const t = defineMessages('glossary-lint-unused', {
  en: { message: 'concept “{{id}}” is not used in any source article' },
  ja: { message: '概念「{{id}}」はどの原稿でも使われていません' },
});

export const unused: LintRule = {
  id: 'glossary/unused',
  description: { en: 'A concept is not used in any source article.', ja: '概念がどの原稿でも使われていない。' },
  defaultSeverity: 'off',
  check({ concepts, sources, matcher, report }) {
    const used = new Set<Concept>();
    for (const source of sources) for (const match of matcher.findInRuns(source.runs)) used.add(match.concept);
    const usedIds = new Set([...used].map((concept) => concept.id));
    for (const concept of concepts) {
      if (usedIds.has(concept.id)) continue;
      report({ ...at(concept.place), lng: null, concept: concept.id, message: t('message', { id: concept.id }) });
    }
  },
};
