import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/** Every folder this module made, removed when the test file is done (so `npm test` leaves no litter). */
const made: string[] = [];
afterAll(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A new empty folder in the system temp directory, removed after the test file. */
export function makeTempFolder(prefix = 'yakugo-test-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}

/** A throw-away project folder: `files` maps relative paths to contents. */
export function makeProject(files: Record<string, string>): string {
  const root = makeTempFolder();
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

/** A copy of this repository's project files (sources, catalogs, glossary, editions, config). */
export function copyRepository(): string {
  const root = makeTempFolder('yakugo-repo-');
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
