/**
 * Parsing articles ahead on worker threads, for the commands that read their articles in one thread
 * (`build`, `extract`): parsing is most of what a cold run of either does, and articles parse independently.
 * Each thread parses whole articles; the facts (segments, link definitions, …) come back keyed by exactly
 * what they were computed from (`factsKey`: the text, its path and the settings), and the command's own
 * reading takes them from there. An article whose file changed since, or that fails to parse, is parsed
 * again by the command itself, which reports it as before: parsing ahead changes when the work is done,
 * never what it finds.
 */
import { cacheSettings } from '../cache/store.js';
import type { Project } from '../config/load.js';
import { YakugoError } from '../util/errors.js';
import { shareWork, startsAtOnce } from '../util/share-work.js';
import { type ArticleFacts, keepParsedAhead, needsParsing, parseArticleFile } from './articles.js';
import type { ParseWorkerData } from './parse-worker.js';
import { fileSize } from './shard.js';

/** At most one thread per this many articles to parse. */
const ARTICLES_PER_THREAD = 8;
/**
 * Articles are parsed ahead only when those not known yet hold this many bytes or more: about 3 s of
 * parsing on the 2-vCPU machine of the bench, a second or more on a fast core. A parsing worker loads no
 * tokenizer, so its start-up is only its module graph (about 0.3 s), but what a second thread gains depends
 * on the machine: on two virtual CPUs that share one physical core, two threads (or two processes) parse
 * only about 1.1× as fast as one (`bench/README.md`). Below this, the command parses as it reads, with no
 * work ahead at all: facts kept for every article cost memory, and the collector's time, for nothing.
 */
const PARSE_AHEAD_BYTES = 4 * 1024 * 1024;

/** What a parsing worker sends back for each file of its batch: its facts, or null when it failed (reported later). */
export type ParsedFile = { key: string; facts: ArticleFacts } | null;

/**
 * Parses `files` on up to `jobs` threads ahead of the command that reads them; returns the number of
 * threads that parsed (0 when `jobs` is 1, when the articles not known yet are too few or too small to be
 * worth it, or when every article was known already).
 */
export async function parseAhead(project: Project, files: readonly string[], jobs: number): Promise<number> {
  const worthIt = (chosen: readonly string[]) => startsAtOnce(chosen.reduce((bytes, file) => bytes + fileSize(file), 0), PARSE_AHEAD_BYTES);
  if (jobs < 2 || files.length < 2 * ARTICLES_PER_THREAD || !worthIt(files)) return 0;
  const unknown = files.filter((file) => needsParsing(project, file));
  if (unknown.length === 0 || !worthIt(unknown)) return 0;
  const workerData: ParseWorkerData = { root: project.root, configFile: project.configFile, cache: cacheSettings() };
  const { results, threads } = await shareWork<string, ParsedFile[]>({
    items: unknown,
    jobs,
    itemsPerThread: ARTICLES_PER_THREAD,
    startAfterMs: 0,
    startAtOnce: true,
    worker: new URL('./parse-worker.js', import.meta.url),
    workerData,
    task: async (batch) => ({ files: batch }),
    here: (file) => parseOrNull(project, file),
    batchDone: (parsed) => parsed as ParsedFile[],
    batchFailed: (error) => {
      throw error;
    },
  });
  for (const parsed of results.flat()) if (parsed) keepParsedAhead(parsed.key, parsed.facts);
  return threads;
}

/**
 * `parseAhead` of the files `select` names. When they cannot even be listed (a link leading outside the
 * source folder, two files with one id), nothing is parsed ahead: the command itself reports why.
 */
export async function parseAheadOf(project: Project, select: () => readonly string[], jobs: number): Promise<number> {
  // One thread parses as it reads: no need to list the articles a second time.
  if (jobs < 2) return 0;
  let files: readonly string[];
  try {
    files = select();
  } catch (error) {
    if (error instanceof YakugoError) return 0;
    throw error;
  }
  return parseAhead(project, files, jobs);
}

/** One article's facts, or null when it cannot be read or parsed: the command reading it reports why. */
export function parseOrNull(project: Project, file: string): ParsedFile {
  try {
    return parseArticleFile(project, file);
  } catch (error) {
    if (error instanceof YakugoError) return null;
    throw error;
  }
}
