/**
 * Scale: whole CLI runs on a generated corpus (default 200 articles; YAKUGO_BENCH_ARTICLES to change),
 * each in its own process as a user runs them. Baseline: the floor, plain kuromoji (built as its README
 * shows) tokenizing the same prose, each distinct text once. Rows: yakugo's own tokenizer on the same
 * texts, check with a cold and a warm cache, check without cache on one and two threads, a warm build and
 * extract, and the shards; peak RSS of each run. Runs that are compared with each other (the floor,
 * yakugo's tokenizer, --jobs 1 and 2) are each the best of their rounds, and the machine's own ceiling for
 * two threads is measured too: two floor processes at once, which share nothing but the machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, translateHalf } from './corpus.js';
import { type Measurement, report } from './harness.js';

interface ChildResult {
  code: number;
  ms: number;
  rssMiB: number;
  parseMs?: number;
  tokens?: number;
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

/** The same as `child`, without waiting: for running two at once. */
function childAsync(script: string, args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [join(import.meta.dirname, script), ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let measured = '';
    process_.stdio[3]!.on('data', (chunk: Buffer) => {
      measured += chunk.toString('utf8');
    });
    process_.on('error', reject);
    process_.on('close', () => resolve({ ...(JSON.parse(measured || '{}') as Omit<ChildResult, 'stdout'>), stdout: '' }));
  });
}

/** A digest of every file under `out/` (path and bytes), to compare what two builds wrote. */
function outDigest(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(join(root, 'out'));
  return hash.digest('hex');
}

/** The faster of two results, with the higher peak RSS of both (memory is not noise). */
function faster(a: ChildResult | undefined, b: ChildResult): ChildResult {
  if (!a) return b;
  const rssMiB = Math.max(a.rssMiB, b.rssMiB);
  return b.ms < a.ms ? { ...b, rssMiB } : { ...a, rssMiB };
}

export default async function scaleBench(repositoryRoot: string): Promise<void> {
  const articles = Number(process.env['YAKUGO_BENCH_ARTICLES'] ?? 200);
  const corpus = generateCorpus(repositoryRoot, { articles, seed: 20261129 });
  const cache = join(corpus.root, 'bench-cache');
  const cli = (...args: string[]) => child('cli-child.js', ['--root', corpus.root, '--cache-location', cache, ...args]);
  try {
    cli('extract');
    translateHalf(repositoryRoot, corpus, 20261129);
    cli('extract');
    cli('build');

    // The runs compared with each other go in rounds, each the floor, the floor twice at once, --jobs 1 and
    // --jobs 2, and each keeps its fastest round: a machine shared with other work slows down for minutes
    // at a time, and a slowed run says nothing about yakugo. Rounds interleave so that no row gets only slow
    // minutes.
    const rounds = Number(process.env['YAKUGO_BENCH_ROUNDS'] ?? 3);
    const floorMs = (run: ChildResult) => run.ms - (run.parseMs ?? 0);
    let floorRun: ChildResult | undefined;
    let ownTokenizer: ChildResult | undefined;
    let pairMs = Number.POSITIVE_INFINITY;
    let uncached: ChildResult | undefined;
    let uncachedTwo: ChildResult | undefined;
    let shardPairMs = Number.POSITIVE_INFINITY;
    const coldBuild: Array<ChildResult | undefined> = [undefined, undefined];
    const coldExtract: Array<ChildResult | undefined> = [undefined, undefined];
    let builtOut: string | undefined;
    for (let round = 0; round < rounds; round++) {
      floorRun = faster(floorRun, child('tokenize-child.js', [corpus.root]));
      ownTokenizer = faster(ownTokenizer, child('tokenize-child.js', [corpus.root, '--yakugo']));
      const pair = await Promise.all([childAsync('tokenize-child.js', [corpus.root]), childAsync('tokenize-child.js', [corpus.root])]);
      pairMs = Math.min(pairMs, Math.max(...pair.map(floorMs)));
      uncached = faster(uncached, cli('--no-cache', 'check', '--format', 'json', '--jobs', '1'));
      uncachedTwo = faster(uncachedTwo, cli('--no-cache', 'check', '--format', 'json', '--jobs', '2'));
      // The same check as two processes that share nothing, each half the articles: this machine's ceiling
      // for this very work, with no thread of yakugo's in it.
      const shardPair = await Promise.all(
        [1, 2].map((index) => childAsync('cli-child.js', ['--root', corpus.root, '--no-cache', 'check', '--format', 'json', '--jobs', '1', '--shard', `${index}/2`])),
      );
      shardPairMs = Math.min(shardPairMs, Math.max(...shardPair.map((run) => run.ms)));
      for (const [index, jobs] of ['1', '2'].entries()) {
        rmSync(join(corpus.root, 'out'), { recursive: true, force: true });
        coldBuild[index] = faster(coldBuild[index], cli('--no-cache', 'build', '--jobs', jobs));
        const out = outDigest(corpus.root);
        if (builtOut !== undefined && out !== builtOut) throw new Error(`build --jobs ${jobs} wrote other editions than --jobs 1`);
        builtOut = out;
        coldExtract[index] = faster(coldExtract[index], cli('--no-cache', 'extract', '--jobs', jobs));
      }
    }
    const floor: Measurement = { name: `plain kuromoji: load + tokenize the prose of ${articles} articles (${(corpus.bytes / 1e6).toFixed(1)} MB)`, ms: floorMs(floorRun!) };
    const ceiling = (2 * floor.ms) / pairMs;
    rmSync(cache, { recursive: true, force: true });
    const cold = cli('check', '--format', 'json');
    const warm = cli('check', '--format', 'json');
    const warmBuild = cli('build');
    const warmExtract = cli('extract');
    const shards = [1, 2].map((index) => cli('check', '--format', 'json', '--shard', `${index}/2`));
    const reports = shards.map((shard, index) => {
      const file = join(corpus.root, `shard-${index + 1}.json`);
      writeFileSync(file, shard.stdout);
      return file;
    });
    const merged = cli('check', '--format', 'json', '--merge', ...reports);

    report(`scale: ${articles} generated articles, whole CLI runs`, floor, [
      { name: "yakugo's tokenizer alone, the same texts", ms: floorMs(ownTokenizer!), note: `peak RSS ${ownTokenizer!.rssMiB.toFixed(0)} MiB` },
      { name: 'check, cold cache', ms: cold.ms, note: `peak RSS ${cold.rssMiB.toFixed(0)} MiB` },
      { name: 'check, warm cache (nothing changed)', ms: warm.ms, note: `peak RSS ${warm.rssMiB.toFixed(0)} MiB; ${((100 * warm.ms) / cold.ms).toFixed(0)}% of cold` },
      { name: 'check --no-cache --jobs 1', ms: uncached!.ms, note: `peak RSS ${uncached!.rssMiB.toFixed(0)} MiB` },
      {
        name: 'check --no-cache --jobs 2',
        ms: uncachedTwo!.ms,
        note: `peak RSS ${uncachedTwo!.rssMiB.toFixed(0)} MiB; ${(uncached!.ms / uncachedTwo!.ms).toFixed(2)}× faster than --jobs 1; this machine's ceiling: ${ceiling.toFixed(2)}×`,
      },
      {
        name: 'two check --no-cache --jobs 1 --shard i/2 processes at once',
        ms: shardPairMs,
        note: `the machine's ceiling for check itself: ${(uncached!.ms / shardPairMs).toFixed(2)}× faster than --jobs 1; --jobs 2 reaches ${((100 * shardPairMs) / uncachedTwo!.ms).toFixed(0)}% of it`,
      },
      { name: 'build --no-cache --jobs 1, no out/', ms: coldBuild[0]!.ms, note: `peak RSS ${coldBuild[0]!.rssMiB.toFixed(0)} MiB` },
      {
        name: 'build --no-cache --jobs 2, no out/',
        ms: coldBuild[1]!.ms,
        note: `peak RSS ${coldBuild[1]!.rssMiB.toFixed(0)} MiB; ${(coldBuild[0]!.ms / coldBuild[1]!.ms).toFixed(2)}× faster; the same editions`,
      },
      { name: 'extract --no-cache --jobs 1 (every article parsed)', ms: coldExtract[0]!.ms, note: `peak RSS ${coldExtract[0]!.rssMiB.toFixed(0)} MiB` },
      {
        name: 'extract --no-cache --jobs 2',
        ms: coldExtract[1]!.ms,
        note: `peak RSS ${coldExtract[1]!.rssMiB.toFixed(0)} MiB; ${(coldExtract[0]!.ms / coldExtract[1]!.ms).toFixed(2)}× faster`,
      },
      { name: 'build, nothing changed', ms: warmBuild.ms, note: `peak RSS ${warmBuild.rssMiB.toFixed(0)} MiB` },
      { name: 'extract, nothing changed', ms: warmExtract.ms, note: `peak RSS ${warmExtract.rssMiB.toFixed(0)} MiB` },
      { name: 'check --shard 1/2 (warm)', ms: shards[0]!.ms },
      { name: 'check --shard 2/2 (warm)', ms: shards[1]!.ms },
    ]);
    const identical = cold.stdout === warm.stdout && warm.stdout === uncached!.stdout && uncachedTwo!.stdout === uncached!.stdout && merged.stdout === cold.stdout;
    process.stdout.write(
      `  this machine's ceiling for two threads: two floor runs at once get through ${ceiling.toFixed(2)}× the work of one in the same time (2.00× would be two whole cores)\n`,
    );
    process.stdout.write(`  same report cold / warm / --no-cache / --jobs 2 / merged shards: ${identical ? 'yes, byte for byte' : 'NO — a cache or shard changed a result'}\n`);
    if (!identical) process.exitCode = 1;
    // Texts over 48 characters reach kuromoji in pieces (see tokenizer.ts), which can part a word only at a
    // forced cut in a long run without any sentence mark, line break or space: then the counts differ.
    process.stdout.write(`  tokens: yakugo's tokenizer ${ownTokenizer!.tokens}, plain kuromoji ${floorRun!.tokens}${ownTokenizer!.tokens === floorRun!.tokens ? ' (the same)' : ''}\n`);
  } finally {
    rmSync(corpus.root, { recursive: true, force: true });
  }
}
