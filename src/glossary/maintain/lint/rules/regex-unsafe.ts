/**
 * `glossary/regex-unsafe`: a source rule whose pattern can backtrack catastrophically — a quantified
 * group that holds a quantifier (`(a+)+`, `(\w+\s?)+$`), where matching time grows exponentially with
 * the length of a line that almost matches. JavaScript cannot stop a running regular expression, so the
 * loader refuses such a rule (every command that reads the glossary stops at it); this rule lists every
 * one with its place, so they can be rewritten (`(?:ab)+`, a character class, or a bounded repeat).
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: server, ja: サーバー, en: server, zh-Hans: 服务器 }
 * rules:
 *   - { expected: $1ください, pattern: "/(て|で)下さい/" }
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: server, ja: サーバー, en: server, zh-Hans: 服务器 }
 * rules:
 *   - { expected: です, pattern: "/([ァ-ヶー]+)+でした/" }
 * expect:
 *   - 'glossary/test.yaml:4:5 error the pattern /([ァ-ヶー]+)+でした/ can backtrack catastrophically (a quantified group that holds a quantifier): rewrite it'
 * ```
 */
import { defineMessages } from '../../../../util/i18n.js';
import type { LintRule } from '../types.js';
import { at } from './util.js';

const t = defineMessages('glossary-lint-regex-unsafe', {
  en: { message: 'the pattern /{{pattern}}/ can backtrack catastrophically (a quantified group that holds a quantifier): rewrite it' },
  ja: { message: 'パターン /{{pattern}}/ は破滅的なバックトラックを起こしえます(量指定子を含むグループに量指定子が付いています)。書き直してください' },
});

export const regexUnsafe: LintRule = {
  id: 'glossary/regex-unsafe',
  description: {
    en: 'A source rule’s pattern can backtrack catastrophically (the loader refuses it).',
    ja: 'ソースルールのパターンが破滅的なバックトラックを起こしうる(読み込み時に拒否される)。',
  },
  defaultSeverity: 'error',
  check({ sourceRules, report }) {
    for (const rule of sourceRules) {
      if (rule.unsafe) report({ ...at(rule.place), lng: null, message: t('message', { pattern: rule.regex.source }) });
    }
  },
};
