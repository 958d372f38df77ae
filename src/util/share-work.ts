/**
 * Work on a list of articles shared between this thread and a pool of worker threads (piscina): small
 * batches from one queue, which this thread and every worker take from, so a thread that drew long articles
 * takes fewer. This thread starts at once and takes part throughout; the workers are started only once the
 * work left is worth their start-up. The results come back in the order of the batches, whichever thread
 * did them, so what a command makes of them is the same for any number of threads. `check`, `build` and
 * `extract` share their articles this way.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { YakugoError } from './errors.js';
import { defineMessages } from './i18n.js';

const t = defineMessages('share-work', {
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
 * How much work must be left, in milliseconds of this thread alone, before worker threads are worth their
 * start-up. `YAKUGO_PARALLEL_AFTER_MS` sets it (0: start them at once).
 */
function parallelAfterMs(fallback: number): number {
  const setting = process.env['YAKUGO_PARALLEL_AFTER_MS']?.trim();
  const value = setting ? Number(setting) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * Whether work of `bytes` starts its workers at once: when it is at least `threshold` (so large that even a
 * fast core would be busy for seconds), or when `YAKUGO_PARALLEL_AFTER_MS` is 0.
 */
export function startsAtOnce(bytes: number, threshold: number): boolean {
  return bytes >= threshold || parallelAfterMs(Number.POSITIVE_INFINITY) === 0;
}

/**
 * How long this thread works before it estimates how long the rest would take (or a quarter of the items,
 * if that comes first). The first items are slow, while hot code is being compiled: an estimate made on
 * them alone would be about twice too high.
 */
const MEASURING_MS = 1000;
/** About this many batches per thread: enough to even out long and short articles, few enough to be cheap. */
const BATCHES_PER_THREAD = 6;

/**
 * Starts `count` worker threads of `worker` now, before the work is known, so that they load their modules
 * while this thread prepares it; undefined when the compiled worker module is missing (code run by the
 * test runner). Whoever starts them destroys them.
 */
export function startWorkers(worker: URL, workerData: unknown, count: number): Piscina | undefined {
  if (count < 1 || !existsSync(fileURLToPath(worker))) return undefined;
  return new Piscina({ filename: worker.href, minThreads: count, maxThreads: count, idleTimeout: 100, workerData });
}

export interface SharedWork<Item, BatchResult> {
  items: readonly Item[];
  /** Threads at most, this one included. */
  jobs: number;
  /** At most one thread per this many items: a worker's start-up is never repaid by a handful. */
  itemsPerThread: number;
  /**
   * Workers start when the work left would take this thread longer than this (milliseconds), estimated
   * after a first stretch of it; `YAKUGO_PARALLEL_AFTER_MS` overrides it.
   */
  startAfterMs: number;
  /**
   * Start the workers at once, without measuring first: the caller knows the work is large (so many bytes
   * that even a fast core would be busy for seconds). The second of measuring is then work shared.
   */
  startAtOnce?: boolean;
  /** The compiled worker module; when it is missing (code run by the test runner), this thread does all. */
  worker: URL;
  /**
   * Workers started earlier (`startWorkers`, with this `worker` and `workerData`), used as soon as the work
   * is shared at all; their starter destroys them.
   */
  started?: Piscina | undefined;
  /** What every worker receives once, when it starts. */
  workerData: unknown;
  /** The task a worker receives for a batch. */
  task(batch: Item[]): Promise<unknown>;
  /** This thread's work on one item; it may throw, which ends the batch (see `batchFailed`). */
  here(item: Item): Promise<unknown> | unknown;
  /** The result of a batch done here, from the results of its items. */
  batchDone(results: unknown[]): BatchResult;
  /** The result of a batch here whose item threw: the error as a worker would have sent it back. */
  batchFailed(error: unknown): BatchResult;
}

export interface SharedResults<BatchResult> {
  /** One per batch, in the order of the items. */
  results: BatchResult[];
  /** Threads that worked, this one included (1: this one alone). */
  threads: number;
}

export async function shareWork<Item, BatchResult>(work: SharedWork<Item, BatchResult>): Promise<SharedResults<BatchResult>> {
  const { items } = work;
  const threads = existsSync(fileURLToPath(work.worker)) ? Math.min(work.jobs, Math.floor(items.length / work.itemsPerThread)) : 1;
  const size = Math.max(1, Math.ceil(items.length / (Math.max(threads, 1) * BATCHES_PER_THREAD)));
  const batches: Item[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  const results: BatchResult[] = [];
  let next = 0;
  const take = (): number | undefined => (next < batches.length ? next++ : undefined);

  let pool: Piscina | undefined;
  const lanes: Array<Promise<void>> = [];
  let laneFailure: { error: unknown } | undefined;
  const shareOut = () => {
    const started = work.started ?? startWorkers(work.worker, work.workerData, threads - 1)!;
    pool = started;
    for (let lane = 0; lane < threads - 1; lane++) {
      lanes.push(
        (async () => {
          for (let index = take(); index !== undefined; index = take()) results[index] = (await started.run(await work.task(batches[index]!))) as BatchResult;
        })().catch((error: unknown) => {
          // Kept until this thread is done with its own batches, then thrown: never an unhandled rejection.
          laneFailure ??= { error };
        }),
      );
    }
  };
  const begun = performance.now();
  let doneHere = 0;
  const limit = parallelAfterMs(work.startAfterMs);
  const afterItem = () => {
    doneHere++;
    if (pool || threads < 2) return;
    const elapsed = performance.now() - begun;
    if (elapsed < MEASURING_MS && doneHere < items.length / 4 && limit > 0) return;
    const left = (items.length - doneHere) * (elapsed / doneHere);
    if (left > limit && next < batches.length) shareOut();
  };
  try {
    if ((limit === 0 || work.startAtOnce === true || work.started) && threads >= 2) shareOut();
    for (let index = take(); index !== undefined; index = take()) results[index] = await doHere(work, batches[index]!, afterItem);
    await Promise.all(lanes);
    if (laneFailure) throw laneFailure.error;
    return { results, threads: pool ? threads : 1 };
  } finally {
    if (pool !== work.started) await (pool as Piscina | undefined)?.destroy();
  }
}

/**
 * A batch done in this thread, one item at a time, letting the event loop run between items: the workers'
 * finished batches are collected and their next ones handed out without waiting for this one.
 */
async function doHere<Item, BatchResult>(work: SharedWork<Item, BatchResult>, batch: readonly Item[], afterItem: () => void): Promise<BatchResult> {
  const results: unknown[] = [];
  try {
    for (const item of batch) {
      results.push(await work.here(item));
      afterItem();
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    return work.batchFailed(error);
  }
  return work.batchDone(results);
}
