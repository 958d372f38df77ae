import { Document, isMap, isSeq, stringify } from 'yaml';
import { inputMessage } from '../../util/input-messages.js';
import { YakugoError } from '../../util/errors.js';
import type { Concept, Term } from '../types.js';
import { parseYaml } from '../../util/yaml.js';

/**
 * Defaults of the glossary format: a key equal to its default is not written, so stubs stay short.
 * Keep in step with src/glossary/load.ts.
 */
export const CONCEPT_DEFAULTS = { translate: true, caseSensitive: false, longVowel: false } as const;

type YamlTerm = string | { term: string; status: Term['status'] };

/** A term list in the format's shortest form: `蒸留`, or `[サーバー, { term: サーバ, status: deprecated }]`. */
function termsToYaml(terms: Term[]): string | YamlTerm[] {
  const [first] = terms;
  if (terms.length === 1 && first?.status === 'preferred') return first.text;
  return terms.map((term, index) => (index === 0 && term.status === 'preferred' ? term.text : { term: term.text, status: term.status }));
}

/**
 * The plain object a concept is written as, keys in the order editors read them: id, domain, definition,
 * note, flags, the source language, then the other languages in `languageOrder` (then any others, sorted),
 * forms and examples.
 */
export function conceptToYaml(concept: Concept, languageOrder: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: concept.id };
  if (concept.domain !== undefined) out['domain'] = concept.domain;
  if (concept.definition !== undefined) out['definition'] = concept.definition;
  if (concept.note !== undefined) out['note'] = concept.note;
  if (concept.translate !== CONCEPT_DEFAULTS.translate) out['translate'] = concept.translate;
  if (concept.longVowel !== CONCEPT_DEFAULTS.longVowel) out['longVowel'] = concept.longVowel;
  if (concept.caseSensitive !== CONCEPT_DEFAULTS.caseSensitive) out['caseSensitive'] = concept.caseSensitive;
  const languages = [...languageOrder.filter((lng) => concept.terms[lng]), ...Object.keys(concept.terms).filter((lng) => !languageOrder.includes(lng)).sort()];
  for (const lng of languages) {
    const terms = concept.terms[lng];
    if (terms && terms.length > 0) out[lng] = termsToYaml(terms);
  }
  const forms = Object.entries(concept.forms).filter(([, list]) => list.length > 0);
  if (forms.length > 0) out['forms'] = Object.fromEntries(forms.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (concept.examples && (concept.examples.match.length > 0 || concept.examples.noMatch.length > 0)) {
    const examples: Record<string, string[]> = {};
    if (concept.examples.match.length > 0) examples['match'] = concept.examples.match;
    if (concept.examples.noMatch.length > 0) examples['noMatch'] = concept.examples.noMatch;
    out['examples'] = examples;
  }
  return out;
}

/** Concepts as the text of a new glossary file. */
export function conceptsToYamlFile(concepts: Concept[], languageOrder: readonly string[]): string {
  const document = new Document({ concepts: concepts.map((concept) => conceptToYaml(concept, languageOrder)) });
  return document.toString({ lineWidth: 0 });
}

/**
 * Appends concepts to the `concepts:` list of an existing glossary file, leaving every byte of the file
 * outside the inserted block as it was (comments, quoting, blank lines, CRLF). The new items are written
 * after the last item of the list, indented like the first one. A file without a block `concepts:` list
 * (empty, or `concepts: []`) is rewritten through the yaml Document API, which keeps its comments.
 */
export function appendConceptsToYaml(text: string, concepts: Concept[], languageOrder: readonly string[], displayPath: string): string {
  return appendToList(text, 'concepts', concepts.map((concept) => conceptToYaml(concept, languageOrder)), displayPath);
}

/** Appends source rules (prh rules, as written in a glossary file) to the `rules:` list the same way. */
export function appendRulesToYaml(text: string, rules: readonly object[], displayPath: string): string {
  return appendToList(text, 'rules', [...rules], displayPath);
}

function appendToList(text: string, key: 'concepts' | 'rules', values: unknown[], displayPath: string): string {
  if (values.length === 0) return text;
  const { document } = parseYaml(text, displayPath, { keepSourceTokens: true });
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const root = document.contents;
  const list = isMap(root) ? root.get(key, true) : undefined;
  if (isSeq(list) && !list.flow && list.items.length > 0) {
    const lastItem = list.items.at(-1) as { range?: [number, number, number] } | undefined;
    const firstItem = list.items[0] as { range?: [number, number, number] } | undefined;
    if (lastItem?.range && firstItem?.range) {
      const firstLineStart = text.lastIndexOf('\n', firstItem.range[0] - 1) + 1;
      const dash = text.slice(firstLineStart, firstItem.range[0]).indexOf('-');
      const indent = ' '.repeat(Math.max(0, dash));
      // Insert after the line the last item ends on.
      const valueEnd = lastItem.range[1];
      const lineEnd = text.indexOf('\n', Math.max(valueEnd - 1, 0));
      const at = lineEnd === -1 ? text.length : lineEnd + 1;
      const block = itemsBlock(values, indent, newline);
      const before = text.slice(0, at);
      const separator = before.length > 0 && !before.endsWith('\n') ? newline : '';
      return before + separator + block + text.slice(at);
    }
  }
  // No such key in a block mapping: the list goes at the end of the file, every other byte kept.
  if (isMap(root) && !root.flow && list === undefined && root.items.length > 0) {
    const before = text.length > 0 && !text.endsWith('\n') ? text + newline : text;
    return `${before}${key}:${newline}${itemsBlock(values, '  ', newline)}`;
  }
  // No block list to append to: go through the Document API (keeps comments, may reflow the list).
  if (!isMap(root)) {
    if (root !== null && root !== undefined) {
      throw new YakugoError(inputMessage('glossaryNotMapping'), { file: displayPath, place: { line: 1, column: 1 } });
    }
    const prefix = text.trim().length > 0 ? text + (text.endsWith('\n') ? '' : newline) : '';
    return prefix + new Document({ [key]: values }).toString({ lineWidth: 0 }).replace(/\n/g, newline);
  }
  const existing = isSeq(list) ? (list.toJSON() as unknown[]) : [];
  (root as unknown as { set(key: unknown, value: unknown): void }).set(key, document.createNode([...existing, ...values]));
  return document.toString({ lineWidth: 0 }).replace(/\r?\n/g, newline);
}

/** The YAML of `values` as list items at `indent`, each line ending in `newline`. */
function itemsBlock(values: unknown[], indent: string, newline: string): string {
  const yaml = stringify(values, { lineWidth: 0 });
  return yaml
    .split('\n')
    .filter((line, index, lines) => !(index === lines.length - 1 && line === ''))
    .map((line) => (line === '' ? '' : indent + line) + newline)
    .join('');
}
