/**
 * `yakugo status`: translation coverage per language and article (segments, translated, missing, stale,
 * percent) with the number of term problems, from the same prepared inputs and rules as `check`.
 */
import { languageBelowThreshold, percentTranslated } from '../build/build.js';
import type { Project } from '../config/load.js';
import { type CheckSelection, prepareCheck, runRules } from './run.js';
import { rules } from './rules/index.js';
import type { TargetCatalog } from './types.js';

export interface Coverage {
  segments: number;
  /** Segments with a non-empty translation (stale ones included: build uses them). */
  translated: number;
  /** Segments with no translation or an empty one (build falls back to the source text). */
  missing: number;
  /** Translated segments whose source changed since (a subset of `translated`). */
  stale: number;
  /**
   * Translated segments that are unreviewed drafts, from a machine translation or the translation memory
   * (sidecar `origin`; a subset of `translated`, may overlap `stale`).
   */
  drafts: number;
  /** Translated segments that are neither drafts nor stale: reviewed against the current source. */
  reviewed: number;
  /** `translated / segments`, floored to one decimal as build reports it; 100 for an empty article. */
  percent: number;
}

export interface ArticleStatus extends Coverage {
  article: string;
  /** The catalog, relative to the root. */
  catalog: string;
  /** Problems of the `term/*` rules in this article and language. */
  termProblems: number;
  /** False when build skips this edition (an optional language below its threshold). */
  built: boolean;
}

export interface LanguageStatus extends Coverage {
  lng: string;
  required: boolean;
  /** The configured minimum percentage, or null. */
  threshold: number | null;
  termProblems: number;
  articles: ArticleStatus[];
}

export interface StatusReport {
  version: 1;
  languages: LanguageStatus[];
}

/** Coverage of one language's catalog for one article. */
export function coverageOf(target: Pick<TargetCatalog, 'pairs'>): Coverage {
  let translated = 0;
  let stale = 0;
  let drafts = 0;
  let reviewed = 0;
  for (const pair of target.pairs) {
    if (pair.target === undefined || pair.target.trim() === '') continue;
    translated++;
    if (pair.stale) stale++;
    if (pair.origin !== undefined) drafts++;
    if (!pair.stale && pair.origin === undefined) reviewed++;
  }
  const segments = target.pairs.length;
  return { segments, translated, missing: segments - translated, stale, drafts, reviewed, percent: percentTranslated(segments, segments - translated) };
}

// Shared with build, which decides whether to write the edition.
export { languageBelowThreshold } from '../build/build.js';

const TERM_RULES = rules.filter((rule) => rule.id.startsWith('term/'));

export async function projectStatus(project: Project, selection: Pick<CheckSelection, 'languages' | 'articles'> = {}): Promise<StatusReport> {
  const prepared = await prepareCheck(project, { ...selection, rules: TERM_RULES.map((rule) => rule.id) });
  const termProblems = new Map<string, number>();
  for (const problem of runRules(prepared, TERM_RULES)) {
    const id = `${problem.lng}\u0000${problem.source?.file ?? ''}`;
    termProblems.set(id, (termProblems.get(id) ?? 0) + 1);
  }
  const languages = prepared.languages.map((lng): LanguageStatus => {
    const articles = prepared.articles.map(({ article, targets }): ArticleStatus => {
      const target = targets.find((candidate) => candidate.lng === lng)!;
      const coverage = coverageOf(target);
      return {
        article: article.id,
        catalog: target.file,
        ...coverage,
        termProblems: termProblems.get(`${lng}\u0000${article.path}`) ?? 0,
        built: !languageBelowThreshold(project, lng, coverage.percent),
      };
    });
    const segments = sum(articles, 'segments');
    const translated = sum(articles, 'translated');
    return {
      lng,
      required: project.config.required.includes(lng),
      threshold: project.config.threshold[lng] ?? null,
      segments,
      translated,
      missing: sum(articles, 'missing'),
      stale: sum(articles, 'stale'),
      drafts: sum(articles, 'drafts'),
      reviewed: sum(articles, 'reviewed'),
      percent: percentTranslated(segments, segments - translated),
      termProblems: sum(articles, 'termProblems'),
      articles,
    };
  });
  return { version: 1, languages };
}

function sum(rows: readonly ArticleStatus[], field: 'segments' | 'translated' | 'missing' | 'stale' | 'drafts' | 'reviewed' | 'termProblems'): number {
  return rows.reduce((total, row) => total + row[field], 0);
}
