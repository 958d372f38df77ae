import { createHash } from 'node:crypto';
import { projectCache } from '../cache/store.js';
import type { Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import type { Matcher, RunMatch, RunRuleHit } from './match.js';
import type { Concept, Glossary, SourceRule, Term } from './types.js';

/**
 * A hash of what the glossary matches: every concept's terms and matching options and every source rule,
 * without the places they are written at (moving a concept within its file changes no match).
 */
export function glossaryHash(glossary: Glossary): string {
  let hash = hashes.get(glossary);
  if (!hash) {
    hash = createHash('sha256').update(glossaryJson(glossary, { places: false })).digest('hex');
    hashes.set(glossary, hash);
  }
  return hash;
}

/**
 * The glossary as JSON text, regular expressions written out (JSON would make them `{}`); with `places`
 * also where each concept, term and rule is written (messages name those places).
 */
export function glossaryJson(glossary: Glossary, options: { places: boolean }): string {
  return JSON.stringify({ concepts: glossary.concepts, rules: glossary.rules ?? [] }, (key, value: unknown) => {
    if (!options.places && (key === 'place' || key === 'places')) return undefined;
    return value instanceof RegExp ? `/${value.source}/${value.flags}` : value;
  });
}

const hashes = new WeakMap<Glossary, string>();

/** A match as stored: concept id, the term's language and index in the concept, then the offsets. */
type StoredMatch = [string, string, number, string, number, number, number, number];
/** A source-rule hit as stored: the rule's index in the glossary, the texts, then the offsets. */
type StoredHit = [number, string, string, number, number, number, number];

/** The glossary matches and source-rule hits in the prose of one segment. */
export interface SegmentMatches {
  matches: RunMatch[];
  ruleHits: RunRuleHit[];
}

/**
 * The glossary matches and source-rule hits in the prose of every segment of an article, one entry per
 * segment, from the persistent cache when this glossary already matched this very article text, else from
 * the matcher (created only when needed).
 */
export async function segmentMatches(project: Project, glossary: Glossary, article: SourceArticle, matcher: () => Promise<Matcher>): Promise<SegmentMatches[]> {
  const cache = projectCache(project.root);
  const key = JSON.stringify([glossaryHash(glossary), article.syntax, project.config.frontMatter, project.config.attributes, project.config.htmlSegments, article.source]);
  const stored = cache.get<Array<[StoredMatch[], StoredHit[]]>>('source-matches', key);
  if (stored) {
    const rehydrated = rehydrate(glossary, stored);
    if (rehydrated) return rehydrated;
  }
  const found = await matcher();
  const result = article.segments.map((segment) => ({ matches: found.findInRuns(segment.runs), ruleHits: found.findRulesInRuns(segment.runs) }));
  const rules = glossary.rules ?? [];
  cache.set(
    'source-matches',
    key,
    result.map(({ matches, ruleHits }) => [matches.map(storeMatch), ruleHits.map((hit) => storeHit(hit, rules))]),
  );
  return result;
}

function storeMatch(match: RunMatch): StoredMatch {
  const [lng, index] = termAddress(match.concept, match.term);
  return [match.concept.id, lng, index, match.surface, match.start, match.end, match.fileStart, match.fileEnd];
}

function storeHit(hit: RunRuleHit, rules: readonly SourceRule[]): StoredHit {
  return [rules.indexOf(hit.rule), hit.surface, hit.replacement, hit.start, hit.end, hit.fileStart, hit.fileEnd];
}

function termAddress(concept: Concept, term: Term): [string, number] {
  for (const [lng, terms] of Object.entries(concept.terms)) {
    const index = terms.indexOf(term);
    if (index >= 0) return [lng, index];
  }
  return ['', -1];
}

/** Matches and hits with the live glossary's concept, term and rule objects; undefined if any is gone. */
function rehydrate(glossary: Glossary, stored: Array<[StoredMatch[], StoredHit[]]>): SegmentMatches[] | undefined {
  const concepts = new Map(glossary.concepts.map((concept) => [concept.id, concept]));
  const rules = glossary.rules ?? [];
  const result: SegmentMatches[] = [];
  for (const [storedMatches, storedHits] of stored) {
    const matches: RunMatch[] = [];
    for (const [id, lng, index, surface, start, end, fileStart, fileEnd] of storedMatches) {
      const concept = concepts.get(id);
      const term = concept?.terms[lng]?.[index];
      if (!concept || !term) return undefined;
      matches.push({ concept, term, surface, start, end, fileStart, fileEnd });
    }
    const ruleHits: RunRuleHit[] = [];
    for (const [index, surface, replacement, start, end, fileStart, fileEnd] of storedHits) {
      const rule = rules[index];
      if (!rule) return undefined;
      ruleHits.push({ rule, surface, replacement, start, end, fileStart, fileEnd });
    }
    result.push({ matches, ruleHits });
  }
  return result;
}
