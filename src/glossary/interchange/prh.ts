import { isMap, isScalar, isSeq, type LineCounter, type Node, stringify } from 'yaml';
import { YakugoError } from '../../util/errors.js';
import { CONCEPT_DEFAULTS } from '../maintain/yaml.js';
import { glossaryMessage } from '../messages.js';
import type { Concept, Term } from '../types.js';
import type { ExportOptions, ImportedConcept, ImportNote, ImportOptions, ImportResult } from './types.js';
import { parseYaml } from '../../util/yaml.js';

/**
 * prh (textlint-rule-prh) dictionaries: `version: 1` and `rules:` of `{ expected, pattern | patterns,
 * specs: [{ from, to }], prh }`.
 *
 * Mapping:
 * - each rule becomes a concept whose preferred source-language term is `expected`; every literal
 *   pattern becomes a `deprecated` term of it (prh's "write `expected` instead of this");
 * - a pattern written as a regular expression becomes terms only when it is a plain literal, an
 *   alternation of literals (`/(?:サーバ|サーヴァ)/`), or a literal whose lookarounds only keep it from
 *   matching inside the expected term (`/サーバ(?!ー)/` for `サーバー`: glossary terms match whole tokens
 *   and the longer term wins, so the guard is implied); anything else (classes, quantifiers, other
 *   lookarounds, `$1` replacements) cannot be a glossary term and is reported with its line;
 * - `specs[].from` become `examples.match` sentences (the glossary's own self-test, like prh's specs)
 *   when they contain one of the concept's terms;
 * - `prh` (the rule's message) becomes the concept `note`;
 * - rules with the same `expected` are one concept; a rule without patterns is just its expected term;
 * - `imports:` of other dictionaries are reported and not followed (import each file on its own).
 * Export writes the same shape back: one rule per concept with deprecated or forbidden source terms; a
 * variant that is part of the expected term is written with that guard (`/サーバ(?!ー)/`), since prh
 * matches substrings and would otherwise rewrite サーバー into サーバーー.
 */

interface Located {
  line: number;
  column: number;
}

function placeOfNode(node: Node | null | undefined, lineCounter: LineCounter): Located {
  const offset = node?.range?.[0] ?? 0;
  const at = lineCounter.linePos(offset);
  return { line: at.line, column: at.col };
}

/** `/body/flags` → its body and flags; undefined for a plain string (prh matches those literally). */
function regexParts(pattern: string): { body: string; flags: string } | undefined {
  const match = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  return match ? { body: match[1]!, flags: match[2]! } : undefined;
}

/**
 * The literal strings a regular expression matches when it is only literals and `|` (optionally inside
 * one `(?:…)` or `(…)` group); undefined when it uses anything else.
 */
export function literalAlternatives(body: string): string[] | undefined {
  let inner = body;
  const group = /^\((?:\?:)?(.*)\)$/s.exec(inner);
  if (group && !/[()]/.test(group[1]!)) inner = group[1]!;
  const alternatives: string[] = [];
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i]!;
    if (char === '\\') {
      const next = inner[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined; // \d, \b, \u… are not literals
      current += next;
      i++;
    } else if (char === '|') {
      alternatives.push(current);
      current = '';
    } else if ('.^$*+?()[]{}'.includes(char)) {
      return undefined;
    } else current += char;
  }
  alternatives.push(current);
  return alternatives.every((alternative) => alternative.length > 0) ? alternatives : undefined;
}

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * The literal of a pattern that is a literal guarded only against matching inside the expected term:
 * `/サーバ(?!ー)/` for expected `サーバー`, `/(?<!データ・)センター/`… prh needs the guard because it
 * matches substrings; glossary terms match whole tokens and the longer preferred term wins, so the
 * literal alone means the same thing. Undefined for any other regular expression.
 */
export function guardedLiteral(body: string, expected: string): string | undefined {
  const match = /^(?:\(\?<!((?:[^()\\[\]]|\\.)+)\))?((?:[^()\\[\]|.*+?^${}]|\\.)+)(?:\(\?!((?:[^()\\[\]]|\\.)+)\))?$/su.exec(body);
  if (!match || (match[1] === undefined && match[3] === undefined)) return undefined;
  const unescaped = (text: string | undefined) => (text ?? '').replace(/\\(.)/gsu, '$1');
  const [behind, literal, ahead] = [unescaped(match[1]), unescaped(match[2]), unescaped(match[3])];
  if ([match[1], match[2], match[3]].some((part) => part !== undefined && /\\[A-Za-z0-9]/.test(part))) return undefined;
  return behind + literal + ahead === expected ? literal : undefined;
}

/** How a variant is written as a prh pattern: plain, or guarded when it is part of the expected term. */
export function prhPattern(variant: string, expected: string): string {
  const at = expected.indexOf(variant);
  if (at === -1) return REGEX_SPECIAL.test(variant) || variant.startsWith('/') ? `/${escapeRegex(variant)}/` : variant;
  const before = expected.slice(0, at);
  const after = expected.slice(at + variant.length);
  return `/${before ? `(?<!${escapeRegex(before)})` : ''}${escapeRegex(variant)}${after ? `(?!${escapeRegex(after)})` : ''}/`;
}

/** Reads a prh YAML dictionary. */
export function parsePrh(text: string, displayPath: string, options: ImportOptions): ImportResult {
  const { document, lineCounter } = parseYaml(text, displayPath);
  const root = document.contents;
  if (!isMap(root)) throw new YakugoError(glossaryMessage('prhNotMapping'), { file: displayPath, place: { line: 1, column: 1 } });
  const version = root.get('version', true);
  if (!isScalar(version) || Number(version.value) !== 1) {
    throw new YakugoError(glossaryMessage('prhVersion'), { file: displayPath, place: placeOfNode(version ?? root, lineCounter) });
  }
  const notes: ImportNote[] = [];
  const imports = root.get('imports', true);
  if (imports) notes.push({ ...placeOfNode(imports as Node, lineCounter), message: glossaryMessage('prhImports') });
  const rules = root.get('rules', true);
  if (!isSeq(rules)) throw new YakugoError(glossaryMessage('prhNoRules'), { file: displayPath, place: placeOfNode((rules as Node) ?? root, lineCounter) });
  const lng = options.sourceLanguage;
  const byExpected = new Map<string, ImportedConcept>();
  const concepts: ImportedConcept[] = [];
  for (const rule of rules.items) {
    const at = placeOfNode(rule as Node, lineCounter);
    if (!isMap(rule)) throw new YakugoError(glossaryMessage('prhRuleNotMapping'), { file: displayPath, place: at });
    const expectedNode = rule.get('expected', true);
    const expected = isScalar(expectedNode) ? String(expectedNode.value ?? '') : '';
    if (!expected) throw new YakugoError(glossaryMessage('prhNoExpected'), { file: displayPath, place: at });
    if (regexParts(expected) || /\$\d/.test(expected)) {
      notes.push({ ...at, message: glossaryMessage('prhRegexReplacement', { expected }) });
      continue;
    }
    let imported = byExpected.get(expected);
    if (!imported) {
      const concept: Concept = {
        id: '',
        translate: CONCEPT_DEFAULTS.translate,
        caseSensitive: CONCEPT_DEFAULTS.caseSensitive,
        longVowel: CONCEPT_DEFAULTS.longVowel,
        terms: { [lng]: [{ text: expected, status: 'preferred', place: { file: displayPath, ...placeOfNode(expectedNode as Node, lineCounter) } }] },
        forms: {},
        place: { file: displayPath, ...at },
      };
      imported = { concept, idGiven: false };
      byExpected.set(expected, imported);
      concepts.push(imported);
    }
    const concept = imported.concept;
    const terms = concept.terms[lng]!;
    const patternNodes: Node[] = [];
    for (const key of ['pattern', 'patterns']) {
      const value = rule.get(key, true) as Node | undefined;
      if (isSeq(value)) patternNodes.push(...(value.items as Node[]));
      else if (value) patternNodes.push(value);
    }
    for (const node of patternNodes) {
      const place = placeOfNode(node, lineCounter);
      if (!isScalar(node)) {
        notes.push({ ...place, message: glossaryMessage('prhPatternNotString') });
        continue;
      }
      const pattern = String(node.value ?? '');
      const regex = regexParts(pattern);
      const guarded = regex ? guardedLiteral(regex.body, expected) : undefined;
      const literals = !regex ? [pattern] : guarded !== undefined ? [guarded] : literalAlternatives(regex.body);
      if (!literals) {
        notes.push({ ...place, message: glossaryMessage('prhRegexPattern', { pattern }) });
        continue;
      }
      for (const literal of literals) {
        if (literal === expected || terms.some((term) => term.text === literal)) continue;
        terms.push({ text: literal, status: 'deprecated', place: { file: displayPath, ...place } } satisfies Term);
      }
    }
    const specs = rule.get('specs', true);
    if (isSeq(specs)) {
      for (const spec of specs.items) {
        const from = isMap(spec) ? spec.get('from') : undefined;
        // A spec is kept as an example only when it shows a term the concept has (one written with a
        // skipped regular expression would fail as an example).
        if (typeof from === 'string' && from && terms.some((term) => from.includes(term.text))) {
          concept.examples ??= { match: [], noMatch: [] };
          if (!concept.examples.match.includes(from)) concept.examples.match.push(from);
        }
      }
    }
    const message = rule.get('prh');
    if (typeof message === 'string' && message) concept.note = concept.note && concept.note !== message ? `${concept.note}\n\n${message}` : message;
  }
  return { concepts, notes };
}

/**
 * The concepts that carry source-language variants as a prh dictionary: `expected` is the preferred term,
 * `patterns` the deprecated and forbidden ones, `specs` each example sentence with the variants replaced.
 */
export function exportPrh(concepts: Concept[], options: ExportOptions): string {
  const lng = options.sourceLanguage;
  const rules: Array<Record<string, unknown>> = [];
  for (const concept of concepts) {
    const terms = concept.terms[lng] ?? [];
    const expected = terms.find((term) => term.status === 'preferred')?.text;
    const variants = terms.filter((term) => term.status === 'deprecated' || term.status === 'forbidden').map((term) => term.text);
    if (!expected || variants.length === 0) continue;
    const rule: Record<string, unknown> = { expected };
    const patterns = variants.map((variant) => prhPattern(variant, expected));
    if (patterns.length === 1) rule['pattern'] = patterns[0];
    else rule['patterns'] = patterns;
    const specs = (concept.examples?.match ?? [])
      .filter((sentence) => variants.some((variant) => sentence.includes(variant)))
      .map((from) => ({ from, to: replaceVariants(from, variants, expected) }));
    if (specs.length > 0) rule['specs'] = specs;
    if (concept.note !== undefined) rule['prh'] = concept.note;
    rules.push(rule);
  }
  return `# prh dictionary exported by yakugo (textlint-rule-prh)\n${stringify({ version: 1, rules }, { lineWidth: 0 })}`;
}

/** What prh would write for `sentence`: every variant (longest first) replaced by the expected term. */
function replaceVariants(sentence: string, variants: string[], expected: string): string {
  const ordered = [...variants].sort((a, b) => b.length - a.length);
  let out = '';
  let i = 0;
  outer: while (i < sentence.length) {
    if (sentence.startsWith(expected, i)) {
      out += expected;
      i += expected.length;
      continue;
    }
    for (const variant of ordered) {
      if (sentence.startsWith(variant, i)) {
        out += expected;
        i += variant.length;
        continue outer;
      }
    }
    out += sentence[i];
    i++;
  }
  return out;
}
