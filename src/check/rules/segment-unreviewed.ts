/**
 * `segment/unreviewed`: a translation is a draft nobody has reviewed yet. The sidecar records its origin
 * (`origin: machine:<provider>/<model>` for a machine translation, `origin: tm` for a reuse from the
 * translation memory) until a person edits the value (the next `extract` drops the origin) or runs
 * `yakugo review accept`. `build` still builds drafts, so an edition can go out as a draft; this rule is
 * how a team sees them, and how a release branch refuses them (`rules: { segment/unreviewed: error }`).
 *
 * A warning by default, in every language.
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
 * origins:
 *   en: [null, null]
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
 *   - Distillation is a technique for building small models.
 * zh-Hans:
 *   - 什么是蒸馏?
 *   - 蒸馏是一种构建小模型的技术。
 * origins:
 *   en: [null, machine:openai/gpt-4o-mini]
 *   zh-Hans: [tm, null]
 * expect:
 *   - 'locales/en/example.json:3:25 warn Unreviewed en machine draft (machine:openai/gpt-4o-mini) of “蒸留は小さなモデルを作る技術です。” (source/example.md:3:1): review it, then edit it or run yakugo review accept'
 *   - 'locales/zh-Hans/example.json:2:23 warn Unreviewed zh-Hans draft reused from the translation memory (tm) for “蒸留とは” (source/example.md:1:3): review it, then edit it or run yakugo review accept'
 * ```
 */
import { defineMessages } from '../../util/i18n.js';
import { excerpt, formatLocation } from '../prose.js';
import type { Rule } from '../types.js';

const t = defineMessages('check-rule-segment-unreviewed', {
  en: {
    machine: 'Unreviewed {{lng}} machine draft ({{origin}}) of “{{text}}” ({{source}}): review it, then edit it or run yakugo review accept',
    tm: 'Unreviewed {{lng}} draft reused from the translation memory ({{origin}}) for “{{text}}” ({{source}}): review it, then edit it or run yakugo review accept',
    xliff: 'Unreviewed {{lng}} translation imported from a CAT tool (XLIFF state not reviewed) for “{{text}}” ({{source}}): review it, then edit it or run yakugo review accept',
  },
  ja: {
    machine: '「{{text}}」({{source}})の {{lng}} 訳は未レビューの機械翻訳の下訳です({{origin}})。確認して、訳文を直すか yakugo review accept を実行してください',
    tm: '「{{text}}」({{source}})の {{lng}} 訳は翻訳メモリから再利用した未レビューの下訳です({{origin}})。確認して、訳文を直すか yakugo review accept を実行してください',
    xliff: '「{{text}}」({{source}})の {{lng}} 訳は CAT ツールから取り込んだ未レビューの訳です(XLIFF の状態がレビュー済みではありません)。確認して、訳文を直すか yakugo review accept を実行してください',
  },
});

export const segmentUnreviewed: Rule = {
  id: 'segment/unreviewed',
  description: {
    en: 'A machine or translation-memory draft nobody has reviewed yet.',
    ja: 'まだ誰もレビューしていない機械翻訳または翻訳メモリの下訳。',
  },
  defaultSeverity: () => 'warn',
  check(context) {
    for (const { targets } of context.articles) {
      for (const target of targets) {
        for (const pair of target.pairs) {
          if (pair.origin === undefined) continue;
          const values = { lng: pair.lng, origin: pair.origin, text: excerpt(pair.source.segment.text), source: formatLocation(pair.source.place) };
          context.report({
            lng: pair.lng,
            ...pair.place,
            key: pair.source.segment.key,
            // `xliff`: written by `yakugo xliff import` from a target not marked reviewed in the CAT tool.
            message: t(pair.origin === 'tm' ? 'tm' : pair.origin === 'xliff' ? 'xliff' : 'machine', values),
            source: pair.source.place,
          });
        }
      }
    }
  },
};
