import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/fs.js';
import { toolFingerprint } from '../util/fingerprint.js';

/**
 * A persistent cache of results by content hash, under `node_modules/.cache/yakugo/` of the project (the
 * convention of babel-loader and ESLint), or `--cache-location`. An entry is one JSON file named by the hash
 * of its key, holding the key again and the fingerprint of the code that computed it: an entry from other
 * code, for another key, or damaged on disk is never used, only computed again and overwritten. A cache
 * never changes a result, only how long it takes.
 */
export interface Cache {
  /** The value stored for `key` in `kind`, or undefined. */
  get<T>(kind: string, key: string): T | undefined;
  set(kind: string, key: string, value: unknown): void;
  /** Whether any entry of `kind` is stored (a first run, or a CI runner without a restored cache, has none). */
  holds(kind: string): boolean;
  /** Hits and misses so far, for `--verbose` and the benchmark. */
  stats: { hits: number; misses: number };
}

export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'yakugo');

export function openCache(location: string): Cache {
  const fingerprint = toolFingerprint();
  const stats = { hits: 0, misses: 0 };
  const pathOf = (kind: string, key: string): { path: string; id: string } => {
    const id = createHash('sha256').update(fingerprint).update('\0').update(kind).update('\0').update(key).digest('hex');
    return { path: join(location, kind, id.slice(0, 2), `${id.slice(2)}.json`), id };
  };
  return {
    stats,
    get<T>(kind: string, key: string): T | undefined {
      const { path, id } = pathOf(kind, key);
      try {
        const entry = JSON.parse(readFileSync(path, 'utf8')) as { id?: string; fingerprint?: string; value?: T };
        if (entry.id === id && entry.fingerprint === fingerprint && entry.value !== undefined) {
          stats.hits++;
          return entry.value;
        }
      } catch {
        // missing or damaged: computed again
      }
      stats.misses++;
      return undefined;
    },
    holds(kind) {
      try {
        return readdirSync(join(location, kind)).length > 0;
      } catch {
        return false;
      }
    },
    set(kind, key, value) {
      const { path, id } = pathOf(kind, key);
      try {
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileAtomic(path, JSON.stringify({ id, fingerprint, value }));
      } catch {
        // A cache that cannot be written (read-only node_modules) only makes the next run slower.
      }
    },
  };
}

/** A cache that holds nothing (`--no-cache`). */
export const noCache: Cache = {
  get: () => undefined,
  set: () => undefined,
  holds: () => false,
  stats: { hits: 0, misses: 0 },
};

/** How the CLI was told to cache (`--no-cache`, `--cache-location`); the library default is on, in the project. */
const settings: { enabled: boolean; location: string | undefined } = { enabled: process.env['YAKUGO_NO_CACHE'] === undefined, location: undefined };
const opened = new Map<string, Cache>();

/** Sets how this process caches; a setting left out goes back to its default. */
export function configureCache(options: { enabled?: boolean; location?: string }): void {
  settings.enabled = options.enabled ?? process.env['YAKUGO_NO_CACHE'] === undefined;
  settings.location = options.location;
}

/** The settings in force, to hand to worker threads. */
export function cacheSettings(): { enabled: boolean; location: string | undefined } {
  return { ...settings };
}

/** The cache of the project at `root`, as configured. */
export function projectCache(root: string): Cache {
  if (!settings.enabled) return noCache;
  const location = settings.location ?? join(root, DEFAULT_CACHE_LOCATION);
  let cache = opened.get(location);
  if (!cache) {
    cache = openCache(location);
    opened.set(location, cache);
  }
  return cache;
}
