import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the running tool's modules (`dist/` when installed, `src/` under the test runner). */
const codeRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const packageRoot = findPackageRoot(codeRoot);

/** The nearest folder above the code that holds yakugo's package.json (`dist/..`, `src/..`, `.bench/src/../..`). */
function findPackageRoot(from: string): string {
  let dir = dirname(from);
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'yakugo') return dir;
    } catch {
      // no package.json here: look further up
    }
    const parent = dirname(dir);
    if (parent === dir) return dirname(from);
    dir = parent;
  }
}

/** yakugo's own package.json (name, version, home page), wherever the running code was compiled to. */
export function yakugoManifest(): { name: string; version: string; homepage?: string } {
  return JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string; homepage?: string };
}

let cached: string | undefined;

/**
 * A hash of everything that decides what yakugo computes from given inputs: the code of the running tool
 * (every module file, so any change to a renderer or a rule invalidates what was recorded with the old
 * one) and the versions of its dependencies (remark, micromark, kuromoji…). Recorded next to results
 * that are reused across runs, so a result is only reused by the same code. Same code, same fingerprint on
 * every machine: the compiled files are deterministic.
 */
export function toolFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(codeRoot);
  for (const file of files) {
    hash.update(file.slice(codeRoot.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const require = createRequire(join(packageRoot, 'package.json'));
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    hash.update(`${name}@${dependencyVersion(require, name)}\0`);
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}

function dependencyVersion(require: NodeJS.Require, name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    // Packages whose exports hide package.json: their entry file's folder still names the installed copy.
    try {
      return createHash('sha256').update(readFileSync(require.resolve(name))).digest('hex').slice(0, 12);
    } catch {
      return 'unresolved';
    }
  }
}
