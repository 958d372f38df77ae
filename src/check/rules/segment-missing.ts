/**
 * `segment/missing`: a segment of the source has no translation: its key is not in the language's
 * catalog, or its value is empty. An error in the languages listed under `required`, a warning in the
 * others (those fall back to the source text when built, and `threshold` decides whether they are built).
 * A catalog file that does not exist at all is one problem, not one per segment.
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
 * config: { languages: [en, zh-Hans, fr], required: [en] }
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
 *   - 'locales/fr/example.json:1:1 warn No fr catalog for source/example.md (2 segments): run yakugo extract'
 * ```
 */
import { defineMessages } from '../../util/i18n.js';
import { excerpt, formatLocation } from '../prose.js';
import type { Rule } from '../types.js';

const t = defineMessages('check-rule-segment-missing', {
  en: {
    absent: 'No {{lng}} translation of “{{text}}” ({{source}})',
    empty: 'Empty {{lng}} translation of “{{text}}” ({{source}})',
    noCatalog: 'No {{lng}} catalog for {{article}} ({{count}} segments): run yakugo extract',
  },
  ja: {
    absent: '「{{text}}」の {{lng}} 訳がありません({{source}})',
    empty: '「{{text}}」の {{lng}} 訳が空です({{source}})',
    noCatalog: '{{article}} の {{lng}} カタログがありません(セグメント {{count}} 件)。yakugo extract を実行してください',
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
    for (const { article, targets } of context.articles) {
      for (const target of targets) {
        if (!target.exists && target.pairs.length > 0) {
          context.report({
            lng: target.lng,
            file: target.file,
            line: 1,
            column: 1,
            key: null,
            message: t('noCatalog', { lng: target.lng, article: article.path, count: target.pairs.length }),
            source: { file: article.path, line: 1, column: 1 },
          });
          continue;
        }
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
