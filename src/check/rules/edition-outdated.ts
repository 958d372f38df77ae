/**
 * `edition/outdated`: a file in `out/` is not what `yakugo build` would write now (the source, a
 * catalog or the glossary changed since the last build, or the file was edited by hand), or an edition
 * is missing. The problem points at the first line that differs. Languages below their `threshold` are
 * not built, so their editions are not expected. An edition build cannot produce is reported by
 * `edition/unbuildable` instead; every other edition is compared all the same.
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
 * out:
 *   ja: |
 *     # 蒸留
 *
 *     蒸留は*小さな*モデルを作ります。
 *   en: |
 *     # Distillation
 *
 *     Distillation builds *small* models.
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
 *   - Distillation
 *   - Distillation builds *small* models.
 * out:
 *   en: |
 *     # Distillation
 *
 *     Distillation builds small models.
 * expect:
 *   - 'out/en/example.md:3:21 error The en edition is not what yakugo build writes (first difference at line 3): run yakugo build'
 *   - 'out/ja/example.md:1:1 error The ja edition is missing: run yakugo build'
 * ```
 */
import { defineMessages } from '../../util/i18n.js';
import type { Location, Rule } from '../types.js';

const t = defineMessages('check-rule-edition-outdated', {
  en: {
    missing: 'The {{lng}} edition is missing: run yakugo build',
    differs: 'The {{lng}} edition is not what yakugo build writes (first difference at line {{line}}): run yakugo build',
    stale: 'The {{lng}} edition is not what yakugo build writes: run yakugo build',
  },
  ja: {
    missing: '{{lng}} 版がありません。yakugo build を実行してください',
    differs: '{{lng}} 版が yakugo build の出力と違います({{line}} 行目から)。yakugo build を実行してください',
    stale: '{{lng}} 版が yakugo build の出力と違います。yakugo build を実行してください',
  },
});

/** The 1-based line and column of the first character where `a` and `b` differ, or undefined when equal. */
export function firstDifference(a: string, b: string): { line: number; column: number } | undefined {
  if (a === b) return undefined;
  let line = 1;
  let column = 1;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return { line, column };
    if (a.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { line, column };
}

export const editionOutdated: Rule = {
  id: 'edition/outdated',
  description: {
    en: 'A file in out/ differs from what yakugo build would write, or is missing.',
    ja: 'out/ のファイルが yakugo build の出力と違う、またはない。',
  },
  defaultSeverity: () => 'error',
  check(context) {
    const { editions } = context.editions();
    for (const edition of editions) {
      if (edition.status === 'current' || edition.status === 'not-built') continue;
      const source: Location = { file: edition.article.path, line: 1, column: 1 };
      const base = { lng: edition.lng, file: edition.file, key: null, source };
      if (edition.status === 'missing') {
        context.report({ ...base, line: 1, column: 1, message: t('missing', { lng: edition.lng }) });
      } else if (edition.difference) {
        context.report({ ...base, ...edition.difference, message: t('differs', { lng: edition.lng, line: edition.difference.line }) });
      } else {
        context.report({ ...base, line: 1, column: 1, message: t('stale', { lng: edition.lng }) });
      }
    }
  },
};
