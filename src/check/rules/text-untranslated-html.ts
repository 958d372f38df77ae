/**
 * `text/untranslated-html`: Japanese text inside raw HTML of a Markdown article that no segment covers (an
 * element with nested tags, a `<details>` block, an attribute value), so it stays Japanese in every
 * edition. A simple element wrapping plain text (`<p>…</p>`) is extracted as a segment and not reported
 * (config `htmlSegments`, on by default). Reported once per HTML block or inline tag, at its first
 * Japanese text; rewrite it as Markdown, or as a simple element, to have it translated.
 *
 * @example ok
 * ```yaml
 * source: |
 *   <p align="center">中央の文</p>
 *
 *   <div class="note"><!-- メモ --></div>
 * ```
 *
 * @example not-ok
 * ```yaml
 * source: |
 *   本文です。
 *
 *   <details>
 *   <summary>詳しく</summary>
 *   <b>隠れた</b>説明
 *   </details>
 * expect:
 *   - 'source/example.md:4:10 warn Japanese text “詳しく” inside HTML is not extracted, so it stays untranslated in every edition'
 * ```
 */
import { defineMessages } from '../../util/i18n.js';
import type { Rule } from '../types.js';

const t = defineMessages('check-rule-text-untranslated-html', {
  en: {
    html: 'Japanese text “{{text}}” inside HTML is not extracted, so it stays untranslated in every edition',
  },
  ja: {
    html: 'HTML の中の日本語「{{text}}」は抽出されないため、どの版でも訳されません',
  },
});

export const textUntranslatedHtml: Rule = {
  id: 'text/untranslated-html',
  description: {
    en: 'Japanese text inside raw HTML is not extracted, so it stays untranslated.',
    ja: 'HTML の中の日本語が抽出されず、訳されないまま残る。',
  },
  defaultSeverity: () => 'warn',
  check(context) {
    for (const { html } of context.articles) {
      for (const found of html) {
        context.report({ lng: null, ...found.place, key: null, message: t('html', { text: found.text }), source: null });
      }
    }
  },
};
