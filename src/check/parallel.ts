/**
 * The articles a check has to compute (the cache answered the others), in this thread or on a pool of
 * worker threads (`--jobs`). Workers take small batches from one queue, so a thread that drew long
 * articles takes fewer; the problems are sorted afterwards, so the report is byte for byte the same for
 * any number of threads.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { cacheSettings } from '../cache/store.js';
import type { Project } from '../config/load.js';
import { sharedDictionary } from '../glossary/tokenizer.js';
import { YakugoError } from '../util/errors.js';
import { defineMessages } from '../util/i18n.js';
import { type ArticleOutcome, type CheckRun, type CheckTaskResult, checkFiles, fromTaskError, taskError } from './articles.js';
import type { CheckTask, CheckWorkerData } from './worker.js';

const t = defineMessages('check-parallel', {
  en: { badJobs: '--jobs expects a whole number of at least 1, got "{{value}}"' },
  ja: { badJobs: '--jobs には 1 以上の整数を指定してください: "{{value}}"' },
});

/** `--jobs N`; the default is the number of cores this process may use. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) throw new YakugoError(t('badJobs', { value }));
  return Number(value);
}

/**
 * At most one thread per this many articles: a worker starts its own module graph and kuromoji tables
 * (about 1.5 s with warming up), which a handful of articles never repays, however long they are.
 */
const ARTICLES_PER_WORKER = 8;
/** About this many batches per worker: enough to even out long and short articles, few enough to be cheap. */
const BATCHES_PER_WORKER = 6;

export interface CheckedArticles {
  outcomes: ArticleOutcome[];
  /** Threads that checked, this one included (1: this one alone). */
  workers: number;
}

/**
 * How much work must be left, in milliseconds of this thread alone, before worker threads are worth their
 * start-up (about 1.5 s each: modules, kuromoji's tables, compiling hot code). `YAKUGO_PARALLEL_AFTER_MS`
 * sets it (0: start them at once).
 */
function parallelAfterMs(): number {
  const setting = process.env['YAKUGO_PARALLEL_AFTER_MS']?.trim();
  const value = setting ? Number(setting) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value : 5000;
}
/**
 * How long this thread checks before it estimates how long the rest would take (or a quarter of the
 * articles, if that comes first). The first articles are slow, while hot code is being compiled: an
 * estimate made on them alone would be about twice too high.
 */
const MEASURING_MS = 1000;

/**
 * Checks `files` with `run` on up to `jobs` threads: this one and `jobs - 1` workers. This thread starts
 * at once and takes part throughout: its tokenizer is usually built already (the glossary's examples
 * needed it), and it costs no start-up. Workers are started only when, after a second of checking, the
 * articles left would take this thread longer than their start-up is worth; a project checked in a few
 * seconds is checked faster by one thread. Code that is not compiled (the test runner) runs in this thread alone.
 */
export async function checkArticles(
  project: Project,
  files: readonly string[],
  run: CheckRun,
  selection: { languages: readonly string[] | undefined; rules: readonly string[] | undefined },
  jobs: number,
): Promise<CheckedArticles> {
  const worker = new URL('./worker.js', import.meta.url);
  const threads = Math.min(jobs, Math.floor(files.length / ARTICLES_PER_WORKER));
  if (threads < 2 || !existsSync(fileURLToPath(worker))) return { outcomes: await checkFiles(project, files, run), workers: 1 };

  const size = Math.max(1, Math.ceil(files.length / (threads * BATCHES_PER_WORKER)));
  const batches: string[][] = [];
  for (let start = 0; start < files.length; start += size) batches.push(files.slice(start, start + size));
  // One queue: each thread takes the next batch when it is done with its last.
  const results: CheckTaskResult[] = [];
  let next = 0;
  const take = (): number | undefined => (next < batches.length ? next++ : undefined);

  let pool: Piscina<CheckTask, CheckTaskResult> | undefined;
  const workerLanes: Array<Promise<void>> = [];
  let laneFailure: { error: unknown } | undefined;
  const startWorkers = () => {
    const workerData: CheckWorkerData = {
      root: project.root,
      configFile: project.configFile,
      languages: selection.languages,
      rules: selection.rules,
      cache: cacheSettings(),
      glossary: run.glossary,
    };
    const started = new Piscina<CheckTask, CheckTaskResult>({ filename: worker.href, minThreads: threads - 1, maxThreads: threads - 1, idleTimeout: 100, workerData });
    pool = started;
    // The dictionary is read (or found read) while the workers load their modules.
    const dictionary = sharedDictionary();
    for (let lane = 0; lane < threads - 1; lane++) {
      workerLanes.push(
        (async () => {
          const shared = await dictionary;
          for (let index = take(); index !== undefined; index = take()) results[index] = await started.run({ files: batches[index]!, dictionary: shared });
        })().catch((error: unknown) => {
          // Kept until this thread is done with its own batches, then thrown: never an unhandled rejection.
          laneFailure ??= { error };
        }),
      );
    }
  };
  const begun = performance.now();
  let checkedHere = 0;
  const limit = parallelAfterMs();
  const afterArticle = () => {
    checkedHere++;
    const elapsed = performance.now() - begun;
    if (pool || (elapsed < MEASURING_MS && checkedHere < files.length / 4 && limit > 0)) return;
    const left = (files.length - checkedHere) * (elapsed / checkedHere);
    if (left > limit && next < batches.length) startWorkers();
  };
  try {
    if (limit === 0) startWorkers();
    for (let index = take(); index !== undefined; index = take()) results[index] = await checkYielding(project, batches[index]!, run, afterArticle);
    await Promise.all(workerLanes);
    if (laneFailure) throw laneFailure.error;
    const outcomes: ArticleOutcome[] = [];
    for (const result of results) {
      // The first input error in article order, as one thread would have met it first.
      if ('error' in result) throw fromTaskError(result.error);
      outcomes.push(...result.outcomes);
    }
    return { outcomes, workers: pool ? threads : 1 };
  } finally {
    await (pool as Piscina<CheckTask, CheckTaskResult> | undefined)?.destroy();
  }
}

/**
 * A batch checked in this thread, one article at a time, letting the event loop run between articles: the
 * workers' finished batches are collected and their next ones handed out without waiting for this one.
 */
async function checkYielding(project: Project, files: readonly string[], run: CheckRun, afterArticle: () => void): Promise<CheckTaskResult> {
  const outcomes: ArticleOutcome[] = [];
  try {
    for (const file of files) {
      outcomes.push(...(await checkFiles(project, [file], run)));
      afterArticle();
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    return taskError(error);
  }
  return { outcomes };
}
