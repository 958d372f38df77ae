import { isAcronym, type NormalizedText, normalizeText, normalizeWithMap, originalRange } from '../normalize.js';
import { forLanguage, isAccepted, targetTermsFor } from '../terms.js';
import type { Concept, Term } from '../types.js';
import { english } from './en.js';
import { generic } from './generic.js';
import type { TargetLanguage } from './types.js';
import { chinese } from './zh.js';

export type { TargetLanguage } from './types.js';

/** Language modules by primary language subtag (`zh` serves zh-Hans and zh-Hant). One line per language. */
const modules: Record<string, TargetLanguage> = {
  en: english,
  zh: chinese,
};

/** The module that finds terms in `lng`. */
export function targetLanguage(lng: string): TargetLanguage {
  return modules[lng.split('-')[0]!.toLowerCase()] ?? generic;
}

export interface TargetTermMatch {
  term: Term;
  /** UTF-16 offsets in the text searched. */
  start: number;
  end: number;
}

/**
 * Every occurrence in a translated text of a term of the concept in `lng` — accepted terms and the
 * concept's `forms`, and deprecated or forbidden terms too (each with its status) — sorted by start.
 * Overlapping occurrences keep the longest (`large language model` hides `language model`).
 */
export function findTargetTerms(lng: string, text: string, concept: Concept): TargetTermMatch[] {
  const terms = termsToFind(concept, lng);
  if (terms.length === 0 || !text) return [];
  const normalized = normalizedOnce(text);
  const language = targetLanguage(lng);
  const hits: TargetTermMatch[] = [];
  for (const term of terms) {
    const spelling = normalizeText(term.text);
    if (!spelling) continue;
    const caseSensitive = concept.caseSensitive || isAcronym(spelling);
    for (const hit of language.find(normalized.text, spelling, { caseSensitive })) {
      hits.push({ term, ...originalRange(normalized, hit.start, hit.end) });
    }
  }
  return longestFirst(hits);
}

/** True when the translated text contains a preferred or admitted term (or form) of the concept. */
export function containsAcceptedTerm(lng: string, text: string, concept: Concept): boolean {
  return findTargetTerms(lng, text, concept).some((hit) => isAccepted(hit.term));
}

/** Terms of the concept in `lng` plus its extra forms, which count as admitted. */
function termsToFind(concept: Concept, lng: string): Term[] {
  const terms = targetTermsFor(concept, lng);
  const known = new Set(terms.map((term) => term.text));
  const forms = (forLanguage(concept.forms, lng) ?? []).filter((form) => !known.has(form)).map((form): Term => ({ text: form, status: 'admitted' }));
  return [...terms, ...forms];
}

function longestFirst(hits: TargetTermMatch[]): TargetTermMatch[] {
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || statusOrder(a.term) - statusOrder(b.term));
  const kept: TargetTermMatch[] = [];
  for (const hit of hits) {
    if (!kept.some((other) => hit.start < other.end && other.start < hit.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function statusOrder(term: Term): number {
  return isAccepted(term) ? 0 : 1;
}

// `check` asks about several concepts for the same segment in a row, and several rules ask about the same
// segments one after another: each text is normalized once while it is among the recent ones.
const RECENT = 4096;
const recent = new Map<string, NormalizedText>();

function normalizedOnce(text: string): NormalizedText {
  let normalized = recent.get(text);
  if (!normalized) {
    if (recent.size >= RECENT) recent.clear();
    normalized = normalizeWithMap(text);
    recent.set(text, normalized);
  }
  return normalized;
}
