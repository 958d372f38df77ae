/**
 * `glossary/example`: a concept's `examples` do not hold: a `match` sentence has no match of the concept,
 * or a `noMatch` sentence has one (the glossary's self-test, like prh's specs). The loader stops at the
 * first failing example; lint lists them all.
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: physical-ai, ja: フィジカル AI, en: physical AI, zh-Hans: 物理 AI, examples: { match: [フィジカルAIへ], noMatch: [フィジカルな AI] } }
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: ai, translate: false, ja: AI, examples: { match: [OpenAI の新製品] } }
 * expect:
 *   - 'glossary/test.yaml:2:61 error example of “ai” does not match: OpenAI の新製品'
 * ```
 */
import { defineMessages } from '../../../../util/i18n.js';
import type { LintRule } from '../types.js';
import { at } from './util.js';

const t = defineMessages('glossary-lint-example', {
  en: {
    match: 'example of “{{id}}” does not match: {{sentence}}',
    noMatch: 'example of “{{id}}” must not match but “{{surface}}” does: {{sentence}}',
  },
  ja: {
    match: '「{{id}}」の例文に一致しません: {{sentence}}',
    noMatch: '「{{id}}」の例文は一致してはいけませんが「{{surface}}」が一致します: {{sentence}}',
  },
});

export const example: LintRule = {
  id: 'glossary/example',
  description: { en: 'A concept’s example sentences do not match as they say.', ja: '概念の例文が記述どおりに一致しない。' },
  defaultSeverity: 'error',
  check({ concepts, matcher, report }) {
    for (const concept of concepts) {
      const examples = concept.examples;
      if (!examples) continue;
      examples.match.forEach((sentence, index) => {
        if (matcher.find(sentence).some((match) => match.concept.id === concept.id)) return;
        report({ ...at(examples.places?.match[index] ?? concept.place), lng: 'ja', concept: concept.id, message: t('match', { id: concept.id, sentence }) });
      });
      examples.noMatch.forEach((sentence, index) => {
        const wrong = matcher.find(sentence).find((match) => match.concept.id === concept.id);
        if (wrong) report({ ...at(examples.places?.noMatch[index] ?? concept.place), lng: 'ja', concept: concept.id, message: t('noMatch', { id: concept.id, surface: wrong.surface, sentence }) });
      });
    }
  },
};
