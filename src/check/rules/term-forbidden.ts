/**
 * `term/forbidden`: a translation uses a term the glossary marks `forbidden` or `deprecated` for its
 * language (in any segment, whether or not the source has the concept there). The message gives the
 * preferred term. A forbidden or deprecated term that is part of an accepted term found at the same place
 * (`AI` inside `physical AI`) does not count.
 *
 * @example ok
 * ```yaml
 * glossary:
 *   - id: physical-ai
 *     ja: フィジカル AI
 *     en: [physical AI, { term: embodied AI, status: deprecated }, { term: AI, status: forbidden }]
 * source: |
 *   フィジカル AI へシフトしています。
 * en:
 *   - The focus is shifting to physical AI.
 * ```
 *
 * @example not-ok
 * ```yaml
 * glossary:
 *   - id: physical-ai
 *     ja: フィジカル AI
 *     en: [physical AI, { term: embodied AI, status: deprecated }, { term: robot AI, status: forbidden }]
 * source: |
 *   フィジカル AI へシフトしています。
 * en:
 *   - The focus is shifting to embodied AI (that is, robot AI).
 * expect:
 *   - 'locales/en/example.json:2:25 error “embodied AI” is a deprecated en term (concept physical-ai): use “physical AI”'
 *   - 'locales/en/example.json:2:25 error “robot AI” is a forbidden en term (concept physical-ai): use “physical AI”'
 * ```
 */
import { defineMessages } from '../../util/i18n.js';
import type { Concept } from '../../glossary/types.js';
import { parseSegmentInline } from '../prose.js';
import type { Rule, TargetTermMatch } from '../types.js';

const t = defineMessages('check-rule-term-forbidden', {
  en: {
    forbidden: '“{{surface}}” is a forbidden {{lng}} term (concept {{concept}}): use “{{preferred}}”',
    deprecated: '“{{surface}}” is a deprecated {{lng}} term (concept {{concept}}): use “{{preferred}}”',
  },
  ja: {
    forbidden: '「{{surface}}」は {{lng}} の禁止訳語です(概念 {{concept}}):「{{preferred}}」を使ってください',
    deprecated: '「{{surface}}」は {{lng}} の非推奨訳語です(概念 {{concept}}):「{{preferred}}」を使ってください',
  },
});

export const termForbidden: Rule = {
  id: 'term/forbidden',
  description: {
    en: 'A translation uses a forbidden or deprecated term.',
    ja: '訳に禁止または非推奨の訳語が使われている。',
  },
  defaultSeverity: () => 'error',
  check(context) {
    const watched = new Map<string, Concept[]>();
    const conceptsWithBadTerms = (lng: string): Concept[] => {
      let concepts = watched.get(lng);
      if (!concepts) {
        concepts = context.glossary.concepts.filter((concept) => (concept.terms[lng] ?? []).some((term) => isBad(term.status)));
        watched.set(lng, concepts);
      }
      return concepts;
    };
    for (const { inline, targets } of context.articles) {
      for (const target of targets) {
        const concepts = conceptsWithBadTerms(target.lng);
        if (concepts.length === 0) continue;
        for (const pair of target.pairs) {
          if (pair.target === undefined || pair.target.trim() === '') continue;
          const prose = parseSegmentInline(pair.target, inline).prose;
          for (const concept of concepts) {
            const found = context.terms.find(pair.lng, prose, concept);
            const seen = new Set<string>();
            for (const match of found) {
              if (!isBad(match.term.status) || insideAccepted(match, found)) continue;
              const surface = prose.slice(match.start, match.end);
              if (seen.has(surface)) continue;
              seen.add(surface);
              context.report({
                lng: pair.lng,
                ...pair.place,
                key: pair.source.segment.key,
                concept: concept.id,
                message: t(match.term.status, {
                  surface,
                  lng: pair.lng,
                  concept: concept.id,
                  preferred: context.terms.preferred(concept, pair.lng)?.text ?? '',
                }),
                source: pair.source.place,
              });
            }
          }
        }
      }
    }
  },
};

function isBad(status: string): status is 'forbidden' | 'deprecated' {
  return status === 'forbidden' || status === 'deprecated';
}

function insideAccepted(match: TargetTermMatch, all: readonly TargetTermMatch[]): boolean {
  return all.some((other) => !isBad(other.term.status) && other.start <= match.start && other.end >= match.end && other !== match);
}
