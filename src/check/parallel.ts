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
  /** Threads that checked (1: this one). */
  workers: number;
}

/**
 * Checks `files` with `run` on up to `jobs` threads. Small lists, and code that is not compiled (the test
 * runner), run in this thread.
 */
export async function checkArticles(
  project: Project,
  files: readonly string[],
  run: CheckRun,
  selection: { languages: readonly string[] | undefined; rules: readonly string[] | undefined },
  jobs: number,
): Promise<CheckedArticles> {
  const worker = new URL('./worker.js', import.meta.url);
  const workers = Math.min(jobs, Math.floor(files.length / ARTICLES_PER_WORKER));
  if (workers < 2 || !existsSync(fileURLToPath(worker))) return { outcomes: await checkFiles(project, files, run), workers: 1 };

  // The pool starts its threads now; the dictionary is read while they load their modules.
  const workerData: CheckWorkerData = {
    root: project.root,
    configFile: project.configFile,
    languages: selection.languages,
    rules: selection.rules,
    cache: cacheSettings(),
    glossary: run.glossary,
  };
  const pool = new Piscina<CheckTask, CheckTaskResult>({ filename: worker.href, minThreads: workers, maxThreads: workers, idleTimeout: 100, workerData });
  try {
    const dictionary = await sharedDictionary();
    const size = Math.max(1, Math.ceil(files.length / (workers * BATCHES_PER_WORKER)));
    const batches: string[][] = [];
    for (let start = 0; start < files.length; start += size) batches.push(files.slice(start, start + size));
    const results = await Promise.all(
      batches.map((batch) =>
        pool.run({ files: batch, dictionary }),
      ),
    );
    const outcomes: ArticleOutcome[] = [];
    for (const result of results) {
      // The first input error in article order, as one thread would have met it first.
      if ('error' in result) {
        const failed = result.error;
        throw new YakugoError(failed.reason, { file: failed.file, place: failed.place, exitCode: failed.exitCode });
      }
      outcomes.push(...result.outcomes);
    }
    return { outcomes, workers };
  } finally {
    await pool.destroy();
  }
}
