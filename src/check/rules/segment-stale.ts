/**
 * `segment/stale`: the source text changed after the translation was written. Two cases:
 * - the sidecar (`locales/<lng>/<article>.state.yaml`) records the hash of an older source text for the
 *   key (a front-matter field, or a paragraph whose translation `extract` carried over to its new key),
 *   and the translation has not been edited since;
 * - a catalog entry whose key no longer names any segment: its paragraph was edited (keys come from the
 *   text) or removed. Before `yakugo extract` has run, the advice is to run it (it carries translations of
 *   edited paragraphs); after, to move the translation to its paragraph's key or delete it.
 *
 * An error in required languages, a warning in the others (as for `segment/missing`).
 *
 * @example ok
 * ```yaml
 * source: |
 *   ---
 *   title: 蒸留の基礎
 *   ---
 *
 *   蒸留は小さなモデルを作る技術です。
 * en:
 *   - Distillation basics
 *   - Distillation is a technique for building small models.
 * state:
 *   en:
 *     - 蒸留の基礎
 *     - 蒸留は小さなモデルを作る技術です。
 * ```
 *
 * @example not-ok
 * ```yaml
 * source: |
 *   ---
 *   title: 蒸留の基礎と応用
 *   ---
 *
 *   蒸留は小さなモデルを作る技術です。
 * en:
 *   - Distillation basics
 *   - Distillation is a technique for building small models.
 * state:
 *   en:
 *     - 蒸留の基礎
 *     - 蒸留は小さなモデルを作る技術です。
 * orphans:
 *   en:
 *     paragraph.0badc0de: Distillation makes models smaller.
 * expect:
 *   - 'locales/en/example.json:2:17 error The source of this en translation changed after it was written: “蒸留の基礎と応用” (source/example.md:2:8)'
 *   - 'locales/en/example.json:4:25 error This en translation belongs to no source segment any more (its paragraph was removed or rewritten): move it to the key of the paragraph it belongs to now, or delete it (yakugo extract --prune deletes every such entry)'
 * ```
 */
import { defineMessages } from '../../util/i18n.js';
import { excerpt, formatLocation } from '../prose.js';
import type { Rule } from '../types.js';

const t = defineMessages('check-rule-segment-stale', {
  en: {
    stale: 'The source of this {{lng}} translation changed after it was written: “{{text}}” ({{source}})',
    orphan: 'This {{lng}} translation belongs to no source segment any more (its paragraph was edited or removed): run yakugo extract and review it (yakugo extract --prune removes it)',
    orphanProbably: 'This {{lng}} translation belongs to no source segment any more: its source text probably became “{{text}}” ({{source}}); run yakugo extract and review it (yakugo extract --prune removes it)',
    orphanExtracted: 'This {{lng}} translation belongs to no source segment any more (its paragraph was removed or rewritten): move it to the key of the paragraph it belongs to now, or delete it (yakugo extract --prune deletes every such entry)',
    orphanProbablyExtracted: 'This {{lng}} translation belongs to no source segment any more: it probably belongs to {{key}} “{{text}}” ({{source}}); move it there, or delete it (yakugo extract --prune deletes every such entry)',
  },
  ja: {
    stale: 'この {{lng}} 訳を書いた後に原文が変わりました:「{{text}}」({{source}})',
    orphan: 'この {{lng}} 訳に対応する原文のセグメントがありません(段落が編集または削除されました)。yakugo extract を実行して見直してください(yakugo extract --prune で削除できます)',
    orphanProbably: 'この {{lng}} 訳に対応する原文のセグメントがありません。原文はおそらく「{{text}}」({{source}})に変わりました。yakugo extract を実行して見直してください(yakugo extract --prune で削除できます)',
    orphanExtracted: 'この {{lng}} 訳に対応する原文のセグメントがありません(段落が削除されたか書き直されました)。いま対応する段落のキーに移すか、削除してください(yakugo extract --prune でこうした項目をすべて削除できます)',
    orphanProbablyExtracted: 'この {{lng}} 訳に対応する原文のセグメントがありません。おそらく {{key}}「{{text}}」({{source}})の訳です。そこに移すか、削除してください(yakugo extract --prune でこうした項目をすべて削除できます)',
  },
});

export const segmentStale: Rule = {
  id: 'segment/stale',
  description: {
    en: 'The source text changed after the translation was written.',
    ja: '訳を書いた後に原文が変わった。',
  },
  defaultSeverity: (lng, project) => (project.config.required.includes(lng) ? 'error' : 'warn'),
  check(context) {
    for (const { article, targets } of context.articles) {
      for (const target of targets) {
        for (const pair of target.pairs) {
          if (!pair.stale) continue;
          context.report({
            lng: pair.lng,
            ...pair.place,
            key: pair.source.segment.key,
            message: t('stale', { lng: pair.lng, text: excerpt(pair.source.segment.text), source: formatLocation(pair.source.place) }),
            source: pair.source.place,
          });
        }
        // Every current segment has its key in the catalog: extract has run since the source changed, so
        // running it again would not help; the orphan needs a person.
        const extracted = target.pairs.every((pair) => pair.target !== undefined);
        for (const orphan of target.orphans) {
          if (orphan.value.trim() === '') continue;
          const probably = orphan.probably;
          context.report({
            lng: target.lng,
            ...orphan.place,
            key: orphan.key,
            message: probably
              ? t(extracted ? 'orphanProbablyExtracted' : 'orphanProbably', {
                  lng: target.lng,
                  key: probably.segment.key,
                  text: excerpt(probably.segment.text),
                  source: formatLocation(probably.place),
                })
              : t(extracted ? 'orphanExtracted' : 'orphan', { lng: target.lng }),
            source: probably?.place ?? { file: article.path, line: 1, column: 1 },
          });
        }
      }
    }
  },
};
