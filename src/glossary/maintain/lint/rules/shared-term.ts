/**
 * `glossary/shared-term`: one term in two concepts. In the source language (compared after
 * normalization: `フィジカルAI` = `フィジカル AI`) it is an error, since the matcher cannot tell which
 * concept the text means; in a target language a shared preferred term is a warning (two concepts that
 * translate the same are often one concept).
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: distillation, zh-Hans: 蒸馏 }
 *   - { id: knowledge-distillation, ja: 知識蒸留, en: knowledge distillation, zh-Hans: 知识蒸馏 }
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: physical-ai, ja: フィジカル AI, en: physical AI, zh-Hans: 物理 AI }
 *   - { id: embodied-ai, ja: [身体性 AI, フィジカルAI], en: embodied AI, zh-Hans: 具身智能 }
 * expect:
 *   - 'glossary/test.yaml:3:37 error ja term “フィジカルAI” is also a term of concept “physical-ai” (glossary/test.yaml:2:5)'
 * ```
 */
import { defineMessages } from '../../../../util/i18n.js';
import { sourceTermKey } from '../../../load.js';
import { SOURCE_LANGUAGE } from '../../../terms.js';
import type { Concept } from '../../../types.js';
import type { LintRule } from '../types.js';
import { at, where } from './util.js';

const t = defineMessages('glossary-lint-shared-term', {
  en: {
    source: '{{lng}} term “{{term}}” is also a term of concept “{{other}}” ({{place}})',
    target: '{{lng}} term “{{term}}” is also the preferred term of concept “{{other}}” ({{place}}): one concept?',
  },
  ja: {
    source: '{{lng}} の用語「{{term}}」は概念「{{other}}」({{place}})の用語でもあります',
    target: '{{lng}} の訳語「{{term}}」は概念「{{other}}」({{place}})の推奨訳語でもあります。同じ概念ではありませんか',
  },
});

export const sharedTerm: LintRule = {
  id: 'glossary/shared-term',
  description: { en: 'A term belongs to two concepts.', ja: '一つの用語が二つの概念に属している。' },
  defaultSeverity: 'error',
  check({ concepts, report }) {
    const owners = new Map<string, Concept>();
    for (const concept of concepts) {
      for (const term of concept.terms[SOURCE_LANGUAGE] ?? []) {
        const key = sourceTermKey(term.text);
        const owner = owners.get(key);
        if (owner && owner !== concept) {
          report({ ...at(term.place ?? concept.place), lng: SOURCE_LANGUAGE, concept: concept.id, message: t('source', { lng: SOURCE_LANGUAGE, term: term.text, other: owner.id, place: where(owner.place) }) });
        } else owners.set(key, concept);
      }
    }
    const preferred = new Map<string, Concept>();
    for (const concept of concepts) {
      for (const [lng, terms] of Object.entries(concept.terms)) {
        if (lng === SOURCE_LANGUAGE) continue;
        const term = terms.find((candidate) => candidate.status === 'preferred');
        if (!term) continue;
        const key = `${lng}\u0000${term.text.normalize('NFKC').toLowerCase()}`;
        const owner = preferred.get(key);
        if (owner && owner !== concept) {
          report({ ...at(term.place ?? concept.place), severity: 'warn', lng, concept: concept.id, message: t('target', { lng, term: term.text, other: owner.id, place: where(owner.place) }) });
        } else preferred.set(key, concept);
      }
    }
  },
};
