/**
 * The articles a check has to compute (the cache answered the others), in this thread or on a pool of
 * worker threads (`--jobs`). Workers take small batches from one queue, so a thread that drew long
 * articles takes fewer; the problems are sorted afterwards, so the report is byte for byte the same for
 * any number of threads.
 */
import { serialize } from 'node:v8';
import type { Piscina } from 'piscina';
import { cacheSettings, projectCache } from '../cache/store.js';
import type { Project } from '../config/load.js';
import { sharedDictionary } from '../glossary/tokenizer.js';
import { fileSize } from '../project/shard.js';
import { shareWork, startsAtOnce, startWorkers } from '../util/share-work.js';
import { type ArticleOutcome, type CheckRun, type CheckTaskResult, checkFiles, fromTaskError, taskError } from './articles.js';
import type { CheckTask, CheckWorkerData } from './worker.js';

/**
 * At most one thread per this many articles: a worker starts its own module graph and kuromoji tables
 * (about 1.5 s with warming up), which a handful of articles never repays, however long they are.
 */
const ARTICLES_PER_WORKER = 8;
/** Workers start when the articles left would take this thread longer than this (ms): see `shareWork`. */
const START_AFTER_MS = 5000;
/**
 * Articles this large in all are checked for several seconds even on a fast core: the workers start at
 * once instead of after a second of measuring (about 4 s of checking on the 2-vCPU machine of the bench).
 */
const START_AT_ONCE_BYTES = 2 * 1024 * 1024;

export interface CheckedArticles {
  outcomes: ArticleOutcome[];
  /** Threads that checked, this one included (1: this one alone). */
  workers: number;
}

/** `--lang` and `--rule` as given: each worker selects the same languages and rules as its parent. */
export type WorkerSelection = { languages: readonly string[] | undefined; rules: readonly string[] | undefined };

const WORKER = new URL('./worker.js', import.meta.url);

function workerDataOf(project: Project, selection: WorkerSelection): CheckWorkerData {
  return { root: project.root, configFile: project.configFile, languages: selection.languages, rules: selection.rules, cache: cacheSettings() };
}

function totalBytes(files: readonly string[]): number {
  return files.reduce((bytes, file) => bytes + fileSize(file), 0);
}

/**
 * Starts the workers of a check before the glossary is loaded and the cache asked, so that they load their
 * modules meanwhile: when no article's check results are cached (a first run, `--no-cache`, a CI runner
 * without a restored cache) and the articles are large enough that the workers will be used at once (see
 * `START_AT_ONCE_BYTES`). Otherwise undefined: a warm run must not pay for workers it does not need.
 */
export function startCheckWorkersEarly(project: Project, files: readonly string[], selection: WorkerSelection, jobs: number): Piscina | undefined {
  const threads = Math.min(jobs, Math.floor(files.length / ARTICLES_PER_WORKER));
  if (threads < 2 || projectCache(project.root).holds('check-results') || !startsAtOnce(totalBytes(files), START_AT_ONCE_BYTES)) return undefined;
  return startWorkers(WORKER, workerDataOf(project, selection), threads - 1);
}

/**
 * Checks `files` with `run` on up to `jobs` threads: this one and `jobs - 1` workers (`started`, when they
 * were started early). This thread's tokenizer is usually built already (the glossary's examples needed
 * it), so it costs no start-up. Workers share the work at once when the articles are large; otherwise only
 * when, after a second of checking, the articles left would take this thread longer than their start-up is
 * worth, so a project checked in a few seconds is checked faster by one thread.
 */
export async function checkArticles(
  project: Project,
  files: readonly string[],
  run: CheckRun,
  selection: WorkerSelection,
  jobs: number,
  started?: Piscina,
): Promise<CheckedArticles> {
  let glossary: SharedArrayBuffer | undefined;
  const { results, threads } = await shareWork<string, CheckTaskResult>({
    items: files,
    jobs,
    itemsPerThread: ARTICLES_PER_WORKER,
    startAfterMs: START_AFTER_MS,
    startAtOnce: startsAtOnce(totalBytes(files), START_AT_ONCE_BYTES),
    worker: WORKER,
    workerData: workerDataOf(project, selection),
    started,
    // The dictionary is read (or found read) while the workers load their modules; the glossary is
    // serialized once, into memory every worker reads.
    task: async (batch): Promise<CheckTask> => {
      glossary ??= shareable(run.glossary);
      return { files: batch, dictionary: await sharedDictionary(), glossary };
    },
    here: async (file) => checkFiles(project, [file], run),
    batchDone: (outcomes) => ({ outcomes: (outcomes as ArticleOutcome[][]).flat() }),
    batchFailed: taskError,
  });
  const outcomes: ArticleOutcome[] = [];
  for (const result of results) {
    // The first input error in article order, as one thread would have met it first.
    if ('error' in result) throw fromTaskError(result.error);
    outcomes.push(...result.outcomes);
  }
  return { outcomes, workers: threads };
}

/** `value` as `v8.serialize` bytes in shared memory: passed to any number of tasks without a copy. */
function shareable(value: unknown): SharedArrayBuffer {
  const bytes = serialize(value);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}
