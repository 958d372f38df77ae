import type { Concept, Term } from './types.js';

/** The language glossary terms are matched in (kuromoji is a Japanese tokenizer). */
export const SOURCE_LANGUAGE = 'ja';

/** Statuses a translation may use; deprecated and forbidden terms are listed to be reported. */
export function isAccepted(term: Term): boolean {
  return term.status === 'preferred' || term.status === 'admitted';
}

/**
 * Every term of the concept in `lng`, whatever its status. Names (`translate: false`) are also written
 * with their Japanese terms in every language (NVIDIA stays NVIDIA).
 */
export function targetTermsFor(concept: Concept, lng: string): Term[] {
  const own = forLanguage(concept.terms, lng) ?? [];
  if (concept.translate || lng === SOURCE_LANGUAGE) return own;
  const seen = new Set(own.map((term) => term.text));
  return [...own, ...(concept.terms[SOURCE_LANGUAGE] ?? []).filter((term) => !seen.has(term.text))];
}

/**
 * The entry for `lng`, or for its base language when it has none (`en-GB` uses the `en` terms, as i18next
 * falls back from en-GB to en). Scripts are not crossed: zh-Hant does not use zh-Hans.
 */
export function forLanguage<T>(byLanguage: Record<string, T>, lng: string): T | undefined {
  if (byLanguage[lng] !== undefined) return byLanguage[lng];
  const base = lng.split('-')[0]!;
  return base !== lng && !/-[A-Z][a-z]{3}\b/.test(lng) ? byLanguage[base] : undefined;
}

/** Preferred and admitted terms of the concept in `lng` (preferred first). */
export function acceptedTerms(concept: Concept, lng: string): Term[] {
  const terms = targetTermsFor(concept, lng).filter(isAccepted);
  return [...terms.filter((term) => term.status === 'preferred'), ...terms.filter((term) => term.status !== 'preferred')];
}

/** The term a translation should use in `lng`, or undefined when the glossary has none. */
export function preferredTerm(concept: Concept, lng: string): Term | undefined {
  return acceptedTerms(concept, lng)[0];
}
