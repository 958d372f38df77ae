import type { Concept, SourceRule } from '../types.js';

/** What an exporter needs to know about the project. */
export interface ExportOptions {
  /** Source rules to write too (prh only: written back as prh rules). */
  rules?: readonly SourceRule[];
  /** The language articles are written in (`ja`). */
  sourceLanguage: string;
  /** Target languages to write, in column / langSec order (the source language is always written first). */
  languages: string[];
}

/** What an importer needs to know about the project. */
export interface ImportOptions {
  sourceLanguage: string;
  /** Target languages configured; a `translate: false` concept is written for these. */
  languages: string[];
}

/** One concept read from an interchange file. */
export interface ImportedConcept {
  concept: Concept;
  /** The file gave the id (TBX `id`, CSV `id` column); otherwise it is derived from the terms later. */
  idGiven: boolean;
}

/** A source rule read from an interchange file (prh), as it will be written under `rules:`. */
export interface ImportedRule {
  rule: {
    expected: string;
    pattern?: string;
    patterns?: string[];
    regexpMustEmpty?: string;
    wordBoundary?: boolean;
    insideWords?: boolean;
    note?: string;
    specs?: Array<{ from: string; to: string }>;
  };
  place: { file: string; line: number; column: number };
}

/** Something in the file that could not become glossary data, reported rather than dropped silently. */
export interface ImportNote {
  /** The file the note is about, when not the file imported (a file it imports). */
  file?: string;
  line: number;
  column: number;
  message: string;
}

export interface ImportResult {
  concepts: ImportedConcept[];
  notes: ImportNote[];
  /** Source rules (prh only). */
  rules?: ImportedRule[];
  /** prh only: rules read (imports included), and how many became concepts or source rules. */
  counts?: { read: number; asConcepts: number; asRules: number };
}

/** The list under `key`, created empty when missing. */
export function listOf<T>(record: Record<string, T[]>, key: string): T[] {
  let list = record[key];
  if (!list) {
    list = [];
    record[key] = list;
  }
  return list;
}
