import type { Segment } from '../markdown/types.js';
import { similarity } from './similarity.js';
import { type CatalogState, isUnreviewed, nextStateEntry, withExtras } from './state.js';
import { shortHash } from '../markdown/segment.js';

/** How similar an old source text must be to a new one for its translation to be carried over. */
export const CARRY_THRESHOLD = 0.6;

export interface Carried {
  from: string;
  to: string;
  similarity: number;
}

export interface Orphan {
  key: string;
  /** The new key it probably belongs to (similar source text), when there is one. */
  probably?: string;
  similarity?: number;
}

export interface MergeResult {
  /** The catalog in document order, then the kept orphans in their old order. */
  entries: Array<[string, string]>;
  state: CatalogState;
  added: string[];
  carried: Carried[];
  orphans: Orphan[];
  /** Orphans removed because `prune` was asked for. */
  pruned: string[];
}

export interface MergeInput {
  segments: Segment[];
  /** The target catalog as it is on disk. */
  previous: Map<string, string>;
  previousState: CatalogState;
  /** The source catalog as it was before this extract (old source texts, for carrying translations). */
  previousSource: Map<string, string>;
  /** Drop translations that belong to no segment (asked for explicitly; reported as pruned). */
  prune?: boolean;
}

/**
 * Merges the segments of an article into a target-language catalog. Nothing a translator wrote is lost:
 * a translation whose key disappeared is carried to the new key whose source text is most similar (and is
 * then stale until reviewed, like a fuzzy entry in gettext), or kept at the end of the catalog and reported.
 */
export function mergeCatalog(input: MergeInput): MergeResult {
  const currentKeys = new Set(input.segments.map((segment) => segment.key));
  const orphanKeys = [...input.previous.keys()].filter((key) => !currentKeys.has(key) && input.previous.get(key) !== '');
  const newSegments = input.segments.filter((segment) => !input.previous.has(segment.key));

  const carriedTo = new Map<string, Carried>();
  const carriedFrom = new Set<string>();
  for (const candidate of rankCandidates(orphanKeys, newSegments, input.previousSource)) {
    if (candidate.similarity < CARRY_THRESHOLD) break;
    if (carriedTo.has(candidate.to) || carriedFrom.has(candidate.from)) continue;
    carriedTo.set(candidate.to, candidate);
    carriedFrom.add(candidate.from);
  }

  const entries: Array<[string, string]> = [];
  const state: CatalogState = new Map();
  const added: string[] = [];
  for (const segment of input.segments) {
    const carried = carriedTo.get(segment.key);
    if (carried) {
      const translation = input.previous.get(carried.from)!;
      entries.push([segment.key, translation]);
      const oldSource = input.previousSource.get(carried.from) ?? '';
      // A carried draft stays a draft (and stale) until reviewed; a translator's note goes with it.
      const before = input.previousState.get(carried.from);
      const origin = before && isUnreviewed(before, translation) ? before.origin : undefined;
      state.set(segment.key, withExtras({ source: shortHash(oldSource), target: shortHash(translation) }, { origin, note: before?.note }));
      continue;
    }
    const translation = input.previous.get(segment.key) ?? '';
    if (!input.previous.has(segment.key)) added.push(segment.key);
    entries.push([segment.key, translation]);
    const entry = nextStateEntry(input.previousState.get(segment.key), segment.text, translation);
    if (entry) state.set(segment.key, entry);
  }

  const orphans: Orphan[] = [];
  const pruned: string[] = [];
  for (const key of orphanKeys) {
    if (carriedFrom.has(key)) continue;
    if (input.prune) {
      pruned.push(key);
      continue;
    }
    entries.push([key, input.previous.get(key)!]);
    const kept = input.previousState.get(key);
    if (kept) state.set(key, kept);
    const best = bestMatch(input.previousSource.get(key), input.segments);
    orphans.push(best ? { key, probably: best.key, similarity: best.similarity } : { key });
  }

  return { entries, state, added, carried: [...carriedTo.values()], orphans, pruned };
}

/** All (orphan, new segment) pairs of the same kind, most similar first; ties broken by key for determinism. */
function rankCandidates(orphanKeys: string[], newSegments: Segment[], previousSource: Map<string, string>): Carried[] {
  const pairs: Carried[] = [];
  for (const from of orphanKeys) {
    const oldText = previousSource.get(from);
    if (oldText === undefined) continue;
    for (const segment of newSegments) {
      if (kindOf(from) !== kindOf(segment.key)) continue;
      pairs.push({ from, to: segment.key, similarity: similarity(oldText, segment.text) });
    }
  }
  return pairs.sort((a, b) => b.similarity - a.similarity || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1));
}

function bestMatch(oldText: string | undefined, segments: Segment[]): { key: string; similarity: number } | undefined {
  if (oldText === undefined) return undefined;
  let best: { key: string; similarity: number } | undefined;
  for (const segment of segments) {
    const score = similarity(oldText, segment.text);
    if (score >= 0.3 && (!best || score > best.similarity)) best = { key: segment.key, similarity: score };
  }
  return best;
}

/** `paragraph.3f2a9c1b.2` → `paragraph`; `meta.tags.…` → `meta.tags`. */
function kindOf(key: string): string {
  return key.startsWith('meta.') ? key.split('.').slice(0, 2).join('.') : (key.split('.')[0] ?? key);
}
