import { languageTag } from '../../config/schema.js';
import { YakugoError } from '../../util/errors.js';
import { type Label, glossaryMessage, labelText, listText } from '../messages.js';
import { foldCase, normalizeText } from '../normalize.js';
import { SOURCE_LANGUAGE } from '../terms.js';
import { applyRule } from '../rules/apply.js';
import { compileRule, RulePatternError } from '../rules/compile.js';
import { isCatastrophic } from '../rules/safety.js';
import type { Concept, ConceptExamples, GlossaryPlace, RuleSpec, SourceRule, Term, TermStatus } from '../types.js';
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

// Labels of fields read for every concept, made once (a label is only translated when an error is raised).
const GLOSSARY_FILE: Label = { key: 'glossaryFile' };
const CONCEPT: Label = { key: 'concept' };
const EXAMPLE: Label = { key: 'example' };
const FIELD_LABELS = new Map<string, Label>(['id', 'status', 'forms', 'examples', ...TEXT_FIELDS, ...FLAG_FIELDS].map((name) => [name, { key: 'field', name }]));

function fieldLabel(name: string): Label {
  return FIELD_LABELS.get(name) ?? { key: 'field', name };
}

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

  map(node: YamlNode, what: Label): YamlMap {
    if (node.kind !== 'map') throw this.error(node, glossaryMessage('mustBeMapping', { what: labelText(what) }));
    return node;
  }

  string(node: YamlNode, what: Label): string {
    if (node.kind !== 'scalar') throw this.error(node, glossaryMessage('mustBeString', { what: labelText(what) }));
    if (node.type === 'null') throw this.error(node, glossaryMessage('isEmpty', { what: labelText(what) }));
    if (node.type !== 'string') {
      throw this.error(node, glossaryMessage('mustBeStringNot', { what: labelText(what), kind: glossaryMessage(`kind.${node.type}`), value: node.value }));
    }
    return node.value;
  }

  /** A term or sentence: a non-empty string, trimmed. */
  text(node: YamlNode, what: Label): string {
    const value = this.string(node, what).trim();
    if (!value) throw this.error(node, glossaryMessage('isEmpty', { what: labelText(what) }));
    return value;
  }

  boolean(node: YamlNode, what: Label): boolean {
    if (node.kind !== 'scalar' || node.type !== 'boolean') throw this.error(node, glossaryMessage('mustBeBoolean', { what: labelText(what) }));
    return /^t/i.test(node.value);
  }

  /** A string or a list of strings. */
  strings(node: YamlNode, what: Label): Array<{ value: string; node: YamlNode }> {
    const items = node.kind === 'seq' ? node.items : [node];
    return items.map((item) => ({ value: this.text(item, what), node: item }));
  }

  /** A key that names a language: a valid tag, and one of the configured languages when those are known. */
  language(key: YamlScalar, where: 'terms' | 'forms'): string {
    const lng = key.value;
    // A glossary uses a handful of codes thousands of times: validate each once.
    if (this.validLanguages.has(lng)) return lng;
    if (!languageTag.safeParse(lng).success) throw this.error(key, glossaryMessage(where === 'forms' ? 'unknownLanguageInForms' : 'unknownLanguage', { lng }));
    if (this.languages && !this.languages.has(lng)) {
      throw this.error(key, glossaryMessage('unconfiguredLanguage', { lng, configured: listText(this.languages) }));
    }
    this.validLanguages.add(lng);
    return lng;
  }
}

/** Parses and validates one glossary file. `displayPath` is only used in messages and places. */
export function parseGlossaryFile(text: string, displayPath: string, options: ParseOptions = {}): Concept[] {
  return parseGlossaryDocument(text, displayPath, options).concepts;
}

/** A glossary file's concepts and source rules (each rule compiled and its specs run). */
export function parseGlossaryDocument(text: string, displayPath: string, options: ParseOptions = {}): { concepts: Concept[]; rules: SourceRule[] } {
  const languages = options.languages ? new Set([SOURCE_LANGUAGE, ...options.languages]) : undefined;
  const reader = new Reader(text, displayPath, languages);
  const root = parseYamlTree(text, displayPath);
  const concepts: Concept[] = [];
  const rules: SourceRule[] = [];
  if (root === null || (root.kind === 'scalar' && root.type === 'null')) return { concepts, rules };
  const top = reader.map(root, GLOSSARY_FILE);
  for (const { key, value } of top.entries) {
    if (key.value !== 'concepts' && key.value !== 'rules') throw reader.error(key, glossaryMessage('unknownTopField', { field: key.value }));
    if (value.kind === 'scalar' && value.type === 'null') continue;
    if (value.kind !== 'seq') throw reader.error(value, glossaryMessage(key.value === 'rules' ? 'rulesNotList' : 'conceptsNotList'));
    if (key.value === 'rules') for (const item of value.items) rules.push(readRule(reader, item));
    else for (const item of value.items) concepts.push(readConcept(reader, item));
  }
  if (!options.skipCrossCheck) checkConcepts(concepts);
  return { concepts, rules };
}

const RULE_FIELDS = new Set(['expected', 'pattern', 'patterns', 'regexpMustEmpty', 'wordBoundary', 'insideWords', 'note', 'specs']);
const RULE: Label = { key: 'field', name: 'rules' };

/**
 * One source rule (prh's rule shape): `expected`, `pattern`/`patterns` (strings or `/regex/flags`),
 * `regexpMustEmpty`, `wordBoundary`, `insideWords`, `note`, `specs`. The patterns are compiled as prh compiles them and
 * every spec is run on the spot: a failing spec is an error at its line, like a failing example.
 */
function readRule(reader: Reader, node: YamlNode): SourceRule {
  const map = reader.map(node, RULE);
  let expected: string | undefined;
  const patterns: string[] = [];
  const patternNodes: YamlNode[] = [];
  let mustEmpty: { value: string; node: YamlNode } | undefined;
  let wordBoundary = false;
  let insideWords = false;
  let note: string | undefined;
  const specs: RuleSpec[] = [];
  const specNodes: YamlNode[] = [];
  for (const { key, value } of map.entries) {
    const field = key.value;
    if (!RULE_FIELDS.has(field)) throw reader.error(key, glossaryMessage('unknownRuleField', { field }));
    if (field === 'expected') {
      // Not trimmed and may be empty: prh replaces with exactly this text.
      if (value.kind !== 'scalar' || value.type === 'null') throw reader.error(value, glossaryMessage('mustBeString', { what: 'expected' }));
      expected = value.value;
    } else if (field === 'pattern' || field === 'patterns') {
      for (const item of value.kind === 'seq' ? value.items : [value]) {
        const pattern = reader.string(item, fieldLabel(field));
        if (pattern === '') throw reader.error(item, glossaryMessage('ruleEmptyPattern'));
        patterns.push(pattern);
        patternNodes.push(item);
      }
    } else if (field === 'regexpMustEmpty') {
      mustEmpty = { value: reader.string(value, fieldLabel(field)), node: value };
    } else if (field === 'wordBoundary') {
      wordBoundary = reader.boolean(value, fieldLabel(field));
    } else if (field === 'insideWords') {
      insideWords = reader.boolean(value, fieldLabel(field));
    } else if (field === 'note') {
      note = reader.text(value, fieldLabel(field));
    } else {
      if (value.kind !== 'seq') throw reader.error(value, glossaryMessage('ruleSpecFields'));
      for (const item of value.items) {
        const spec = reader.map(item, fieldLabel('specs'));
        const fields = new Map(spec.entries.map((entry) => [entry.key.value, entry.value]));
        const from = fields.get('from');
        const to = fields.get('to');
        if (!from || !to || fields.size !== 2) throw reader.error(item, glossaryMessage('ruleSpecFields'));
        specs.push({ from: reader.string(from, EXAMPLE), to: reader.string(to, EXAMPLE), place: reader.place(item) });
        specNodes.push(item);
      }
    }
  }
  if (expected === undefined) throw reader.error(map, glossaryMessage('ruleNoExpected'));
  let regex: RegExp;
  try {
    regex = compileRule(patterns, expected, wordBoundary);
  } catch (error) {
    if (!(error instanceof RulePatternError)) throw error;
    throw reader.error(error.index !== undefined ? patternNodes[error.index]! : map, glossaryMessage('ruleBadPattern', { error: error.message }));
  }
  let regexpMustEmpty: number | undefined;
  if (mustEmpty) {
    const group = /^\$([0-9]+)$/.exec(mustEmpty.value);
    if (!group) throw reader.error(mustEmpty.node, glossaryMessage('ruleMustEmpty', { value: mustEmpty.value }));
    regexpMustEmpty = Number.parseInt(group[1]!, 10);
    if (regexpMustEmpty > groupCount(regex)) throw reader.error(mustEmpty.node, glossaryMessage('ruleMustEmptyGroup', { value: mustEmpty.value }));
  }
  const rule: SourceRule = { expected, patterns, regex, regexpMustEmpty, wordBoundary, insideWords, unsafe: isCatastrophic(regex), note, specs, place: reader.place(map) };
  // An unsafe pattern is never run, not even on its specs.
  if (rule.unsafe) return rule;
  specs.forEach((spec, index) => {
    const got = applyRule(rule, spec.from);
    if (got !== spec.to) throw reader.error(specNodes[index]!, glossaryMessage('ruleSpecFails', { expected, from: spec.from, got, to: spec.to }));
  });
  return rule;
}

/** How many capture groups a regular expression has. */
function groupCount(regex: RegExp): number {
  return new RegExp(`${regex.source}|`, regex.flags.replace(/[gy]/g, '')).exec('')!.length - 1;
}

function readConcept(reader: Reader, node: YamlNode): Concept {
  const map = reader.map(node, CONCEPT);
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
      const id = reader.text(value, fieldLabel('id'));
      if (!ID.test(id)) throw reader.error(value, glossaryMessage('invalidId', { id }));
      concept.id = id;
    } else if ((TEXT_FIELDS as readonly string[]).includes(field)) {
      concept[field as (typeof TEXT_FIELDS)[number]] = reader.text(value, fieldLabel(field));
    } else if ((FLAG_FIELDS as readonly string[]).includes(field)) {
      concept[field as (typeof FLAG_FIELDS)[number]] = reader.boolean(value, fieldLabel(field));
    } else if (field === 'forms') {
      for (const entry of reader.map(value, fieldLabel('forms')).entries) {
        const lng = reader.language(entry.key, 'forms');
        concept.forms[lng] = reader.strings(entry.value, { key: 'formIn', lng }).map((form) => form.value);
      }
    } else if (field === 'examples') {
      concept.examples = readExamples(reader, value);
    } else if (!CONCEPT_FIELDS.has(field) && /^[a-z]{2,3}(?:-|$)/.test(field)) {
      concept.terms[reader.language(key, 'terms')] = readTerms(reader, value, field);
    } else {
      throw reader.error(key, glossaryMessage('unknownConceptField', { field }));
    }
  }
  if (!concept.id) throw reader.error(map, glossaryMessage('noId'));
  if (!concept.terms[SOURCE_LANGUAGE]?.length) throw reader.error(map, glossaryMessage('noSourceTerm', { id: concept.id, lng: SOURCE_LANGUAGE }));
  return concept;
}

/**
 * Terms of one language: `term`, `[term, term]` or items `{ term, status }`. Without an explicit
 * `preferred`, the first plain term is preferred and the others admitted.
 */
function readTerms(reader: Reader, node: YamlNode, lng: string): Term[] {
  const items = node.kind === 'seq' ? node.items : [node];
  if (items.length === 0) throw reader.error(node, glossaryMessage('noTerm', { lng }));
  const termLabel: Label = { key: 'termIn', lng };
  const read = items.map((item) => {
    if (item.kind === 'map') {
      let text: string | undefined;
      let status: TermStatus | undefined;
      for (const { key, value } of item.entries) {
        if (key.value === 'term') text = reader.text(value, termLabel);
        else if (key.value === 'status') {
          const given = reader.string(value, fieldLabel('status'));
          if (!(STATUSES as readonly string[]).includes(given)) {
            throw reader.error(value, glossaryMessage('unknownStatus', { status: given, statuses: listText(STATUSES) }));
          }
          status = given as TermStatus;
        } else throw reader.error(key, glossaryMessage('unknownTermField', { field: key.value }));
      }
      if (text === undefined) throw reader.error(item, glossaryMessage('termWithoutText', { lng }));
      return { text, status, place: reader.place(item) };
    }
    return { text: reader.text(item, termLabel), status: undefined, place: reader.place(item) };
  });
  const secondPreferred = read.findIndex((term, index) => term.status === 'preferred' && read.findIndex((other) => other.status === 'preferred') < index);
  if (secondPreferred >= 0) throw reader.error(items[secondPreferred]!, glossaryMessage('twoPreferred', { lng }));
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
    if (seen.has(key)) throw reader.error(items[index]!, glossaryMessage('termTwice', { lng, term: term.text }));
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
  for (const { key, value } of reader.map(node, fieldLabel('examples')).entries) {
    if (key.value !== 'match' && key.value !== 'noMatch') throw reader.error(key, glossaryMessage('unknownExamplesField', { field: key.value }));
    for (const sentence of reader.strings(value, EXAMPLE)) {
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
    if (first) throw placedError(concept.place, glossaryMessage('duplicateId', { id: concept.id, first: where(first.place) }));
    ids.set(concept.id, concept);
    for (const term of concept.terms[SOURCE_LANGUAGE] ?? []) {
      const key = sourceTermKey(term.text);
      const owner = owners.get(key);
      if (owner && owner !== concept) {
        throw placedError(term.place, glossaryMessage('termOfOtherConcept', { lng: SOURCE_LANGUAGE, term: term.text, owner: owner.id, at: where(owner.place) }));
      }
      owners.set(key, concept);
    }
  }
}

function where(place: GlossaryPlace | undefined): string {
  return place ? `${place.file}:${place.line}:${place.column}` : glossaryMessage('unknownPlace');
}

function placedError(place: GlossaryPlace | undefined, message: string): YakugoError {
  return new YakugoError(message, { file: place?.file, place: place ? { line: place.line, column: place.column } : undefined });
}
