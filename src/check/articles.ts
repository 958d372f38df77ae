/**
 * Checking a list of articles, already selected and not answered by the cache: each article is prepared,
 * checked and dropped before the next, so memory follows the largest article, not the project. The same
 * function runs in the main thread and in each worker thread of `--jobs`.
 */
import type { Project } from '../config/load.js';
import type { Glossary } from '../glossary/types.js';
import { YakugoError } from '../util/errors.js';
import { prepareFiles, runRules } from './run.js';
import type { EditionFailure, Problem, Rule } from './types.js';

/** What one run checks: the same for every article and every thread. */
export interface CheckRun {
  glossary: Glossary;
  languages: string[];
  includesSource: boolean;
  rules: Rule[];
}

/** One article's outcome: its problems, or why it could not be read at all (reported, never cached). */
export type ArticleOutcome = { file: string; problems: Problem[] } | { file: string; failures: EditionFailure[] };

export async function checkFiles(project: Project, files: readonly string[], run: CheckRun): Promise<ArticleOutcome[]> {
  const outcomes: ArticleOutcome[] = [];
  for (const file of files) {
    const prepared = await prepareFiles(project, [file], run);
    outcomes.push(prepared.failures.length > 0 ? { file, failures: prepared.failures } : { file, problems: runRules(prepared) });
  }
  return outcomes;
}

/** A YakugoError as plain data: classes do not cross a thread boundary. */
export interface CheckTaskError {
  reason: string;
  file: string | undefined;
  place: { line: number; column: number } | undefined;
  exitCode: number;
}

/** The outcome of a batch of articles, as it crosses from a worker thread: its outcomes, or its input error. */
export type CheckTaskResult = { outcomes: ArticleOutcome[] } | { error: CheckTaskError };

/** An input error of a batch as plain data; anything else is a bug and is rethrown. */
export function taskError(error: unknown): { error: CheckTaskError } {
  if (!(error instanceof YakugoError)) throw error;
  return { error: { reason: error.reason, file: error.file, place: error.place, exitCode: error.exitCode } };
}

/** The YakugoError a batch's plain-data error stands for. */
export function fromTaskError(failed: CheckTaskError): YakugoError {
  return new YakugoError(failed.reason, { file: failed.file, place: failed.place, exitCode: failed.exitCode });
}
