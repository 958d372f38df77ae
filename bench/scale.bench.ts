/**
 * Scale: whole CLI runs on a generated corpus (default 200 articles; YAKUGO_BENCH_ARTICLES to change),
 * each in its own process as a user runs them. Baseline: the floor, a plain kuromoji tokenization of the
 * same prose. Rows: check with a cold and a warm cache, check without cache, a warm build, and the
 * shards; peak RSS of each run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from './corpus.js';
import { type Measurement, report } from './harness.js';

interface ChildResult {
  code: number;
  ms: number;
  rssMiB: number;
  parseMs?: number;
  stdout: string;
}

function child(script: string, args: string[]): ChildResult {
  const result = spawnSync(process.execPath, [join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  const measured = JSON.parse(String(result.output[3] ?? '{}')) as Omit<ChildResult, 'stdout'>;
  // Exit 1 (problems found) is a normal check result on a half-translated corpus; 2 is a failed run.
  if (typeof measured.ms !== 'number' || measured.code === 2) throw new Error(`${script} ${args.join(' ')} failed: ${result.stderr}`);
  return { ...measured, stdout: String(result.stdout) };
}

export default async function scaleBench(repositoryRoot: string): Promise<void> {
  const articles = Number(process.env['YAKUGO_BENCH_ARTICLES'] ?? 200);
  const corpus = generateCorpus(repositoryRoot, { articles, seed: 20261129 });
  const cache = join(corpus.root, 'bench-cache');
  const cli = (...args: string[]) => child('cli-child.js', ['--root', corpus.root, '--cache-location', cache, ...args]);
  try {
    cli('extract');
    // Half of the English catalogs translated with the source text itself (as text/untranslated sees it),
    // so the target-side rules have work too.
    const enDir = join(corpus.root, 'locales/en');
    for (const folder of readdirSync(enDir)) {
      for (const name of readdirSync(join(enDir, folder)).filter((file, index) => file.endsWith('.json') && index % 2 === 0)) {
        const file = join(enDir, folder, name);
        const source = JSON.parse(readFileSync(join(corpus.root, 'locales/ja', folder, name), 'utf8')) as Record<string, string>;
        writeFileSync(file, JSON.stringify(source, null, 2));
      }
    }
    cli('extract');
    cli('build');

    const floorRun = child('tokenize-child.js', [corpus.root]);
    const floor: Measurement = { name: `kuromoji load + tokenize the prose of ${articles} articles (${(corpus.bytes / 1e6).toFixed(1)} MB)`, ms: floorRun.ms - (floorRun.parseMs ?? 0) };
    rmSync(cache, { recursive: true, force: true });
    const cold = cli('check', '--format', 'json');
    const warm = cli('check', '--format', 'json');
    const uncached = cli('--no-cache', 'check', '--format', 'json', '--jobs', '1');
    const uncachedTwo = cli('--no-cache', 'check', '--format', 'json', '--jobs', '2');
    const warmBuild = cli('build');
    const shards = [1, 2].map((index) => cli('check', '--format', 'json', '--shard', `${index}/2`));
    const reports = shards.map((shard, index) => {
      const file = join(corpus.root, `shard-${index + 1}.json`);
      writeFileSync(file, shard.stdout);
      return file;
    });
    const merged = cli('check', '--format', 'json', '--merge', ...reports);

    report(`scale: ${articles} generated articles, whole CLI runs`, floor, [
      { name: 'check, cold cache', ms: cold.ms, note: `peak RSS ${cold.rssMiB.toFixed(0)} MiB` },
      { name: 'check, warm cache (nothing changed)', ms: warm.ms, note: `peak RSS ${warm.rssMiB.toFixed(0)} MiB; ${((100 * warm.ms) / cold.ms).toFixed(0)}% of cold` },
      { name: 'check --no-cache --jobs 1', ms: uncached.ms, note: `peak RSS ${uncached.rssMiB.toFixed(0)} MiB` },
      { name: 'check --no-cache --jobs 2', ms: uncachedTwo.ms, note: `peak RSS ${uncachedTwo.rssMiB.toFixed(0)} MiB; ${(uncached.ms / uncachedTwo.ms).toFixed(2)}× faster than --jobs 1` },
      { name: 'build, nothing changed', ms: warmBuild.ms, note: `peak RSS ${warmBuild.rssMiB.toFixed(0)} MiB` },
      { name: 'check --shard 1/2 (warm)', ms: shards[0]!.ms },
      { name: 'check --shard 2/2 (warm)', ms: shards[1]!.ms },
    ]);
    const identical = cold.stdout === warm.stdout && warm.stdout === uncached.stdout && uncachedTwo.stdout === uncached.stdout && merged.stdout === cold.stdout;
    process.stdout.write(`  same report cold / warm / --no-cache / --jobs 2 / merged shards: ${identical ? 'yes, byte for byte' : 'NO — a cache or shard changed a result'}\n`);
    if (!identical) process.exitCode = 1;
  } finally {
    rmSync(corpus.root, { recursive: true, force: true });
  }
}
