/**
 * `glossary/forbidden-accepted`: a term is forbidden in one place and accepted (preferred or admitted)
 * in another, in the same language, so `check` would both demand and reject it.
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: server, ja: [サーバー, { term: サーバ, status: deprecated }], en: [server, { term: serva, status: forbidden }], zh-Hans: 服务器 }
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: model, ja: モデル, en: model, zh-Hans: 模型 }
 *   - { id: mockup, ja: 模型, en: [mock-up, { term: Model, status: forbidden }], zh-Hans: 模型 }
 * expect:
 *   - 'glossary/test.yaml:3:41 error en term “Model” is forbidden here but accepted in concept “model” (glossary/test.yaml:2:5)'
 * ```
 */
import { defineMessages } from '../../../../util/i18n.js';
import { sourceTermKey } from '../../../load.js';
import { acceptedTerms, isAccepted, SOURCE_LANGUAGE } from '../../../terms.js';
import type { Concept } from '../../../types.js';
import type { LintRule } from '../types.js';
import { at, where } from './util.js';

const t = defineMessages('glossary-lint-forbidden-accepted', {
  en: { message: '{{lng}} term “{{term}}” is forbidden here but accepted in concept “{{other}}” ({{place}})' },
  ja: { message: '{{lng}} の用語「{{term}}」はここでは禁止ですが、概念「{{other}}」({{place}})では認められています' },
});

function key(lng: string, text: string): string {
  return `${lng}\u0000${lng === SOURCE_LANGUAGE ? sourceTermKey(text) : text.normalize('NFKC').toLowerCase()}`;
}

export const forbiddenAccepted: LintRule = {
  id: 'glossary/forbidden-accepted',
  description: { en: 'A term is forbidden in one concept and accepted in another.', ja: 'ある用語が一方で禁止、他方で許容されている。' },
  defaultSeverity: 'error',
  check({ concepts, project, report }) {
    const accepted = new Map<string, Concept>();
    const languages = [SOURCE_LANGUAGE, ...project.config.languages];
    for (const concept of concepts) {
      // Names (translate: false) are accepted as written in every language.
      for (const lng of languages) {
        const terms = lng === SOURCE_LANGUAGE ? (concept.terms[lng] ?? []).filter(isAccepted) : acceptedTerms(concept, lng);
        for (const term of terms) if (!accepted.has(key(lng, term.text))) accepted.set(key(lng, term.text), concept);
      }
    }
    for (const concept of concepts) {
      for (const [lng, terms] of Object.entries(concept.terms)) {
        for (const term of terms) {
          if (term.status !== 'forbidden') continue;
          const other = accepted.get(key(lng, term.text));
          if (!other) continue;
          report({ ...at(term.place ?? concept.place), lng, concept: concept.id, message: t('message', { lng, term: term.text, other: other.id, place: where(other.place) }) });
        }
      }
    }
  },
};
