import { isMap, isScalar, isSeq, type LineCounter, type Node, type Scalar, stringify, type YAMLMap } from 'yaml';
import { YakugoError } from '../../util/errors.js';
import { CONCEPT_DEFAULTS } from '../maintain/yaml.js';
import { glossaryMessage } from '../messages.js';
import type { Concept, Term } from '../types.js';
import { sourceTermKey } from '../load/parse.js';
import { compileRule } from '../rules/compile.js';
import type { ExportOptions, ImportedConcept, ImportedRule, ImportNote, ImportOptions, ImportResult } from './types.js';
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

// Characters that make prh read a plain string wrongly: its own syntax, and - and ¥, which prh escapes
// into an invalid pattern (`\-` under the u flag).
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/\-¥]/;

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

/** One prh rule read from a file (the importing file or one it imports), with where it is. */
interface RawRule {
  node: YAMLMap;
  file: string;
  lineCounter: LineCounter;
}

/**
 * How a prh file reaches the files its `imports:` name: the text of `path` relative to the folder of
 * `from` (a display path), or why it cannot be read.
 */
export type PrhFileReader = (from: string, path: string) => { text: string; displayPath: string } | { error: string };

function expectedOf(rule: YAMLMap): string | undefined {
  const node = rule.get('expected', true);
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

function stringsOf(node: unknown): string[] {
  if (isSeq(node)) return node.items.filter(isScalar).map((item) => String(item.value ?? ''));
  return isScalar(node) ? [String(node.value ?? '')] : [];
}

function patternsOf(rule: YAMLMap): Node[] {
  const nodes: Node[] = [];
  for (const key of ['pattern', 'patterns']) {
    const value = rule.get(key, true) as Node | undefined;
    if (isSeq(value)) nodes.push(...(value.items as Node[]));
    else if (value) nodes.push(value);
  }
  return nodes;
}

function wordBoundaryOf(rule: YAMLMap): boolean {
  const options = rule.get('options', true);
  const value = isMap(options) ? options.get('wordBoundary') : rule.get('wordBoundary');
  return value === true;
}

/**
 * The rules of a prh file and of the files it imports, merged as prh merges them (`Engine.merge`): a rule
 * of an imported file is dropped when a rule already read has the same `expected`; an import's
 * `ignoreRules` (by pattern or expected) and `disableImports` are honoured. An import that cannot be read
 * is a note naming it, not an error.
 */
function collectRules(text: string, displayPath: string, readFile: PrhFileReader | undefined, notes: ImportNote[], seen: Set<string>): RawRule[] {
  const { document, lineCounter } = parseYaml(text, displayPath);
  const root = document.contents;
  if (!isMap(root)) throw new YakugoError(glossaryMessage('prhNotMapping'), { file: displayPath, place: { line: 1, column: 1 } });
  const version = root.get('version', true);
  if (!isScalar(version) || Number(version.value) !== 1) {
    throw new YakugoError(glossaryMessage('prhVersion'), { file: displayPath, place: placeOfNode(version ?? root, lineCounter) });
  }
  const rules = root.get('rules', true);
  const imports = root.get('imports', true) as Node | undefined;
  const targets = root.get('targets', true) as Node | undefined;
  if (targets) notes.push({ file: displayPath, ...placeOfNode(targets, lineCounter), message: glossaryMessage('prhTargets') });
  if (!isSeq(rules) && !(rules === undefined && (imports || targets))) {
    throw new YakugoError(glossaryMessage('prhNoRules'), { file: displayPath, place: placeOfNode((rules as Node) ?? root, lineCounter) });
  }
  const collected: RawRule[] = [];
  for (const rule of isSeq(rules) ? rules.items : []) {
    if (!isMap(rule)) throw new YakugoError(glossaryMessage('prhRuleNotMapping'), { file: displayPath, place: placeOfNode(rule as Node, lineCounter) });
    collected.push({ node: rule, file: displayPath, lineCounter });
  }
  if (!imports) return collected;
  const specs = isSeq(imports) ? (imports.items as Node[]) : [imports];
  for (const spec of specs) {
    const at = placeOfNode(spec, lineCounter);
    const path = isMap(spec) ? String(spec.get('path') ?? '') : isScalar(spec) ? String(spec.value ?? '') : '';
    if (!readFile) {
      notes.push({ file: displayPath, ...at, message: glossaryMessage('prhImportUnread', { path, reason: glossaryMessage('prhImportNoReader') }) });
      continue;
    }
    const read = readFile(displayPath, path);
    if ('error' in read) {
      notes.push({ file: displayPath, ...at, message: glossaryMessage('prhImportUnread', { path, reason: read.error }) });
      continue;
    }
    if (seen.has(read.displayPath)) continue;
    seen.add(read.displayPath);
    const disable = isMap(spec) && spec.get('disableImports') === true;
    const ignore = isMap(spec) ? (spec.get('ignoreRules', true) as Node | undefined) : undefined;
    const ignoreRules = (isSeq(ignore) ? (ignore.items as Node[]) : []).map((item) =>
      isMap(item) ? { pattern: item.get('pattern') as string | undefined, expected: item.get('expected') as string | undefined } : { pattern: String((item as Scalar).value), expected: undefined },
    );
    const imported = collectRules(read.text, read.displayPath, disable ? undefined : readFile, disable ? [] : notes, seen).filter((raw) => {
      const expected = expectedOf(raw.node);
      return !ignoreRules.some((ignored) => (ignored.expected !== undefined && ignored.expected === expected) || (ignored.pattern !== undefined && ignored.pattern === compiledPattern(raw.node)));
    });
    const known = new Set(collected.map((raw) => expectedOf(raw.node)));
    for (const raw of imported) if (!known.has(expectedOf(raw.node))) collected.push(raw);
  }
  return collected;
}

/** A rule's regular expression as prh prints it (what `ignoreRules: [pattern]` compares with). */
function compiledPattern(rule: YAMLMap): string | undefined {
  try {
    return compileRule(stringsOf(rule.get('pattern', true) ?? rule.get('patterns', true)), expectedOf(rule) ?? '', wordBoundaryOf(rule)).toString();
  } catch {
    return undefined;
  }
}

/**
 * Reads a prh YAML dictionary, with the files it imports when `readFile` is given. Every rule comes in:
 *
 * - a rule that only names literal variants of a literal `expected` becomes a concept (preferred term
 *   `expected`, each variant a deprecated term; rules with the same `expected` make one concept, and
 *   variants that normalize to the same text are one term); its specs become examples;
 * - anything else — regular expressions, `$1` replacements, `regexpMustEmpty`, `wordBoundary`, a rule
 *   without pattern whose `expected` has Latin letters or digits (prh matches it in any case and width),
 *   a variant that differs from `expected` only in case or width — becomes a source rule, written as is
 *   with its specs.
 */
export function parsePrh(text: string, displayPath: string, options: ImportOptions & { readFile?: PrhFileReader }): ImportResult {
  const notes: ImportNote[] = [];
  const raws = collectRules(text, displayPath, options.readFile, notes, new Set([displayPath]));
  const lng = options.sourceLanguage;
  const byExpected = new Map<string, ImportedConcept>();
  const concepts: ImportedConcept[] = [];
  const rules: ImportedRule[] = [];
  /** Which imported concept each normalized Japanese spelling belongs to. */
  const owners = new Map<string, { concept: Concept }>();
  let asConcepts = 0;
  for (const { node: rule, file, lineCounter } of raws) {
    const at = placeOfNode(rule, lineCounter);
    const expectedNode = rule.get('expected', true);
    const expected = expectedOf(rule);
    if (expected === undefined) throw new YakugoError(glossaryMessage('prhNoExpected'), { file, place: at });
    const patternNodes = patternsOf(rule);
    for (const node of patternNodes) {
      if (!isScalar(node)) throw new YakugoError(glossaryMessage('prhPatternNotString'), { file, place: placeOfNode(node, lineCounter) });
    }
    const patterns = patternNodes.map((node) => String((node as Scalar).value ?? ''));
    const mustEmpty = rule.get('regexpMustEmpty');
    const wordBoundary = wordBoundaryOf(rule);
    const message = rule.get('prh');
    const note = typeof message === 'string' && message ? message : undefined;
    const specsNode = rule.get('specs', true);
    const specs = (isSeq(specsNode) ? specsNode.items : []).filter(isMap).map((spec) => ({ from: String(spec.get('from') ?? ''), to: String(spec.get('to') ?? '') }));
    // The literal variants, when the rule is only that.
    const literals = literalRule(expected, patterns, mustEmpty !== undefined || wordBoundary);
    const sameAsExpected = literals?.filter((literal) => literal !== expected && sourceTermKey(literal) === sourceTermKey(expected)) ?? [];
    // A spelling that is already a term of another rule's concept (尤も → もっとも next to もっとも → 最も)
    // cannot be a glossary term twice; the rule is kept whole as a source rule, with prh's semantics.
    const mine = byExpected.get(expected)?.concept;
    const clash = literals ? [expected, ...literals].find((text) => owners.has(sourceTermKey(text)) && owners.get(sourceTermKey(text))!.concept !== mine) : undefined;
    if (clash !== undefined) {
      const other = owners.get(sourceTermKey(clash))!;
      notes.push({ file, ...at, message: glossaryMessage('prhRuleKeptAsRule', { term: clash, at: `${other.concept.place?.file}:${other.concept.place?.line}` }) });
    }
    if (!literals || clash !== undefined || sameAsExpected.length > 0 || (patterns.length === 0 && /[A-Za-z0-9]/.test(expected))) {
      const written: ImportedRule['rule'] = { expected };
      if (patterns.length === 1) written.pattern = patterns[0]!;
      else if (patterns.length > 1) written.patterns = patterns;
      if (mustEmpty !== undefined) written.regexpMustEmpty = String(mustEmpty);
      if (wordBoundary) written.wordBoundary = true;
      if (note) written.note = note;
      if (specs.length > 0) written.specs = specs;
      rules.push({ rule: written, place: { file, ...at } });
      continue;
    }
    asConcepts++;
    let imported = byExpected.get(expected);
    if (!imported) {
      const concept: Concept = {
        id: '',
        translate: CONCEPT_DEFAULTS.translate,
        caseSensitive: CONCEPT_DEFAULTS.caseSensitive,
        longVowel: CONCEPT_DEFAULTS.longVowel,
        terms: { [lng]: [{ text: expected, status: 'preferred', place: { file, ...placeOfNode(expectedNode as Node, lineCounter) } }] },
        forms: {},
        place: { file, ...at },
      };
      imported = { concept, idGiven: false };
      byExpected.set(expected, imported);
      concepts.push(imported);
      owners.set(sourceTermKey(expected), { concept });
    }
    const concept = imported.concept;
    const terms = concept.terms[lng]!;
    literals.forEach((literal, index) => {
      // Spellings that normalize to one text (entity / Entity, ON/OFF / ON／OFF) are one term.
      if (terms.some((term) => sourceTermKey(term.text) === sourceTermKey(literal))) return;
      owners.set(sourceTermKey(literal), { concept });
      terms.push({ text: literal, status: 'deprecated', place: { file, ...placeOfNode(patternNodes[Math.min(index, patternNodes.length - 1)], lineCounter) } } satisfies Term);
    });
    for (const { from } of specs) {
      // A spec is an example of this concept only when it shows one of the concept's terms.
      if (from && terms.some((term) => from.includes(term.text))) {
        concept.examples ??= { match: [], noMatch: [] };
        if (!concept.examples.match.includes(from)) concept.examples.match.push(from);
      }
    }
    if (note) concept.note = concept.note && concept.note !== note ? `${concept.note}\n\n${note}` : note;
  }
  return { concepts, notes, rules, counts: { read: raws.length, asConcepts, asRules: rules.length } };
}

/**
 * The literal variants of a rule that can be glossary terms, or undefined when the rule needs prh's
 * machinery (a `$1` replacement, a regular expression beyond literals and `|` or a guard against the
 * expected term, `regexpMustEmpty`, `wordBoundary`).
 */
function literalRule(expected: string, patterns: string[], needsRegex: boolean): string[] | undefined {
  if (needsRegex || regexParts(expected) || /\$\d/.test(expected) || !expected.trim()) return undefined;
  const literals: string[] = [];
  for (const pattern of patterns) {
    const regex = regexParts(pattern);
    if (regex && /[^gimsuy]/.test(regex.flags)) return undefined;
    if (regex?.flags.includes('i')) return undefined;
    const guarded = regex ? guardedLiteral(regex.body, expected) : undefined;
    const found = !regex ? [pattern] : guarded !== undefined ? [guarded] : literalAlternatives(regex.body);
    if (!found || found.some((literal) => !literal.trim())) return undefined;
    literals.push(...found);
  }
  return literals;
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
  // Source rules go back as they came: they are prh rules.
  for (const source of options.rules ?? []) {
    const rule: Record<string, unknown> = { expected: source.expected };
    if (source.patterns.length === 1) rule['pattern'] = source.patterns[0];
    else if (source.patterns.length > 1) rule['patterns'] = source.patterns;
    if (source.regexpMustEmpty !== undefined) rule['regexpMustEmpty'] = `$${source.regexpMustEmpty}`;
    if (source.wordBoundary) rule['options'] = { wordBoundary: true };
    if (source.specs.length > 0) rule['specs'] = source.specs.map(({ from, to }) => ({ from, to }));
    if (source.note !== undefined) rule['prh'] = source.note;
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
