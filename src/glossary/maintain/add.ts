import { existsSync } from 'node:fs';
import { inputMessage } from '../../util/input-messages.js';
import { YakugoError } from '../../util/errors.js';
import { readTextFile } from '../../util/fs.js';
import { sourceTermKey } from '../load/parse.js';
import { SOURCE_LANGUAGE } from '../terms.js';
import type { Concept, Glossary } from '../types.js';
import { CONCEPT_ID, idFromLatin } from './ids.js';
import { appendConceptsToYaml, CONCEPT_DEFAULTS, conceptsToYamlFile } from './yaml.js';

/** What `yakugo glossary add` was asked to add. */
export interface AddRequest {
  /** The Japanese (source-language) term. */
  term: string;
  /** Target terms by language code (one preferred term each). */
  targets: Record<string, string>;
  id?: string;
  domain?: string;
  definition?: string;
  note?: string;
  /** `false` for names kept as is in every language. */
  translate?: boolean;
}

/**
 * The concept for a request. The id is `--id`, or derived from the English term (`physical AI` →
 * `physical-ai`), or from the Japanese term when it is itself Latin (`DeepSeek` → `deepseek`); a
 * Japanese-only concept needs `--id` (a romanized id guessed from a reading is too often wrong).
 */
export function conceptFromRequest(request: AddRequest): Concept {
  const term = request.term.trim();
  if (!term) throw new YakugoError(inputMessage('emptyTerm'));
  const id = request.id ?? (request.targets['en'] ? idFromLatin(request.targets['en']) : undefined) ?? (/^[\x20-\x7e]+$/.test(term) ? idFromLatin(term) : undefined);
  if (id === undefined) throw new YakugoError(inputMessage('noDerivedId', { term }));
  if (!CONCEPT_ID.test(id)) throw new YakugoError(`invalid id "${id}": ids match ${CONCEPT_ID.source}`);
  const concept: Concept = {
    id,
    translate: request.translate ?? CONCEPT_DEFAULTS.translate,
    caseSensitive: CONCEPT_DEFAULTS.caseSensitive,
    longVowel: CONCEPT_DEFAULTS.longVowel,
    terms: { [SOURCE_LANGUAGE]: [{ text: term, status: 'preferred' }] },
    forms: {},
  };
  if (request.domain) concept.domain = request.domain;
  if (request.definition) concept.definition = request.definition;
  if (request.note) concept.note = request.note;
  for (const [lng, text] of Object.entries(request.targets)) {
    if (text.trim()) concept.terms[lng] = [{ text: text.trim(), status: 'preferred' }];
  }
  return concept;
}

/**
 * Why the concept cannot be added: its id is taken, or its Japanese term (after normalization:
 * `フィジカルAI` = `フィジカル AI`, `ＡＩ` = `AI`) is already a term of another concept.
 */
export function duplicatesOf(concept: Concept, glossary: Glossary): string[] {
  const reasons: string[] = [];
  const where = (other: Concept) => (other.place ? ` (${other.place.file}:${other.place.line})` : '');
  const sameId = glossary.concepts.find((other) => other.id === concept.id);
  if (sameId) reasons.push(`id "${concept.id}" is already used${where(sameId)}`);
  for (const term of concept.terms[SOURCE_LANGUAGE] ?? []) {
    const key = sourceTermKey(term.text);
    for (const other of glossary.concepts) {
      const clash = (other.terms[SOURCE_LANGUAGE] ?? []).find((candidate) => sourceTermKey(candidate.text) === key);
      if (clash) reasons.push(`${SOURCE_LANGUAGE} term "${term.text}" is already ${clash.status === 'preferred' ? 'the' : `a ${clash.status}`} term "${clash.text}" of concept "${other.id}"${where(other)}`);
    }
  }
  return reasons;
}

/** The new text of a glossary file with `concepts` appended (the file is created when missing). */
export function fileWithConcepts(file: string, displayPath: string, concepts: Concept[], languageOrder: readonly string[]): { before: string | undefined; after: string } {
  const before = existsSync(file) ? readTextFile(file, displayPath) : undefined;
  const after = before === undefined ? conceptsToYamlFile(concepts, languageOrder) : appendConceptsToYaml(before, concepts, languageOrder, displayPath);
  return { before, after };
}
