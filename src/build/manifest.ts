import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { catalogPath } from '../catalog/catalog.js';
import type { Project } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { SourceArticle } from '../markdown/types.js';
import { hashFile, readBytesIfExists, writeFileAtomic } from '../util/fs.js';
import { toolFingerprint } from '../util/fingerprint.js';

/**
 * `out/.yakugo-build.json`: for every edition build wrote, a hash of what it was rendered from (the code,
 * the configuration, the article and its catalogs, see `editionInputsHash`) and a hash of the bytes
 * written. An edition whose inputs and file both still hash the same needs no rendering: `build` leaves it
 * as it is and `check` (edition/outdated) knows it is current without rendering it. Only hashes, sorted,
 * so the file is the same on every machine; commit it with out/ so a fresh clone's CI starts warm. A
 * missing, foreign or damaged manifest only means every edition is rendered again.
 */
export const MANIFEST_FILE = '.yakugo-build.json';

interface ManifestEntry {
  inputs: string;
  /** The hash of the bytes written; absent for an edition these inputs do not build (see `skipped`). */
  output?: string;
  /** Build wrote no file from these inputs: a required language with missing keys, or below its threshold. */
  skipped?: true;
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
          if (typeof entry?.inputs !== 'string') continue;
          if (typeof entry.output === 'string') entries.set(file, { inputs: entry.inputs, output: entry.output });
          else if (entry.skipped === true) entries.set(file, { inputs: entry.inputs, skipped: true });
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

/**
 * The hash of everything the `lng` edition of an article is rendered from, and everything that decides
 * whether it is built at all, as bytes: the code, the whole configuration, the article, and the article's
 * catalog in every language a segment of this edition may be resolved from. Being bytes, it is known
 * without resolving or rendering anything: `check` compares it with the manifest to know an edition is
 * current.
 */
export function editionInputsHash(project: Project, article: SourceArticle, lng: string): string {
  const { config } = project;
  const hash = createHash('sha256')
    .update(toolFingerprint())
    .update('\0')
    .update(JSON.stringify([config, article.syntax, article.bom, lng]))
    .update('\0')
    .update(article.source);
  // Named by language, not path: the manifest is committed and must hash the same on every machine.
  for (const catalogLanguage of resolutionLanguages(config, lng)) hashFile(hash, catalogPath(project, catalogLanguage, article.id), catalogLanguage);
  return hash.digest('hex');
}

/**
 * Every language a text of the `lng` edition may come from, generously: the language, its primary subtag
 * (`en` for `en-GB`), the configured fallbacks of either, followed transitively, and the source language.
 * A language too many only means an edition is rendered again when it need not be.
 */
export function resolutionLanguages(config: Config, lng: string): string[] {
  const found = new Set<string>();
  const visit = (code: string) => {
    if (found.has(code)) return;
    found.add(code);
    const primary = code.split('-')[0]!;
    if (primary !== code) visit(primary);
    for (const next of config.fallback[code] ?? []) visit(next);
  };
  visit(lng);
  found.add(config.sourceLanguage);
  return [...found];
}

/** An edition's entry name in the manifest: its path under out/, with forward slashes. */
export function manifestKey(project: Project, editionFile: string): string {
  return relative(project.dirs.out, editionFile).split(sep).join('/');
}

export function contentHash(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** True when the edition file still holds what build wrote from these very inputs. */
export function isCurrent(manifest: BuildManifest, edition: string, inputs: string, onDisk: Buffer | null): boolean {
  const entry = manifest.entries.get(edition);
  return entry !== undefined && onDisk !== null && entry.inputs === inputs && entry.output === contentHash(onDisk);
}

/** What the manifest knows of an edition from its inputs alone: built and unchanged since, or not built. */
export function knownVerdict(manifest: BuildManifest, edition: string, inputs: string, onDisk: () => Buffer | null): 'current' | 'skipped' | undefined {
  const entry = manifest.entries.get(edition);
  if (entry?.inputs !== inputs) return undefined;
  if (entry.skipped) return 'skipped';
  return isCurrent(manifest, edition, inputs, onDisk()) ? 'current' : undefined;
}

/** Records what build wrote (`contents`), or that it wrote nothing from these inputs (null). */
export function record(manifest: BuildManifest, edition: string, inputs: string, contents: string | null): void {
  const entry = manifest.entries.get(edition);
  if (contents === null) {
    if (entry?.inputs === inputs && entry.skipped) return;
    manifest.entries.set(edition, { inputs, skipped: true });
  } else {
    const output = contentHash(contents);
    if (entry?.inputs === inputs && entry.output === output) return;
    manifest.entries.set(edition, { inputs, output });
  }
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
