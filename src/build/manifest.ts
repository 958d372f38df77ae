import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Project } from '../config/load.js';
import { readBytesIfExists, writeFileAtomic } from '../util/fs.js';
import { toolFingerprint } from '../util/fingerprint.js';

/**
 * `out/.yakugo-build.json`: for every edition build wrote, a hash of what it was rendered from (the code,
 * the article, the translated front-matter fields, and the text of every segment in that language) and a
 * hash of the bytes written. An edition whose inputs and file both still hash the same needs no rendering:
 * `build` leaves it as it is and `check` (edition/outdated) knows it is current without rendering it. Only
 * hashes, sorted, so the file is the same on every machine; commit it with out/ so a fresh clone's CI
 * starts warm. A missing, foreign or damaged manifest only means every edition is rendered again.
 */
export const MANIFEST_FILE = '.yakugo-build.json';

interface ManifestEntry {
  inputs: string;
  output: string;
}

export interface BuildManifest {
  /** Edition path relative to out/ (`en/deepseek-shock.md`) → its entry. */
  entries: Map<string, ManifestEntry>;
  changed: boolean;
}

export function readManifest(project: Project): BuildManifest {
  const entries = new Map<string, ManifestEntry>();
  const bytes = readBytesIfExists(join(project.dirs.out, MANIFEST_FILE));
  if (bytes !== null) {
    try {
      const data = JSON.parse(bytes.toString('utf8')) as { yakugoBuild?: number; editions?: Record<string, ManifestEntry> };
      if (data.yakugoBuild === 1 && data.editions && typeof data.editions === 'object') {
        for (const [file, entry] of Object.entries(data.editions)) {
          if (typeof entry?.inputs === 'string' && typeof entry.output === 'string') entries.set(file, { inputs: entry.inputs, output: entry.output });
        }
      }
    } catch {
      // A damaged manifest is an empty one: editions are rendered and compared as if there were none.
    }
  }
  return { entries, changed: false };
}

export function writeManifest(project: Project, manifest: BuildManifest): void {
  if (!manifest.changed) return;
  const editions = Object.fromEntries([...manifest.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileAtomic(join(project.dirs.out, MANIFEST_FILE), `${JSON.stringify({ yakugoBuild: 1, editions }, null, 2)}\n`);
}

/** The hash of everything an edition is rendered from; `settings` holds the options that shape it (JSON). */
export function editionInputsHash(source: string, settings: string, texts: Iterable<[string, string]>): string {
  const hash = createHash('sha256').update(toolFingerprint()).update('\0').update(settings).update('\0').update(source);
  for (const [key, text] of texts) hash.update('\0').update(key).update('\0').update(text);
  return hash.digest('hex');
}

export function contentHash(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** True when the edition file still holds what build wrote from these very inputs. */
export function isCurrent(manifest: BuildManifest, edition: string, inputs: string, onDisk: Buffer | null): boolean {
  const entry = manifest.entries.get(edition);
  return entry !== undefined && onDisk !== null && entry.inputs === inputs && entry.output === contentHash(onDisk);
}

export function record(manifest: BuildManifest, edition: string, inputs: string, contents: string): void {
  const output = contentHash(contents);
  const entry = manifest.entries.get(edition);
  if (entry?.inputs === inputs && entry.output === output) return;
  manifest.entries.set(edition, { inputs, output });
  manifest.changed = true;
}

/** Drops the entries of editions not in `keep`. */
export function forgetOthers(manifest: BuildManifest, keep: ReadonlySet<string>): void {
  for (const edition of [...manifest.entries.keys()]) {
    if (keep.has(edition)) continue;
    manifest.entries.delete(edition);
    manifest.changed = true;
  }
}
