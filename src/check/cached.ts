/**
 * `yakugo check` with its results cached per article: an article whose inputs all hash the same as when
 * it was last checked (its source, every catalog, sidecar and edition it is checked against, the glossary,
 * the configuration, the rules and languages selected, the UI language and the code) gets its problems
 * from the cache, with no parsing, matching or rule work. The rules find problems per article (the merged
 * reports of `--shard` slices are the unsharded report), so the cached problems of some articles and the
 * fresh problems of the others make exactly the report of a full run.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { syntaxOf } from '../markdown/parse.js';
import type { SourceArticle } from '../markdown/types.js';
import { projectCache } from '../cache/store.js';
import { catalogPath } from '../catalog/catalog.js';
import { statePath } from '../catalog/state.js';
import type { Project } from '../config/load.js';
import { editionPath } from '../build/build.js';
import { loadProjectGlossary } from '../glossary/load.js';
import { glossaryJson } from '../glossary/match-cache.js';
import { articleId, displayPath } from '../project/articles.js';
import { hashFile } from '../util/fs.js';
import { uiLanguage } from '../util/i18n.js';
import { toolFingerprint } from '../util/fingerprint.js';
import type { Piscina } from 'piscina';
import { checkArticles, startCheckWorkersEarly, type WorkerSelection } from './parallel.js';
import { type CheckSelection, runRules, selectedFiles, selectLanguages, selectRules, termLookup, validateConfiguredRules } from './run.js';
import { type EditionFailure, type Problem, type Rule, sortProblems } from './types.js';

export interface CachedCheckResult {
  problems: Problem[];
  rules: Rule[];
  /** Articles checked (from the cache or not). */
  articles: number;
  /** The languages checked, the source language first when its rules ran. */
  languages: string[];
  /** Articles whose problems came from the cache. */
  fromCache: number;
  /** Threads that checked the others (1: this one). */
  workers: number;
}

export async function checkWithCache(project: Project, selection: CheckSelection, options: { jobs?: number } = {}): Promise<CachedCheckResult> {
  const rules = selectRules(selection.rules);
  const { languages, includesSource } = selectLanguages(project, selection.languages);
  const checked = [...(includesSource ? [project.config.sourceLanguage] : []), ...languages];
  const files = selectedFiles(project, selection);
  // What workers are told to select (they select the same languages and rules); bad selections failed above,
  // before any worker starts.
  const selected = { languages: selection.languages, rules: selection.rules };
  const started = startCheckWorkersEarly(project, files, selected, options.jobs ?? 1);
  try {
    return await checkSelected(project, selected, files, { rules, languages, includesSource, checked }, options.jobs ?? 1, started);
  } finally {
    await started?.destroy();
  }
}

/** The check of `files`: the cache asked about each, the others checked on up to `jobs` threads. */
async function checkSelected(
  project: Project,
  selected: WorkerSelection,
  files: string[],
  chosen: { rules: Rule[]; languages: string[]; includesSource: boolean; checked: string[] },
  jobs: number,
  started: Piscina | undefined,
): Promise<CachedCheckResult> {
  const { rules, languages, includesSource, checked } = chosen;
  const cache = projectCache(project.root);
  const glossary = await loadProjectGlossary(project);
  const base = createHash('sha256')
    .update(JSON.stringify([toolFingerprint(), uiLanguage(), project.config, project.configFile ?? null, rules.map((rule) => rule.id), checked]))
    .update(glossaryJson(glossary, { places: true }))
    .digest('hex');

  const problems: Problem[] = [];
  const pending: Array<{ file: string; key: string }> = [];
  for (const file of files) {
    const key = articleKey(project, base, file);
    const stored = cache.get<Problem[]>('check-results', key);
    if (stored) problems.push(...stored);
    else pending.push({ file, key });
  }
  if (pending.length > 0) validateConfiguredRules(project);
  const run = { glossary, languages, includesSource, rules };
  const keyOf = new Map(pending.map((entry) => [entry.file, entry.key]));
  const computed = await checkArticles(project, pending.map((entry) => entry.file), run, selected, jobs, started);
  const failures: EditionFailure[] = [];
  for (const outcome of computed.outcomes) {
    if ('failures' in outcome) {
      // Articles that could not be read at all are reported every time, never cached.
      failures.push(...outcome.failures);
      continue;
    }
    cache.set('check-results', keyOf.get(outcome.file)!, outcome.problems);
    problems.push(...outcome.problems);
  }
  if (failures.length > 0) problems.push(...runRules({ project, glossary, terms: termLookup(), languages, includesSource, articles: [], failures, rules }));
  return { problems: sortProblems(problems), rules, articles: files.length, languages: checked, fromCache: files.length - pending.length, workers: computed.workers };
}

/**
 * Everything one article's problems are computed from, as bytes: its source, the source catalog (old
 * source texts of orphans), and per configured language its catalog, sidecar and edition.
 */
function articleKey(project: Project, base: string, file: string): string {
  const hash = createHash('sha256').update(base).update('\0').update(displayPath(project, file));
  const add = (path: string) => hashFile(hash, path);
  add(file);
  const id = articleId(project, file);
  const article: SourceArticle = { id, file, path: displayPath(project, file), source: '', bom: false, syntax: syntaxOf(file), extension: extname(file), segments: [] };
  const { sourceLanguage, languages, fallback } = project.config;
  const catalogLanguages = new Set([sourceLanguage, ...languages, ...Object.values(fallback).flat()]);
  for (const lng of catalogLanguages) {
    const catalog = catalogPath(project, lng, id);
    add(catalog);
    add(statePath(catalog));
  }
  for (const lng of [sourceLanguage, ...languages]) add(editionPath(project, lng, article));
  return hash.digest('hex');
}
