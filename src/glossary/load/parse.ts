import { languageTag } from '../../config/schema.js';
import { YakugoError } from '../../util/errors.js';
import { foldCase, normalizeText } from '../normalize.js';
import { SOURCE_LANGUAGE } from '../terms.js';
import type { Concept, ConceptExamples, GlossaryPlace, Term, TermStatus } from '../types.js';
import { LineIndex, parseYamlTree, type YamlMap, type YamlNode, type YamlScalar } from './yaml-tree.js';

/**
 * Reads one glossary file into concepts, checking every field and pointing errors at the offending key or
 * value. The format:
 *
 * ```yaml
 * concepts:
 *   - id: physical-ai
 *     ja: [フィジカル AI, { term: 物理 AI, status: admitted }]
 *     en: physical AI
 *     examples: { match: [物理 AI へ], noMatch: [物理学の AI 応用] }
 * ```
 */

export interface ParseOptions {
  /** Language codes a term may be given in; any valid tag when undefined. */
  languages?: string[];
  /** Skip the duplicate checks across concepts (the caller runs `checkConcepts` on all files at once). */
  skipCrossCheck?: boolean;
}

const ID = /^[a-z0-9][a-z0-9.+-]*$/;
const STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated', 'forbidden'];
const TEXT_FIELDS = ['domain', 'definition', 'note'] as const;
const FLAG_FIELDS = ['translate', 'caseSensitive', 'longVowel'] as const;
const CONCEPT_FIELDS = new Set<string>(['id', ...TEXT_FIELDS, ...FLAG_FIELDS, 'forms', 'examples']);

class Reader {
  private readonly lines: LineIndex;
  private readonly validLanguages = new Set<string>();

  constructor(
    text: string,
    readonly file: string,
    readonly languages: Set<string> | undefined,
  ) {
    this.lines = new LineIndex(text);
  }

  place(node: { start: number }): GlossaryPlace {
    const { line, column } = this.lines.place(Math.max(0, node.start));
    return { file: this.file, line, column };
  }

  error(node: { start: number }, message: string): YakugoError {
    const { line, column } = this.place(node);
    return new YakugoError(message, { file: this.file, place: { line, column } });
  }

  map(node: YamlNode, what: string): YamlMap {
    if (node.kind !== 'map') throw this.error(node, `${what} must be a mapping (key: value)`);
    return node;
  }

  string(node: YamlNode, what: string): string {
    if (node.kind !== 'scalar') throw this.error(node, `${what} must be a string`);
    if (node.type === 'null') throw this.error(node, `${what} is empty`);
    if (node.type !== 'string') throw this.error(node, `${what} must be a string, not the ${node.type} ${node.value} (quote it: "${node.value}")`);
    return node.value;
  }

  /** A term or sentence: a non-empty string, trimmed. */
  text(node: YamlNode, what: string): string {
    const value = this.string(node, what).trim();
    if (!value) throw this.error(node, `${what} is empty`);
    return value;
  }

  boolean(node: YamlNode, what: string): boolean {
    if (node.kind !== 'scalar' || node.type !== 'boolean') throw this.error(node, `${what} must be true or false`);
    return /^t/i.test(node.value);
  }

  /** A string or a list of strings. */
  strings(node: YamlNode, what: string): Array<{ value: string; node: YamlNode }> {
    const items = node.kind === 'seq' ? node.items : [node];
    return items.map((item) => ({ value: this.text(item, what), node: item }));
  }

  /** A key that names a language: a valid tag, and one of the configured languages when those are known. */
  language(key: YamlScalar, what: string): string {
    const lng = key.value;
    // A glossary uses a handful of codes thousands of times: validate each once.
    if (this.validLanguages.has(lng)) return lng;
    if (!languageTag.safeParse(lng).success) throw this.error(key, `unknown ${what} "${lng}"`);
    if (this.languages && !this.languages.has(lng)) {
      throw this.error(key, `unknown language code "${lng}" (configured: ${[...this.languages].join(', ')})`);
    }
    this.validLanguages.add(lng);
    return lng;
  }
}

/** Parses and validates one glossary file. `displayPath` is only used in messages and places. */
export function parseGlossaryFile(text: string, displayPath: string, options: ParseOptions = {}): Concept[] {
  const languages = options.languages ? new Set([SOURCE_LANGUAGE, ...options.languages]) : undefined;
  const reader = new Reader(text, displayPath, languages);
  const root = parseYamlTree(text, displayPath);
  if (root === null || (root.kind === 'scalar' && root.type === 'null')) return [];
  const top = reader.map(root, 'a glossary file');
  const concepts: Concept[] = [];
  for (const { key, value } of top.entries) {
    if (key.value !== 'concepts') throw reader.error(key, `unknown field "${key.value}" (a glossary file has "concepts:")`);
    if (value.kind === 'scalar' && value.type === 'null') continue;
    if (value.kind !== 'seq') throw reader.error(value, '"concepts" must be a list of concepts');
    for (const item of value.items) concepts.push(readConcept(reader, item));
  }
  if (!options.skipCrossCheck) checkConcepts(concepts);
  return concepts;
}

function readConcept(reader: Reader, node: YamlNode): Concept {
  const map = reader.map(node, 'a concept');
  const concept: Concept = {
    id: '',
    translate: true,
    caseSensitive: false,
    longVowel: false,
    terms: {},
    forms: {},
    place: reader.place(map),
  };
  for (const { key, value } of map.entries) {
    const field = key.value;
    if (field === 'id') {
      const id = reader.text(value, 'id');
      if (!ID.test(id)) throw reader.error(value, `invalid id "${id}": use lowercase letters, digits and . + - (e.g. physical-ai)`);
      concept.id = id;
    } else if ((TEXT_FIELDS as readonly string[]).includes(field)) {
      concept[field as (typeof TEXT_FIELDS)[number]] = reader.text(value, field);
    } else if ((FLAG_FIELDS as readonly string[]).includes(field)) {
      concept[field as (typeof FLAG_FIELDS)[number]] = reader.boolean(value, field);
    } else if (field === 'forms') {
      for (const entry of reader.map(value, 'forms').entries) {
        const lng = reader.language(entry.key, 'language code in forms');
        concept.forms[lng] = reader.strings(entry.value, `a form in ${lng}`).map((form) => form.value);
      }
    } else if (field === 'examples') {
      concept.examples = readExamples(reader, value);
    } else if (!CONCEPT_FIELDS.has(field) && /^[a-z]{2,3}(?:-|$)/.test(field)) {
      concept.terms[reader.language(key, 'language code')] = readTerms(reader, value, field);
    } else {
      throw reader.error(key, `unknown field "${field}" in a concept`);
    }
  }
  if (!concept.id) throw reader.error(map, 'concept has no id');
  if (!concept.terms[SOURCE_LANGUAGE]?.length) throw reader.error(map, `concept "${concept.id}" has no ${SOURCE_LANGUAGE} term`);
  return concept;
}

/**
 * Terms of one language: `term`, `[term, term]` or items `{ term, status }`. Without an explicit
 * `preferred`, the first plain term is preferred and the others admitted.
 */
function readTerms(reader: Reader, node: YamlNode, lng: string): Term[] {
  const items = node.kind === 'seq' ? node.items : [node];
  if (items.length === 0) throw reader.error(node, `no ${lng} term`);
  const read = items.map((item) => {
    if (item.kind === 'map') {
      let text: string | undefined;
      let status: TermStatus | undefined;
      for (const { key, value } of item.entries) {
        if (key.value === 'term') text = reader.text(value, `${lng} term`);
        else if (key.value === 'status') {
          const given = reader.string(value, 'status');
          if (!(STATUSES as readonly string[]).includes(given)) throw reader.error(value, `unknown status "${given}" (use ${STATUSES.join(', ')})`);
          status = given as TermStatus;
        } else throw reader.error(key, `unknown field "${key.value}" in a term (use term, status)`);
      }
      if (text === undefined) throw reader.error(item, `${lng} term has no "term:"`);
      return { text, status, place: reader.place(item) };
    }
    return { text: reader.text(item, `${lng} term`), status: undefined, place: reader.place(item) };
  });
  const secondPreferred = read.findIndex((term, index) => term.status === 'preferred' && read.findIndex((other) => other.status === 'preferred') < index);
  if (secondPreferred >= 0) throw reader.error(items[secondPreferred]!, `two preferred ${lng} terms`);
  let preferredGiven = read.some((term) => term.status === 'preferred');
  const terms: Term[] = [];
  const seen = new Set<string>();
  read.forEach((term, index) => {
    let status = term.status;
    if (status === undefined) {
      status = preferredGiven ? 'admitted' : 'preferred';
      preferredGiven = true;
    }
    const key = read.length === 1 ? '' : lng === SOURCE_LANGUAGE ? sourceTermKey(term.text) : term.text;
    if (seen.has(key)) throw reader.error(items[index]!, `${lng} term "${term.text}" is listed twice`);
    seen.add(key);
    terms.push({ text: term.text, status, place: term.place });
  });
  return terms;
}

/** Japanese terms that match the same text are the same term: `フィジカル AI` = `フィジカルAI`, `ＡＩ` = `AI`. */
export function sourceTermKey(term: string): string {
  return foldCase(normalizeText(term));
}

function readExamples(reader: Reader, node: YamlNode): ConceptExamples {
  const examples: ConceptExamples = { match: [], noMatch: [], places: { match: [], noMatch: [] } };
  for (const { key, value } of reader.map(node, 'examples').entries) {
    if (key.value !== 'match' && key.value !== 'noMatch') throw reader.error(key, `unknown field "${key.value}" in examples (use match, noMatch)`);
    for (const sentence of reader.strings(value, `an example`)) {
      examples[key.value].push(sentence.value);
      examples.places![key.value].push(reader.place(sentence.node));
    }
  }
  return examples;
}

/** Errors that involve two concepts, in load order: a duplicate id, or one Japanese term in two concepts. */
export function checkConcepts(concepts: Concept[]): void {
  const ids = new Map<string, Concept>();
  const owners = new Map<string, Concept>();
  for (const concept of concepts) {
    const first = ids.get(concept.id);
    if (first) throw placedError(concept.place, `duplicate concept id "${concept.id}" (first at ${where(first.place)})`);
    ids.set(concept.id, concept);
    for (const term of concept.terms[SOURCE_LANGUAGE] ?? []) {
      const key = sourceTermKey(term.text);
      const owner = owners.get(key);
      if (owner && owner !== concept) {
        throw placedError(term.place, `${SOURCE_LANGUAGE} term "${term.text}" is already a term of concept "${owner.id}" (${where(owner.place)})`);
      }
      owners.set(key, concept);
    }
  }
}

function where(place: GlossaryPlace | undefined): string {
  return place ? `${place.file}:${place.line}:${place.column}` : 'unknown place';
}

function placedError(place: GlossaryPlace | undefined, message: string): YakugoError {
  return new YakugoError(message, { file: place?.file, place: place ? { line: place.line, column: place.column } : undefined });
}
