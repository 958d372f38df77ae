import type { Segment } from '../markdown/types.js';
import { shortHash } from '../markdown/segment.js';
import { type CatalogState, isStale, isUnreviewed, withExtras } from './state.js';

/** One translation `review accept` marked reviewed, and what it was before. */
export interface AcceptedEntry {
  key: string;
  /** The draft origin it had (`machine:<provider>/<model>`, `tm`), when it was an unreviewed draft. */
  origin?: string;
  /** Its source had changed since it was written (it was stale). */
  stale: boolean;
}

export interface ReviewResult {
  /** The sidecar after acceptance, in the same key order. */
  state: CatalogState;
  /** In catalog order of the segments. */
  accepted: AcceptedEntry[];
}

/**
 * Marks translations as reviewed *as they are*, the decision a person records with `yakugo review accept`:
 * an unreviewed draft loses its `origin`, and a stale translation is recorded against the current source
 * text (so it is no longer stale). The translation itself is never touched, and neither is an entry that is
 * empty, already reviewed, or edited by a person since the sidecar was written (the next `extract` records
 * that edit as reviewed anyway). Only keys in `keys` are considered, when given.
 */
export function acceptReviewed(
  segments: readonly Segment[],
  entries: ReadonlyMap<string, string>,
  state: CatalogState,
  keys?: ReadonlySet<string>,
): ReviewResult {
  const next: CatalogState = new Map(state);
  const accepted: AcceptedEntry[] = [];
  for (const segment of segments) {
    if (keys && !keys.has(segment.key)) continue;
    const translation = entries.get(segment.key);
    const entry = state.get(segment.key);
    if (translation === undefined || translation === '' || !entry) continue;
    const draft = isUnreviewed(entry, translation);
    const stale = isStale(entry, segment.text, translation);
    if (!draft && !stale) continue;
    next.set(segment.key, withExtras({ source: shortHash(segment.text), target: entry.target }, { note: entry.note }));
    accepted.push(draft && entry.origin !== undefined ? { key: segment.key, origin: entry.origin, stale } : { key: segment.key, stale });
  }
  return { state: next, accepted };
}
