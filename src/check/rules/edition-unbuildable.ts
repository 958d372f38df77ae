/**
 * `edition/unbuildable`: `yakugo build` cannot produce an edition of an article: a translation does not fit
 * its segment (a heading or table cell translated over two lines, two paragraphs in one), an edition does
 * not parse back to the document it should be, a catalog is not valid JSON, or the article's front matter
 * cannot be read. The problem points at what to fix (the catalog entry, or the source file). Build writes
 * every other edition, and so every other edition is still checked.
 *
 * @example ok
 * ```yaml
 * config: { languages: [en], required: [en] }
 * source: |
 *   # 蒸留
 *
 *   蒸留は*小さな*モデルを作ります。
 * en:
 *   - Distillation
 *   - Distillation builds *small* models.
 * ```
 *
 * @example not-ok
 * ```yaml
 * config: { languages: [en], required: [en] }
 * source: |
 *   # 蒸留
 *
 *   蒸留は*小さな*モデルを作ります。
 * en:
 *   - "Distillation\nof models"
 *   - "Distillation builds *small* models.\n\nThey are fast."
 * expect:
 *   - 'locales/en/example.json:2:23 error The en edition of source/example.md cannot be built: heading.9a6ea25f (source/example.md:1): a heading must stay on one line'
 * ```
 */
import { defineMessages } from '../../util/i18n.js';
import type { Rule } from '../types.js';

const t = defineMessages('check-rule-edition-unbuildable', {
  en: {
    edition: 'The {{lng}} edition of {{article}} cannot be built: {{reason}}',
    article: 'No edition of {{article}} can be built: {{reason}}',
  },
  ja: {
    edition: '{{article}} の {{lng}} 版を生成できません:{{reason}}',
    article: '{{article}} の版を生成できません:{{reason}}',
  },
});

export const editionUnbuildable: Rule = {
  id: 'edition/unbuildable',
  description: {
    en: 'yakugo build cannot produce an edition: a translation does not fit its segment, or a catalog or the front matter cannot be read.',
    ja: 'yakugo build が版を作れない。訳がセグメントに収まらない、またはカタログやフロントマターが読めない。',
  },
  defaultSeverity: () => 'error',
  check(context) {
    for (const failure of context.editions().failures) {
      const { article } = failure;
      context.report({
        lng: failure.lng,
        ...failure.location,
        key: failure.key,
        message: failure.lng === null ? t('article', { article, reason: failure.message }) : t('edition', { lng: failure.lng, article, reason: failure.message }),
        source: failure.source,
      });
    }
  },
};
