/**
 * `text/untranslated`: source-language text left in a translation: kana or kanji (and Japanese
 * punctuation such as 「」。 or fullwidth forms such as ＡＩ and ％) in a language written without them, like `en`; kana in one written with
 * Han characters, like `zh-Hans` or `ko`. Inline code, HTML, URLs and autolinks are not looked at, and
 * neither are the Japanese spellings of `translate: false` names, which stay the same in every language.
 * One problem per segment, quoting the first stretch of text left (and how many more there are).
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: sakana-ai, translate: false, ja: サカナAI }
 * source: |
 *   `蒸留` を使う[サカナAI](https://example.com/サカナ)の研究。
 * en:
 *   - Research by [サカナAI](https://example.com/サカナ) using `蒸留`.
 * zh-Hans:
 *   - [サカナAI](https://example.com/サカナ)使用 `蒸留` 的研究。
 * ```
 *
 * @example not-ok
 * ```yaml
 * source: |
 *   大規模モデルを蒸留で圧縮する。
 * en:
 *   - The 大規模モデル are compressed by distillation (蒸留).
 * zh-Hans:
 *   - 用蒸馏压缩大規模モデル。
 * expect:
 *   - 'locales/en/example.json:2:25 error Japanese text “大規模モデル” left in the en translation (and 1 more)'
 *   - 'locales/zh-Hans/example.json:2:25 warn Japanese text “モデル” left in the zh-Hans translation'
 * ```
 */
import { defineMessages } from '../../util/i18n.js';
import type { Glossary } from '../../glossary/types.js';
import { parseSegmentInline } from '../prose.js';
import type { Rule } from '../types.js';

const t = defineMessages('check-rule-text-untranslated', {
  en: {
    left: 'Japanese text “{{text}}” left in the {{lng}} translation',
    more: 'Japanese text “{{text}}” left in the {{lng}} translation (and {{count}} more)',
  },
  ja: {
    left: '{{lng}} 訳に日本語「{{text}}」が残っています',
    more: '{{lng}} 訳に日本語「{{text}}」が残っています(ほか {{count}} 箇所)',
  },
});

/** Kana, including the long-vowel mark, iteration marks and halfwidth katakana. */
const KANA = '\\p{Script=Hiragana}\\p{Script=Katakana}\\u30FC\\u30FD\\u30FE\\u309D\\u309E\\uFF70';
/** Han ideographs plus the Japanese iteration mark 々 and 〆. */
const HAN = '\\p{Script=Han}\\u3005\\u3006';
/** Japanese brackets and punctuation (「」『』、。・〜) and fullwidth forms (ＡＩ, ％, （）) as Japanese input methods type them. */
const CJK_PUNCTUATION = '\\u3001\\u3002\\u300C-\\u300F\\u3010\\u3011\\u301C\\u30FB\\uFF01-\\uFF65\\uFFE0-\\uFFE6';

/** Primary language subtags of languages written with Han characters (and so with CJK punctuation). */
const HAN_LANGUAGES = new Set(['zh', 'yue', 'cmn', 'wuu', 'hak', 'nan', 'gan', 'hsn', 'lzh', 'ko', 'ja']);

/**
 * What may not appear in a translation into `lng`, as a regular expression matching one stretch of it.
 * Languages written with Han characters keep kanji and CJK punctuation; all others keep neither.
 */
export function leftoverPattern(lng: string): RegExp {
  const primary = lng.split('-')[0] ?? lng;
  if (primary === 'ja') return /(?!)/g;
  const chars = HAN_LANGUAGES.has(primary) ? KANA : KANA + HAN + CJK_PUNCTUATION;
  // Kana and kanji written together (大規模モデル) count as one stretch.
  return new RegExp(`[${chars}]+`, 'gu');
}

/** Names spelled the same in every language: their Japanese spellings are not leftovers. */
export function namesOf(glossary: Glossary): string[] {
  const names = new Set<string>();
  for (const concept of glossary.concepts) {
    if (concept.translate) continue;
    for (const terms of Object.values(concept.terms)) for (const term of terms) names.add(term.text);
  }
  // Longest first, so a name containing another is removed whole.
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** The stretches of text that should not be in a translation into `lng`. */
export function leftovers(prose: string, lng: string, names: readonly string[]): string[] {
  let text = prose.replace(/\b(?:https?|ftp):\/\/\S+|\bmailto:\S+|\bwww\.\S+/giu, ' ');
  for (const name of names) text = text.replaceAll(name, ' ');
  return [...text.matchAll(leftoverPattern(lng))].map((match) => match[0]);
}

export const textUntranslated: Rule = {
  id: 'text/untranslated',
  description: {
    en: 'Japanese text is left in a translation.',
    ja: '訳に日本語が残っている。',
  },
  defaultSeverity: (lng, project) => (project.config.required.includes(lng) ? 'error' : 'warn'),
  check(context) {
    const names = namesOf(context.glossary);
    for (const { inline, targets } of context.articles) {
      for (const target of targets) {
        for (const pair of target.pairs) {
          if (pair.target === undefined || pair.target.trim() === '') continue;
          const found = leftovers(parseSegmentInline(pair.target, inline).prose, pair.lng, names);
          const [first] = found;
          if (first === undefined) continue;
          const values = { text: first, lng: pair.lng, count: found.length - 1 };
          context.report({
            lng: pair.lng,
            ...pair.place,
            key: pair.source.segment.key,
            message: found.length > 1 ? t('more', values) : t('left', values),
            source: pair.source.place,
          });
        }
      }
    }
  },
};
