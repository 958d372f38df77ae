/**
 * `glossary/normalized-duplicate`: two spellings that are the same text once normalized (NFKC width,
 * spaces next to Japanese, case), so one of them does nothing: a literal pattern of a source rule that is
 * a Japanese term of a concept or a literal pattern of another rule (the concept, or the first rule,
 * already finds that text), or an extra form that is already a term of its language (`forms: { en: [Server] }`
 * next to `en: server`; a form that differs in case from an acronym, `Nvidia` for `NVIDIA`, is needed and
 * not reported). The loader merges nothing silently and refuses a term listed twice in one
 * concept; these are the duplicates it accepts.
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - { id: server, ja: [サーバー, { term: サーバ, status: deprecated }], en: server, forms: { en: [servers] } }
 *   - { id: nvidia, ja: NVIDIA, en: NVIDIA, zh-Hans: 英伟达, forms: { en: [Nvidia] } }
 * rules:
 *   - { expected: Web, pattern: ウェブ }
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - { id: server, ja: [サーバー, { term: サーバ, status: deprecated }], en: server, forms: { en: [Server] } }
 * rules:
 *   - { expected: サーバー, pattern: ｻｰﾊﾞ }
 *   - { expected: Web, pattern: ウェブ }
 *   - { expected: WEB, pattern: ウェブ }
 * expect:
 *   - 'glossary/test.yaml:2:5 warn en form “Server” of concept “server” is the term “server” once normalized'
 *   - 'glossary/test.yaml:4:5 warn pattern “ｻｰﾊﾞ” of the rule for “サーバー” is the ja term “サーバ” of concept “server” (glossary/test.yaml:2:5) once normalized'
 *   - 'glossary/test.yaml:6:5 warn pattern “ウェブ” of the rule for “WEB” is a pattern of the rule for “Web” (glossary/test.yaml:5:5) once normalized'
 * ```
 */
import { defineMessages } from '../../../../util/i18n.js';
import { sourceTermKey } from '../../../load.js';
import { foldCase, isAcronym, normalizeText } from '../../../normalize.js';
import { regexString } from '../../../rules/compile.js';
import { SOURCE_LANGUAGE } from '../../../terms.js';
import type { Concept, GlossaryPlace, SourceRule } from '../../../types.js';
import type { LintRule } from '../types.js';
import { at, where } from './util.js';

const t = defineMessages('glossary-lint-normalized-duplicate', {
  en: {
    form: '{{lng}} form “{{form}}” of concept “{{id}}” is the term “{{term}}” once normalized',
    ruleTerm: 'pattern “{{pattern}}” of the rule for “{{expected}}” is the {{lng}} term “{{term}}” of concept “{{id}}” ({{at}}) once normalized',
    rulePattern: 'pattern “{{pattern}}” of the rule for “{{expected}}” is a pattern of the rule for “{{other}}” ({{at}}) once normalized',
  },
  ja: {
    form: '概念「{{id}}」の {{lng}} の語形「{{form}}」は正規化すると用語「{{term}}」と同じです',
    ruleTerm: '「{{expected}}」のルールのパターン「{{pattern}}」は正規化すると概念「{{id}}」の {{lng}} の用語「{{term}}」({{at}})と同じです',
    rulePattern: '「{{expected}}」のルールのパターン「{{pattern}}」は正規化すると「{{other}}」のルール({{at}})のパターンと同じです',
  },
});

function targetKey(text: string): string {
  return foldCase(normalizeText(text));
}

export const normalizedDuplicate: LintRule = {
  id: 'glossary/normalized-duplicate',
  description: {
    en: 'Two spellings that are the same text once normalized (a redundant rule pattern or form).',
    ja: '正規化すると同じになる二つの表記(重複したルールのパターンや語形)。',
  },
  defaultSeverity: 'warn',
  check({ concepts, sourceRules, report }) {
    const terms = new Map<string, { concept: Concept; text: string }>();
    for (const concept of concepts) {
      for (const term of concept.terms[SOURCE_LANGUAGE] ?? []) if (!terms.has(sourceTermKey(term.text))) terms.set(sourceTermKey(term.text), { concept, text: term.text });
      for (const [lng, forms] of Object.entries(concept.forms)) {
        for (const form of forms) {
          // An acronym or a caseSensitive concept matches case-sensitively: `Nvidia` next to `NVIDIA` is needed.
          const term = (concept.terms[lng] ?? []).find((candidate) =>
            concept.caseSensitive || isAcronym(normalizeText(candidate.text))
              ? normalizeText(candidate.text) === normalizeText(form)
              : targetKey(candidate.text) === targetKey(form),
          )?.text;
          if (term !== undefined && term !== form) report({ ...at(concept.place), lng, concept: concept.id, message: t('form', { lng, form, id: concept.id, term }) });
        }
      }
    }
    const patterns = new Map<string, { rule: SourceRule; place: GlossaryPlace | undefined }>();
    for (const rule of sourceRules) {
      for (const pattern of rule.patterns) {
        if (regexString(pattern)) continue;
        const key = sourceTermKey(pattern);
        const term = terms.get(key);
        if (term) {
          report({
            ...at(rule.place),
            lng: null,
            concept: term.concept.id,
            message: t('ruleTerm', { pattern, expected: rule.expected, lng: SOURCE_LANGUAGE, term: term.text, id: term.concept.id, at: where(term.concept.place) }),
          });
          continue;
        }
        const other = patterns.get(key);
        if (other && other.rule !== rule) {
          report({ ...at(rule.place), lng: null, message: t('rulePattern', { pattern, expected: rule.expected, other: other.rule.expected, at: where(other.place) }) });
        } else if (!other) patterns.set(key, { rule, place: rule.place });
      }
    }
  },
};
