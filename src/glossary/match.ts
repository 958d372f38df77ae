import type { TextRun } from '../markdown/types.js';
import { AhoCorasick } from './match/aho-corasick.js';
import { buildPatterns, KIND_RANK, type Pattern } from './match/patterns.js';
import { urlSpans } from './match/urls.js';
import { foldCase, type NormalizedText, normalizeWithMap, originalRange } from './normalize.js';
import { loadTokenizer, type Token, type Tokenizer } from './tokenizer.js';
import { findRuleHits, type RuleHit } from './rules/apply.js';
import type { Concept, Glossary, Term } from './types.js';

/** One occurrence of a concept's Japanese term. Offsets are UTF-16 code units of the text searched. */
export interface Match {
  concept: Concept;
  /** The glossary term that matched (deprecated and forbidden terms too: `check` reports those). */
  term: Term;
  /** The text as written: `text.slice(start, end)`. */
  surface: string;
  start: number;
  end: number;
}

export type RunMatch = Match & { fileStart: number; fileEnd: number };

/** A change a source rule asks for in a run, with offsets also mapped to the file. */
export type RunRuleHit = RuleHit & { fileStart: number; fileEnd: number };

export interface Matcher {
  /** Every occurrence in `text`, sorted by start; occurrences never overlap (the longest wins). */
  find(text: string): Match[];
  /** Every occurrence in each run, with offsets also mapped to the file through `TextRun.offsets`. */
  findInRuns(runs: readonly TextRun[]): RunMatch[];
  /**
   * The changes the glossary's source rules ask for in each run (prh semantics, except that a match
   * starting or ending inside a kuromoji token does not count), sorted by file offset.
   */
  findRulesInRuns(runs: readonly TextRun[]): RunRuleHit[];
}

/**
 * How terms are found:
 *
 * 1. the text is normalized (NFKC, spaces next to Japanese dropped) with a map back to the original;
 * 2. kuromoji tokenizes the normalized text once;
 * 3. an Aho–Corasick automaton over case-folded keys lists candidate occurrences in one pass;
 * 4. a candidate counts only if it starts and ends on token boundaries (`AI` is not in `OpenAI`,
 *    `米` not in `米国`), matches case where the term requires it, and for inflected patterns if the
 *    text rebuilt with the last token's dictionary form is the term (引き下げ|た → 引き下げる);
 * 5. overlapping candidates: the longest wins (大規模言語モデル over 言語モデル), then the leftmost.
 */
export async function createMatcher(glossary: Glossary): Promise<Matcher> {
  const cached = cache.get(glossary);
  if (cached && cached.concepts === glossary.concepts && cached.count === glossary.concepts.length) return cached.matcher;
  const tokenizer = await loadTokenizer();
  const matcher = buildMatcher(glossary, tokenizer);
  cache.set(glossary, { concepts: glossary.concepts, count: glossary.concepts.length, matcher });
  return matcher;
}

const cache = new WeakMap<Glossary, { concepts: Concept[]; count: number; matcher: Matcher }>();

interface Candidate {
  pattern: Pattern;
  /** Normalized offsets. */
  start: number;
  end: number;
}

function buildMatcher(glossary: Glossary, tokenizer: Tokenizer): Matcher {
  const patterns = buildPatterns(glossary, tokenizer);
  const automaton = new AhoCorasick(patterns.map((pattern) => pattern.key));

  // The same prose recurs (a source text checked again in a translation, repeated headings, shared
  // front matter): each distinct text is tokenized and matched once per process.
  const memo = new Map<string, Match[]>();

  // `check` asks for the glossary matches and then the rule hits of the same run: normalize it once, and
  // tokenize it (the costly part) only when a term or a rule could match there.
  let last: { text: string; normalized: NormalizedText; tokens: Token[] | undefined } | undefined;
  const analyse = (text: string) => {
    if (last?.text !== text) last = { text, normalized: normalizeWithMap(text), tokens: undefined };
    return last;
  };
  const tokensOf = (analysed: { normalized: NormalizedText; tokens: Token[] | undefined }): Token[] => {
    analysed.tokens ??= tokenizer.tokenize(analysed.normalized.text);
    return analysed.tokens;
  };

  const originalEdges = (text: string): Uint8Array => {
    const analysed = analyse(text);
    return originalTokenEdges(analysed.normalized, tokensOf(analysed));
  };

  const find = (text: string): Match[] => {
    let matches = memo.get(text);
    if (!matches) {
      matches = findUncached(text);
      if (memo.size >= 50_000) memo.delete(memo.keys().next().value!);
      memo.set(text, matches);
    }
    return matches;
  };
  const findUncached = (text: string): Match[] => {
    if (patterns.length === 0 || text.length === 0) return [];
    const analysed = analyse(text);
    const { normalized } = analysed;
    const found: Array<{ pattern: Pattern; end: number }> = [];
    automaton.search(foldCase(normalized.text), (end, id) => {
      found.push({ pattern: patterns[id]!, end });
    });
    if (found.length === 0) return [];
    const boundaries = tokenBoundaries(tokensOf(analysed), normalized.text.length);
    const candidates: Candidate[] = [];
    for (const { pattern, end } of found) {
      const start = end - pattern.key.length;
      const verifiedEnd = verify(pattern, normalized.text, start, end, boundaries);
      if (verifiedEnd !== undefined) candidates.push({ pattern, start, end: verifiedEnd });
    }
    return select(candidates, normalized, text);
  };

  return {
    find,
    findInRuns(runs) {
      const found: RunMatch[] = [];
      for (const run of runs) {
        for (const match of find(run.text)) {
          found.push({ ...match, fileStart: run.offsets[match.start]!, fileEnd: run.offsets[match.end]! });
        }
      }
      return found.sort((a, b) => a.fileStart - b.fileStart || a.fileEnd - b.fileEnd);
    },
    findRulesInRuns(runs) {
      const rules = glossary.rules ?? [];
      const found: RunRuleHit[] = [];
      if (rules.length === 0) return found;
      for (const run of runs) {
        for (const hit of findRuleHits(rules, run.text, originalEdges)) {
          found.push({ ...hit, fileStart: run.offsets[hit.start]!, fileEnd: run.offsets[hit.end]! });
        }
      }
      return found.sort((a, b) => a.fileStart - b.fileStart || a.fileEnd - b.fileEnd);
    },
  };
}

/**
 * Offsets of the original text where a kuromoji token of its normalized text starts or ends (the spaces
 * normalization dropped between two tokens count as edges too): where a source rule's match may start and end.
 */
export function originalTokenEdges(normalized: NormalizedText, tokens: readonly Token[]): Uint8Array {
  const edges = new Uint8Array(normalized.originalLength + 1);
  edges[0] = 1;
  edges[normalized.originalLength] = 1;
  const mark = (at: number) => {
    if (at <= 0 || at >= normalized.text.length) return;
    edges.fill(1, normalized.ends[at - 1]!, normalized.starts[at]! + 1);
  };
  for (const token of tokens) {
    mark(token.start);
    mark(token.end);
  }
  return edges;
}

/** Token boundaries of the normalized text: where tokens start and end, and which token covers each unit. */
interface Boundaries {
  tokens: Token[];
  /** Index of the token starting at each offset, or -1. */
  startsAt: Int32Array;
  endsAt: Uint8Array;
  /** Index of the token covering each offset. */
  covering: Int32Array;
}

function tokenBoundaries(tokens: Token[], length: number): Boundaries {
  const startsAt = new Int32Array(length + 1).fill(-1);
  const endsAt = new Uint8Array(length + 1);
  const covering = new Int32Array(length);
  tokens.forEach((token, index) => {
    startsAt[token.start] = index;
    endsAt[token.end] = 1;
    covering.fill(index, token.start, token.end);
  });
  return { tokens, startsAt, endsAt, covering };
}

/** The end of the occurrence if the candidate is one, else undefined. */
function verify(pattern: Pattern, text: string, start: number, end: number, boundaries: Boundaries): number | undefined {
  if (boundaries.startsAt[start]! < 0) return undefined;
  if (pattern.kind !== 'inflected') {
    if (!boundaries.endsAt[end] || !wordEdges(text, start, end)) return undefined;
    if (pattern.exact !== undefined && text.slice(start, end) !== pattern.exact) return undefined;
    return end;
  }
  // The conjugated word: the token holding the stem's last character, or for する/来る the next token.
  const index = pattern.stemless ? boundaries.startsAt[end]! : boundaries.covering[end - 1]!;
  const word = boundaries.tokens[index];
  if (!word || word.start < start) return undefined;
  return text.slice(start, word.start) + word.basic === pattern.dictionaryForm ? word.end : undefined;
}

/**
 * kuromoji splits letters from digits (GPT|-|4|o, Llama| |3|.|1), so token boundaries alone would find
 * `GPT-4` in `GPT-4o` and `Llama 3` in `Llama 3.1`. A Latin letter or digit at the edge of an occurrence
 * must not touch another one, and a number must not continue with a decimal part.
 */
function wordEdges(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  if (isAlphanumeric(first) && isAlphanumeric(text.charCodeAt(start - 1))) return false;
  if (isAlphanumeric(last) && isAlphanumeric(text.charCodeAt(end))) return false;
  if (isDigit(last) && isDecimalPoint(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1))) return false;
  if (isDigit(first) && isDecimalPoint(text.charCodeAt(start - 1)) && isDigit(text.charCodeAt(start - 2))) return false;
  return true;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

function isDecimalPoint(code: number): boolean {
  return code === 0x2e || code === 0x2c;
}

/** Keeps the longest non-overlapping occurrences outside URLs and maps them to the original text. */
function select(candidates: Candidate[], normalized: NormalizedText, original: string): Match[] {
  if (candidates.length === 0) return [];
  const urls = urlSpans(original);
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      KIND_RANK[a.pattern.kind] - KIND_RANK[b.pattern.kind] ||
      statusRank(a.pattern.term) - statusRank(b.pattern.term),
  );
  const taken = new Uint8Array(normalized.text.length);
  const matches: Match[] = [];
  for (const candidate of candidates) {
    if (taken.subarray(candidate.start, candidate.end).some((unit) => unit === 1)) continue;
    const { start, end } = originalRange(normalized, candidate.start, candidate.end);
    if (urls.some(([urlStart, urlEnd]) => start < urlEnd && urlStart < end)) continue;
    taken.fill(1, candidate.start, candidate.end);
    matches.push({ concept: candidate.pattern.concept, term: candidate.pattern.term, surface: original.slice(start, end), start, end });
  }
  return matches.sort((a, b) => a.start - b.start);
}

const STATUS_RANK = { preferred: 0, admitted: 1, deprecated: 2, forbidden: 3 } as const;

function statusRank(term: Term): number {
  return STATUS_RANK[term.status];
}
