import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { peakRssMiB } from './harness.js';

/** Runs every `*.bench.js` section beside this file (compiled from bench/*.bench.ts). */
async function main(): Promise<void> {
  const here = import.meta.dirname;
  const root = join(here, '..', '..');
  const sections = readdirSync(here).filter((name) => name.endsWith('.bench.js')).sort();
  const only = process.argv[2];
  for (const name of sections) {
    if (only && !name.startsWith(only)) continue;
    const section = (await import(join(here, name))) as { default: (root: string) => Promise<void> };
    await section.default(root);
  }
  process.stdout.write(`\npeak RSS: ${peakRssMiB().toFixed(0)} MiB\n`);
}

await main();
