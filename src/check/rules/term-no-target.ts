/**
 * `term/no-target`: a concept that occurs in a source article has no term for a target language, so
 * translators have nothing to follow and `term/untranslated` cannot check it: the glossary itself is
 * untranslated there. Reported once per concept and language, at the concept in the glossary file (names
 * with `translate: false` need no terms).
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: distillation, zh-Hans: 蒸馏 }
 *   - { id: deepseek, translate: false, ja: DeepSeek }
 * source: |
 *   DeepSeek は蒸留を使いました。
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: distillation, ja: 蒸留, en: distillation }
 *   - { id: inference, ja: 推論 }
 * source: |
 *   蒸留を使いました。
 *
 *   推論にも蒸留を使います。
 * expect:
 *   - 'glossary/example.yaml:2:5 warn Concept distillation (“蒸留”, source/example.md:1:1) has no zh-Hans term in the glossary'
 *   - 'glossary/example.yaml:3:5 warn Concept inference (“推論”, source/example.md:3:1) has no en term in the glossary'
 *   - 'glossary/example.yaml:3:5 warn Concept inference (“推論”, source/example.md:3:1) has no zh-Hans term in the glossary'
 * ```
 */
import { defineMessages } from '../../util/i18n.js';
import { formatLocation } from '../prose.js';
import type { Rule } from '../types.js';

const t = defineMessages('check-rule-term-no-target', {
  en: {
    noTarget: 'Concept {{concept}} (“{{surface}}”, {{source}}) has no {{lng}} term in the glossary',
  },
  ja: {
    noTarget: '概念 {{concept}}(「{{surface}}」、{{source}})に {{lng}} の訳語が用語集にありません',
  },
});

export const termNoTarget: Rule = {
  id: 'term/no-target',
  description: {
    en: 'A concept used in a source has no term for a target language in the glossary.',
    ja: '原文に現れる概念に、対象言語の訳語が用語集にない。',
  },
  defaultSeverity: () => 'warn',
  check(context) {
    const reported = new Set<string>();
    for (const { sources } of context.articles) {
      for (const source of sources) {
        for (const match of source.matches) {
          if (!match.concept.translate) continue;
          for (const lng of context.languages) {
            const id = `${match.concept.id}\u0000${lng}`;
            if (reported.has(id) || context.terms.accepted(match.concept, lng).length > 0) continue;
            reported.add(id);
            const place = match.concept.place ?? match.place;
            context.report({
              lng,
              file: place.file,
              line: place.line,
              column: place.column,
              key: source.segment.key,
              concept: match.concept.id,
              message: t('noTarget', { concept: match.concept.id, surface: match.surface, lng, source: formatLocation(match.place) }),
              source: match.place,
            });
          }
        }
      }
    }
  },
};
