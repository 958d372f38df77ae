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

/** One `specs` entry of a source rule: applying the rule to `from` must give `to`. */
export interface RuleSpec {
  from: string;
  to: string;
  place?: GlossaryPlace;
}

/**
 * A prh-style rule on the Japanese source (glossary files' `rules:` list): what `pattern` matches is
 * rewritten to `expected`, with `$1`…`$9` taken from the match. See docs/formats/glossary-rules.md.
 */
export interface SourceRule {
  /** The replacement as written (`$1` … `$9` refer to the pattern's groups). */
  expected: string;
  /** The patterns as written: strings, or `/regex/flags`. Empty when the rule matches `expected` itself. */
  patterns: string[];
  /** Compiled the way prh compiles it (flags g, m, u, plus i when the pattern has it). */
  regex: RegExp;
  /** Group number that must be empty for a match to count (prh's `regexpMustEmpty: $1`). */
  regexpMustEmpty?: number;
  wordBoundary: boolean;
  /** Report matches that start or end inside a kuromoji token too, as prh does (default false). */
  insideWords: boolean;
  /** The pattern can backtrack catastrophically: the loader refuses the rule, `glossary lint` reports it. */
  unsafe: boolean;
  note?: string;
  specs: RuleSpec[];
  place?: GlossaryPlace;
}

export interface Glossary {
  concepts: Concept[];
  /** Source rules of every file, in load order (absent in glossaries built by hand). */
  rules?: SourceRule[];
  /** The glossary files read, relative to the root, in load order. */
  files: string[];
}
