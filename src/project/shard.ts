import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { YakugoError } from '../util/errors.js';
import { defineMessages } from '../util/i18n.js';

const t = defineMessages('shard', {
  en: { bad: '--shard expects i/n with whole numbers 1 ≤ i ≤ n (such as 2/4), got "{{value}}"' },
  ja: { bad: '--shard には 1 ≤ i ≤ n の整数で i/n を指定してください(例: 2/4)。指定: "{{value}}"' },
});

/** The `i/n` of `--shard`: this run takes slice `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || index < 1 || index > count) {
    throw new YakugoError(t('bad', { value }));
  }
  return { index, count };
}

/**
 * The articles of slice `shard`: articles are ordered by a hash of their path (stable: the order does
 * not depend on which other articles exist) and the sequence is cut into `count` runs of about equal total
 * size, so CI runners get similar work. Every article is in exactly one slice; a new article moves at most
 * the articles next to a cut.
 */
export function selectShard<T>(items: readonly T[], shard: Shard, pathOf: (item: T) => string, sizeOf: (item: T) => number): T[] {
  if (shard.count === 1) return [...items];
  const ordered = items
    .map((item) => ({ item, hash: createHash('sha256').update(pathOf(item)).digest('hex'), size: Math.max(1, sizeOf(item)) }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const total = ordered.reduce((sum, entry) => sum + entry.size, 0);
  const chosen = new Set<T>();
  let before = 0;
  for (const entry of ordered) {
    // An article belongs to the slice its midpoint falls in.
    const slice = Math.min(shard.count - 1, Math.floor(((before + entry.size / 2) * shard.count) / total));
    if (slice === shard.index - 1) chosen.add(entry.item);
    before += entry.size;
  }
  // Back in the caller's order (document order of the project), so output stays sorted as unsharded.
  return items.filter((item) => chosen.has(item));
}

/** The size of a file in bytes (1 when it cannot be read: the run reports that file itself). */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 1;
  }
}
