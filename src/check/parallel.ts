import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { cacheSettings } from '../cache/store.js';
import type { Project } from '../config/load.js';
import { listArticles } from '../project/articles.js';
import { YakugoError } from '../util/errors.js';
import { defineMessages } from '../util/i18n.js';
import { checkWithCache } from './cached.js';
import { type CheckSelection, selectRules } from './run.js';
import type { Problem, Rule } from './types.js';
import type { CheckTask, CheckTaskResult } from './worker.js';
import { sortProblems } from './types.js';

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
 * A worker loads its own kuromoji (about 1 s and 400 MB) and glossary: below this many articles per
 * worker, one thread is faster than several.
 */
const ARTICLES_PER_WORKER = 8;

export interface ParallelCheckResult {
  problems: Problem[];
  rules: Rule[];
  /** Articles checked. */
  articles: number;
  /** The languages checked, the source language first when its rules ran. */
  languages: string[];
  /** Worker threads used (1: the check ran in this thread). */
  workers: number;
}

/**
 * Runs `check` on `jobs` worker threads, each taking one slice of the articles exactly as `--shard i/jobs`
 * does, and merges their problems in the one order every formatter prints: the report is byte for byte
 * the one of a single thread, whatever the number of workers. Small projects, and code that is not
 * compiled (the test runner), run in this thread.
 */
export async function runCheckParallel(project: Project, selection: CheckSelection, jobs: number): Promise<ParallelCheckResult> {
  const worker = new URL('./worker.js', import.meta.url);
  const articles = selection.articles?.length ?? listArticles(project).length;
  const workers = Math.min(jobs, Math.floor(articles / ARTICLES_PER_WORKER));
  if (workers < 2 || selection.shard !== undefined || !existsSync(fileURLToPath(worker))) {
    const result = await checkWithCache(project, selection);
    return { problems: result.problems, rules: result.rules, articles: result.articles, languages: result.languages, workers: 1 };
  }
  const rules = selectRules(selection.rules);
  const pool = new Piscina<CheckTask, CheckTaskResult>({ filename: worker.href, minThreads: workers, maxThreads: workers, idleTimeout: 100 });
  try {
    const results = await Promise.all(
      Array.from({ length: workers }, (_, index) =>
        pool.run({
          root: project.root,
          configFile: project.configFile,
          selection: { languages: selection.languages, articles: selection.articles, rules: selection.rules },
          shard: { index: index + 1, count: workers },
          cache: cacheSettings(),
        }),
      ),
    );
    // The first input error of the lowest slice, as one thread would have met it first.
    const failed = results.find((result) => result.error !== undefined)?.error;
    if (failed) throw new YakugoError(failed.reason, { file: failed.file, place: failed.place, exitCode: failed.exitCode });
    return {
      problems: sortProblems(results.flatMap((result) => result.problems)),
      rules,
      articles: results.reduce((sum, result) => sum + result.articles, 0),
      languages: results[0]?.languages ?? [],
      workers,
    };
  } finally {
    await pool.destroy();
  }
}
