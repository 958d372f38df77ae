import { isStale, isUnreviewed, type StateEntry } from './state.js';

/**
 * Where one translation stands, as a reviewer sees it: not translated yet, translated before its source
 * changed, an unreviewed machine or translation-memory draft, or written or reviewed by a person.
 */
export type SegmentStatus = 'missing' | 'stale' | 'draft' | 'reviewed';

export function segmentStatus(entry: StateEntry | undefined, sourceText: string, translation: string | undefined): SegmentStatus {
  if (translation === undefined || translation === '') return 'missing';
  if (isStale(entry, sourceText, translation)) return 'stale';
  if (isUnreviewed(entry, translation)) return 'draft';
  return 'reviewed';
}
