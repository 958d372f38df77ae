/**
 * `segment/missing`: a segment of the source has no translation: its key is not in the language's
 * catalog, or its value is empty. An error in the languages listed under `required`, a warning in the
 * others (those fall back to the source text when built, and `threshold` decides whether they are built).
 *
 * @example ok
 * ```yaml
 * source: |
 *   # 蒸留とは
 *
 *   蒸留は小さなモデルを作る技術です。
 * en:
 *   - What is distillation?
 *   - Distillation is a technique for building small models.
 * zh-Hans:
 *   - 什么是蒸馏?
 *   - 蒸馏是一种构建小模型的技术。
 * ```
 *
 * @example not-ok
 * ```yaml
 * source: |
 *   # 蒸留とは
 *
 *   蒸留は小さなモデルを作る技術です。
 * en:
 *   - What is distillation?
 *   - ''
 * zh-Hans:
 *   - 什么是蒸馏?
 *   - null
 * expect:
 *   - 'locales/en/example.json:3:25 error Empty en translation of “蒸留は小さなモデルを作る技術です。” (source/example.md:3:1)'
 *   - 'locales/zh-Hans/example.json:1:1 warn No zh-Hans translation of “蒸留は小さなモデルを作る技術です。” (source/example.md:3:1)'
 * ```
 */
import { defineMessages } from '../../cli/i18n.js';
import { excerpt, formatLocation } from '../prose.js';
import type { Rule } from '../types.js';

const t = defineMessages('check-rule-segment-missing', {
  en: {
    absent: 'No {{lng}} translation of “{{text}}” ({{source}})',
    empty: 'Empty {{lng}} translation of “{{text}}” ({{source}})',
  },
  ja: {
    absent: '「{{text}}」の {{lng}} 訳がありません({{source}})',
    empty: '「{{text}}」の {{lng}} 訳が空です({{source}})',
  },
});

export const segmentMissing: Rule = {
  id: 'segment/missing',
  description: {
    en: 'A source segment has no translation, or an empty one.',
    ja: '原文のセグメントに訳がない、または訳が空。',
  },
  defaultSeverity: (lng, project) => (project.config.required.includes(lng) ? 'error' : 'warn'),
  check(context) {
    for (const { targets } of context.articles) {
      for (const target of targets) {
        for (const pair of target.pairs) {
          if (pair.target !== undefined && pair.target.trim() !== '') continue;
          const values = { lng: pair.lng, text: excerpt(pair.source.segment.text), source: formatLocation(pair.source.place) };
          context.report({
            lng: pair.lng,
            ...pair.place,
            key: pair.source.segment.key,
            message: t(pair.target === undefined ? 'absent' : 'empty', values),
            source: pair.source.place,
          });
        }
      }
    }
  },
};
