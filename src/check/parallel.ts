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
import { type ArticleOutcome, type CheckRun, checkFiles } from './articles.js';
import type { CheckTask, CheckTaskResult, CheckWorkerData } from './worker.js';

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
 * A worker starts its own module graph and kuromoji tables (about 0.5 s): below this many articles per
 * worker, one thread is faster than several.
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
 * Checks `files` with `run` on up to `jobs` threads: this one and `jobs - 1` workers. This thread takes
 * part rather than wait: its tokenizer is usually built already (the glossary's examples needed it), and a
 * worker fewer is a start-up and a working memory fewer. Small lists, and code that is not compiled (the
 * test runner), run in this thread alone.
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

  // The pool starts its threads now; the dictionary is read (or found read) while they load their modules.
  const workerData: CheckWorkerData = {
    root: project.root,
    configFile: project.configFile,
    languages: selection.languages,
    rules: selection.rules,
    cache: cacheSettings(),
    glossary: run.glossary,
  };
  const pool = new Piscina<CheckTask, CheckTaskResult>({ filename: worker.href, minThreads: threads - 1, maxThreads: threads - 1, idleTimeout: 100, workerData });
  try {
    const dictionary = await sharedDictionary();
    const size = Math.max(1, Math.ceil(files.length / (threads * BATCHES_PER_WORKER)));
    const batches: string[][] = [];
    for (let start = 0; start < files.length; start += size) batches.push(files.slice(start, start + size));
    // One queue: each thread takes the next batch when it is done with its last.
    const results: CheckTaskResult[] = [];
    let next = 0;
    const take = (): number | undefined => (next < batches.length ? next++ : undefined);
    const workerLane = async () => {
      for (let index = take(); index !== undefined; index = take()) results[index] = await pool.run({ files: batches[index]!, dictionary });
    };
    const thisThreadLane = async () => {
      for (let index = take(); index !== undefined; index = take()) results[index] = await checkYielding(project, batches[index]!, run);
    };
    await Promise.all([thisThreadLane(), ...Array.from({ length: threads - 1 }, workerLane)]);
    const outcomes: ArticleOutcome[] = [];
    for (const result of results) {
      // The first input error in article order, as one thread would have met it first.
      if ('error' in result) {
        const failed = result.error;
        throw new YakugoError(failed.reason, { file: failed.file, place: failed.place, exitCode: failed.exitCode });
      }
      outcomes.push(...result.outcomes);
    }
    return { outcomes, workers: threads };
  } finally {
    await pool.destroy();
  }
}

/**
 * A batch checked in this thread, one article at a time, letting the event loop run between articles: the
 * workers' finished batches are collected and their next ones handed out without waiting for this one.
 */
async function checkYielding(project: Project, files: readonly string[], run: CheckRun): Promise<CheckTaskResult> {
  const outcomes: ArticleOutcome[] = [];
  try {
    for (const file of files) {
      outcomes.push(...(await checkFiles(project, [file], run)));
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    if (!(error instanceof YakugoError)) throw error;
    return { error: { reason: error.reason, file: error.file, place: error.place, exitCode: error.exitCode } };
  }
  return { outcomes };
}
