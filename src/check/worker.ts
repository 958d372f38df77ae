/**
 * One worker thread of `yakugo check --jobs N`: checks its slice of the articles (the same slices as
 * `--shard i/N`) and sends the problems back. Everything it reads it reads itself; only plain data crosses.
 */
import { configureCache } from '../cache/store.js';
import { loadProject } from '../config/load.js';
import { YakugoError } from '../util/errors.js';
import { checkWithCache } from './cached.js';
import type { CheckSelection } from './run.js';
import type { Problem } from './types.js';

export interface CheckTask {
  root: string;
  configFile: string | undefined;
  selection: Omit<CheckSelection, 'shard'>;
  shard: { index: number; count: number };
  cache: { enabled: boolean; location: string | undefined };
}

/** A YakugoError as plain data: classes do not cross a thread boundary. */
export interface CheckTaskError {
  reason: string;
  file: string | undefined;
  place: { line: number; column: number } | undefined;
  exitCode: number;
}

export interface CheckTaskResult {
  error?: CheckTaskError;
  problems: Problem[];
  articles: number;
  /** The languages checked, the source language first when its rules ran (the same in every slice). */
  languages: string[];
}

export default async function checkSlice(task: CheckTask): Promise<CheckTaskResult> {
  configureCache(task.cache);
  const project = loadProject(task.root, task.configFile);
  let result: Awaited<ReturnType<typeof checkWithCache>>;
  try {
    result = await checkWithCache(project, { ...task.selection, shard: task.shard });
  } catch (error) {
    if (!(error instanceof YakugoError)) throw error;
    return { error: { reason: error.reason, file: error.file, place: error.place, exitCode: error.exitCode }, problems: [], articles: 0, languages: [] };
  }
  return { problems: result.problems, articles: result.articles, languages: result.languages };
}
