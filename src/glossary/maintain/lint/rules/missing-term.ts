/**
 * `glossary/missing-term`: a concept has no preferred or admitted term for a configured target language,
 * so translators are not told what to write. Names (`translate: false`) are exempt. An error for the
 * languages in `required`, a warning for the others.
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: distillation, zh-Hans: 蒸馏 }
 *   - { id: deepseek, translate: false, ja: DeepSeek }
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: distillation }
 *   - { id: inference, ja: 推論, zh-Hans: 推理, en: [{ term: deduction, status: deprecated }] }
 * expect:
 *   - 'glossary/test.yaml:2:5 warn concept “distillation” has no zh-Hans term'
 *   - 'glossary/test.yaml:3:5 error concept “inference” has no en term'
 * ```
 */
import { defineMessages } from '../../../../util/i18n.js';
import { acceptedTerms } from '../../../terms.js';
import type { LintRule } from '../types.js';
import { at } from './util.js';

const t = defineMessages('glossary-lint-missing-term', {
  en: { message: 'concept “{{id}}” has no {{lng}} term' },
  ja: { message: '概念「{{id}}」に {{lng}} の訳語がありません' },
});

export const missingTerm: LintRule = {
  id: 'glossary/missing-term',
  description: { en: 'A concept has no term for a configured language.', ja: '概念に設定済みの言語の訳語がない。' },
  defaultSeverity: 'warn',
  check({ concepts, project, report }) {
    for (const concept of concepts) {
      if (!concept.translate) continue;
      for (const lng of project.config.languages) {
        if (acceptedTerms(concept, lng).length > 0) continue;
        const severity = project.config.required.includes(lng) ? 'error' : 'warn';
        report({ ...at(concept.place), severity, lng, concept: concept.id, message: t('message', { id: concept.id, lng }) });
      }
    }
  },
};
