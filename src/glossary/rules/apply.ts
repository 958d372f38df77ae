import type { Token } from '../tokenizer.js';
import type { SourceRule } from '../types.js';
import { fillExpected } from './compile.js';

/** One place where a source rule asks for a change. Offsets are UTF-16 code units of the text searched. */
export interface RuleHit {
  rule: SourceRule;
  start: number;
  end: number;
  /** The text matched. */
  surface: string;
  /** What it should be (`expected` with `$1`… filled in); never equal to `surface`. */
  replacement: string;
}

/**
 * Every match of one rule in `text`, with prh's semantics: all matches of the regular expression; a match
 * whose `regexpMustEmpty` group is not empty does not count, nor one equal to `expected` as written, nor
 * one the replacement would leave unchanged (textlint-rule-prh reports none of those either).
 */
export function ruleHits(rule: SourceRule, text: string): RuleHit[] {
  const hits: RuleHit[] = [];
  const regex = rule.regex;
  regex.lastIndex = 0;
  for (let found = regex.exec(text); found; found = regex.exec(text)) {
    // An empty match would not move on (prh loops forever there); it is never a change anyway.
    if (found[0].length === 0) {
      regex.lastIndex = found.index + 1;
      continue;
    }
    if (rule.regexpMustEmpty !== undefined && found[rule.regexpMustEmpty]) continue;
    if (found[0] === rule.expected) continue;
    const replacement = fillExpected(rule.expected, found);
    if (replacement === found[0]) continue;
    hits.push({ rule, start: found.index, end: found.index + found[0].length, surface: found[0], replacement });
  }
  return hits;
}

/**
 * prh's choice among overlapping changes (ChangeSet `_prepare`): sorted by start then end; of two starting
 * together the longer wins; then a change that starts before the previous one in that order ends is
 * dropped (the earlier start wins). Rule order breaks the remaining ties, as in prh.
 */
export function resolveOverlaps(hits: RuleHit[]): RuleHit[] {
  const sorted = hits.map((hit, order) => ({ hit, order })).sort((a, b) => a.hit.start - b.hit.start || a.hit.end - b.hit.end || a.order - b.order);
  const longest = sorted.filter(({ hit }, index) => {
    const next = sorted[index + 1]?.hit;
    return !(next && hit.start === next.start && hit.end < next.end);
  });
  return longest.filter(({ hit }, index) => {
    const previous = longest[index - 1]?.hit;
    return !(previous && hit.start < previous.end);
  }).map(({ hit }) => hit);
}

/** The text with the (non-overlapping, sorted) hits replaced. */
export function applyHits(text: string, hits: readonly RuleHit[]): string {
  let out = '';
  let at = 0;
  for (const hit of hits) {
    out += text.slice(at, hit.start) + hit.replacement;
    at = hit.end;
  }
  return out + text.slice(at);
}

/** What prh writes for `from` with this rule alone: how `specs` are checked. */
export function applyRule(rule: SourceRule, from: string): string {
  return applyHits(from, resolveOverlaps(ruleHits(rule, from)));
}

/** Offsets where a token starts or ends. */
export function tokenEdges(tokens: readonly Token[], length: number): Uint8Array {
  const edges = new Uint8Array(length + 1);
  edges[0] = 1;
  edges[length] = 1;
  for (const token of tokens) {
    edges[token.start] = 1;
    edges[token.end] = 1;
  }
  return edges;
}

/**
 * The changes every rule asks for in one text, as `source/variant` and `yakugo fix` apply them: prh's
 * matches, minus those that start or end inside a kuromoji token unless the rule says `insideWords` (`edgesOf` gives the offsets where a
 * token starts or ends, and is only called when a rule matched), then prh's choice among overlapping
 * ones. `inside` receives the matches dropped for that.
 */
export function findRuleHits(
  rules: readonly SourceRule[],
  text: string,
  edgesOf: (text: string) => Uint8Array,
  inside?: (hit: RuleHit) => void,
): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const rule of rules) for (const hit of ruleHits(rule, text)) hits.push(hit);
  if (hits.length === 0) return hits;
  const edges = edgesOf(text);
  const onEdges = hits.filter((hit) => {
    const ok = hit.rule.insideWords || (edges[hit.start] === 1 && edges[hit.end] === 1);
    if (!ok) inside?.(hit);
    return ok;
  });
  return resolveOverlaps(onEdges);
}
