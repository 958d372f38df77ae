/**
 * `glossary/duplicate-id`: two concepts with the same id (in one file or across files). Every concept
 * after the first is reported, pointing at the first.
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: distillation, zh-Hans: 蒸馏 }
 *   - { id: inference, ja: 推論, en: inference, zh-Hans: 推理 }
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: distillation, zh-Hans: 蒸馏 }
 *   - { id: distillation, ja: 知識蒸留, en: knowledge distillation, zh-Hans: 知识蒸馏 }
 * expect:
 *   - 'glossary/test.yaml:3:5 error concept id “distillation” is already used at glossary/test.yaml:2:5'
 * ```
 */
import { defineMessages } from '../../../../util/i18n.js';
import type { Concept } from '../../../types.js';
import type { LintRule } from '../types.js';
import { at, where } from './util.js';

const t = defineMessages('glossary-lint-duplicate-id', {
  en: { message: 'concept id “{{id}}” is already used at {{first}}' },
  ja: { message: '概念 ID「{{id}}」はすでに {{first}} で使われています' },
});

export const duplicateId: LintRule = {
  id: 'glossary/duplicate-id',
  description: { en: 'Two concepts have the same id.', ja: '二つの概念が同じ ID を持っている。' },
  defaultSeverity: 'error',
  check({ concepts, report }) {
    const first = new Map<string, Concept>();
    for (const concept of concepts) {
      const earlier = first.get(concept.id);
      if (!earlier) {
        first.set(concept.id, concept);
        continue;
      }
      report({ ...at(concept.place), lng: null, concept: concept.id, message: t('message', { id: concept.id, first: where(earlier.place) }) });
    }
  },
};

