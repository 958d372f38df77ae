/**
 * The glossary data model (concept-oriented, like TBX). Loaded from `glossary/*.yaml`.
 */

export type TermStatus = 'preferred' | 'admitted' | 'deprecated' | 'forbidden';

/** Where something stands in a glossary file (1-based line and column). */
export interface GlossaryPlace {
  file: string;
  line: number;
  column: number;
}

export interface Term {
  text: string;
  status: TermStatus;
  place?: GlossaryPlace;
}

export interface ConceptExamples {
  /** Japanese sentences that must contain a match of the concept. */
  match: string[];
  /** Japanese sentences that must not. */
  noMatch: string[];
  /** Where each sentence is written (same order as `match` and `noMatch`), for load errors. */
  places?: { match: GlossaryPlace[]; noMatch: GlossaryPlace[] };
}

export interface Concept {
  id: string;
  domain?: string;
  definition?: string;
  note?: string;
  /** `false` for names that stay the same in every language (DeepSeek, NVIDIA, H800). */
  translate: boolean;
  caseSensitive: boolean;
  /** Japanese matching also accepts katakana long-vowel variants (コンピュータ / コンピューター). */
  longVowel: boolean;
  /** Terms per language code; the first non-deprecated/forbidden term is the preferred one. */
  terms: Record<string, Term[]>;
  /** Extra accepted target forms per language (irregular plurals, inflections). */
  forms: Record<string, string[]>;
  examples?: ConceptExamples;
  place?: GlossaryPlace;
}

export interface Glossary {
  concepts: Concept[];
  /** The glossary files read, relative to the root, in load order. */
  files: string[];
}
