/**
 * `source/variant`: the Japanese source uses a deprecated (or forbidden) variant of a concept, a 表記ゆれ
 * such as サーバ for サーバー. Reported at the word in the Markdown with the preferred form. Runs when the
 * source language is part of the run (no `--lang`, or `--lang ja`).
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: server, longVowel: false, ja: [サーバー, { term: サーバ, status: deprecated }], en: server }
 * source: |
 *   推論サーバーを増やします。
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: server, longVowel: false, ja: [サーバー, { term: サーバ, status: deprecated }], en: server }
 * source: |
 *   推論サーバーと
 *   学習用サーバを増やします。
 * expect:
 *   - 'source/example.md:2:4 warn “サーバ” is a deprecated variant of “サーバー” (concept server)'
 * ```
 *
 * Source rules (prh rules in the glossary's `rules:` list) are reported too, with prh's replacement;
 * a match that starts or ends inside a kuromoji token is not (see docs/formats/glossary-rules.md).
 */
import { defineMessages } from '../../util/i18n.js';
import type { Rule } from '../types.js';

const t = defineMessages('check-rule-source-variant', {
  en: {
    deprecated: '“{{surface}}” is a deprecated variant of “{{preferred}}” (concept {{concept}})',
    rule: '“{{surface}}” should be “{{replacement}}” (rule at {{at}})',
    ruleNote: '“{{surface}}” should be “{{replacement}}”: {{note}} (rule at {{at}})',
    forbidden: '“{{surface}}” is a forbidden variant of “{{preferred}}” (concept {{concept}})',
  },
  ja: {
    deprecated: '「{{surface}}」は非推奨の表記です。「{{preferred}}」を使ってください(概念 {{concept}})',
    rule: '「{{surface}}」は「{{replacement}}」にしてください(ルール {{at}})',
    ruleNote: '「{{surface}}」は「{{replacement}}」にしてください: {{note}}(ルール {{at}})',
    forbidden: '「{{surface}}」は禁止された表記です。「{{preferred}}」を使ってください(概念 {{concept}})',
  },
});

export const sourceVariant: Rule = {
  id: 'source/variant',
  description: {
    en: 'The source uses a deprecated variant of a glossary term (表記ゆれ).',
    ja: '原文が用語の非推奨の表記を使っている(表記ゆれ)。',
  },
  defaultSeverity: () => 'warn',
  check(context) {
    if (!context.includesSource) return;
    const lng = context.project.config.sourceLanguage;
    for (const { sources } of context.articles) {
      for (const source of sources) {
        for (const match of source.matches) {
          const status = match.term.status;
          if (status !== 'deprecated' && status !== 'forbidden') continue;
          context.report({
            lng,
            ...match.place,
            key: source.segment.key,
            concept: match.concept.id,
            message: t(status, {
              surface: match.surface,
              preferred: context.terms.preferred(match.concept, lng)?.text ?? '',
              concept: match.concept.id,
            }),
            source: match.place,
          });
        }
        // A variant the glossary already reported at the same place is not reported twice.
        const reported = new Set(source.matches.filter((match) => match.term.status === 'deprecated' || match.term.status === 'forbidden').map((match) => `${match.place.line}:${match.place.column}`));
        for (const hit of source.ruleHits ?? []) {
          if (reported.has(`${hit.place.line}:${hit.place.column}`)) continue;
          const at = hit.rule.place ? `${hit.rule.place.file}:${hit.rule.place.line}` : '?';
          context.report({
            lng,
            ...hit.place,
            key: source.segment.key,
            message: hit.rule.note
              ? t('ruleNote', { surface: hit.surface, replacement: hit.replacement, note: hit.rule.note, at })
              : t('rule', { surface: hit.surface, replacement: hit.replacement, at }),
            source: hit.place,
          });
        }
      }
    }
  },
};
