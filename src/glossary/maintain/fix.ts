import type { RunMatch, RunRuleHit } from '../match.js';
import { normalizeText } from '../normalize.js';
import { preferredTerm, SOURCE_LANGUAGE } from '../terms.js';
import type { Concept, SourceRule, Term } from '../types.js';

/** One replacement in a source file (UTF-16 offsets into the text as read, BOM removed). */
export interface Edit {
  start: number;
  end: number;
  /** What is there now. */
  from: string;
  /** What it becomes. */
  to: string;
  /** The concept whose deprecated term this is, or the source rule that asks for it. */
  concept?: Concept;
  term?: Term;
  rule?: SourceRule;
  /** What the edit is for, as shown: the concept id, or `rule glossary/x.yaml:12`. */
  label: string;
}

/** A deprecated variant that was found but cannot be rewritten safely. */
export interface Skipped {
  start: number;
  surface: string;
  concept?: Concept;
  label: string;
  reason: string;
}

/** Length of the longest common suffix of two strings. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * The replacement for one occurrence of a deprecated term. The surface is replaced whole when it is the
 * term as written (or the same after normalization: width, spaces). An inflected occurrence of a verb
 * (`行なった` for deprecated `行なう`, preferred `行う`) has only the stem the two terms do not share
 * replaced (`行な` → `行`), so the conjugation stays.
 */
export function replacementFor(surface: string, deprecated: string, preferred: string): { length: number; to: string } | undefined {
  if (surface === deprecated || normalizeText(surface) === normalizeText(deprecated)) return { length: surface.length, to: preferred };
  const shared = commonSuffix(deprecated, preferred);
  const stem = deprecated.slice(0, deprecated.length - shared);
  if (stem && surface.startsWith(stem)) return { length: stem.length, to: preferred.slice(0, preferred.length - shared) };
  return undefined;
}

/**
 * Edits that turn every deprecated Japanese variant among `matches` (found by the glossary matcher in
 * a file's prose runs, so code, URLs and HTML are never touched) into the concept's preferred term.
 * Forbidden terms are not rewritten: they have no automatic replacement by definition.
 */
export function planFixes(matches: readonly RunMatch[], text: string, ruleHits: readonly RunRuleHit[] = []): { edits: Edit[]; skipped: Skipped[] } {
  const edits: Edit[] = [];
  const skipped: Skipped[] = [];
  for (const match of matches) {
    if (match.term.status !== 'deprecated') continue;
    const preferred = preferredTerm(match.concept, SOURCE_LANGUAGE);
    if (!preferred) {
      skipped.push({ start: match.fileStart, surface: match.surface, concept: match.concept, label: match.concept.id, reason: 'the concept has no preferred Japanese term' });
      continue;
    }
    const written = text.slice(match.fileStart, match.fileEnd);
    // Markdown drops the spaces before a line ending from the prose, so a match's file span can end with them.
    const surface = written.trimEnd() === match.surface ? match.surface : written;
    // A run maps prose to file offsets; an entity or escape (`&amp;`) makes the file text differ from the prose.
    if (surface !== match.surface) {
      skipped.push({ start: match.fileStart, surface: match.surface, concept: match.concept, label: match.concept.id, reason: 'written with an escape or entity in the Markdown' });
      continue;
    }
    const replacement = replacementFor(surface, match.term.text, preferred.text);
    if (!replacement) {
      skipped.push({ start: match.fileStart, surface, concept: match.concept, label: match.concept.id, reason: `cannot tell which part of "${surface}" is "${match.term.text}"` });
      continue;
    }
    edits.push({
      start: match.fileStart,
      end: match.fileStart + replacement.length,
      from: surface.slice(0, replacement.length),
      to: replacement.to,
      concept: match.concept,
      term: match.term,
      label: match.concept.id,
    });
  }
  for (const hit of ruleHits) {
    const label = `rule ${hit.rule.place ? `${hit.rule.place.file}:${hit.rule.place.line}` : hit.rule.expected}`;
    const surface = text.slice(hit.fileStart, hit.fileEnd);
    if (surface !== hit.surface) {
      skipped.push({ start: hit.fileStart, surface: hit.surface, label, reason: 'written with an escape or entity in the Markdown' });
      continue;
    }
    edits.push({ start: hit.fileStart, end: hit.fileEnd, from: surface, to: hit.replacement, rule: hit.rule, label });
  }
  // Glossary edits come first where two start together; an edit overlapping one kept before it is dropped.
  edits.sort((a, b) => a.start - b.start || Number(a.rule !== undefined) - Number(b.rule !== undefined));
  const kept: Edit[] = [];
  for (const edit of edits) if (kept.length === 0 || edit.start >= kept.at(-1)!.end) kept.push(edit);
  return { edits: kept, skipped };
}

/** Applies non-overlapping edits (sorted by start) to the text; every other code unit is kept. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.to;
    at = edit.end;
  }
  return out + text.slice(at);
}
