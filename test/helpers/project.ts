import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away project folder: `files` maps relative paths to contents. */
export function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'yakugo-test-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

/** A copy of this repository's project files (sources, catalogs, glossary, editions, config). */
export function copyRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'yakugo-repo-'));
  for (const entry of ['source', 'locales', 'glossary', 'out', 'yakugo.config.yaml']) {
    cpSync(join(repositoryRoot, entry), join(root, entry), { recursive: true });
  }
  return root;
}

export const repositoryRoot = join(import.meta.dirname, '..', '..');

export function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

export function write(root: string, path: string, contents: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), contents);
}

/** Reads a catalog as a plain object. */
export function readJson(root: string, path: string): Record<string, string> {
  return JSON.parse(read(root, path)) as Record<string, string>;
}
