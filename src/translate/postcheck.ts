/**
 * The post-check: each draft goes through the `check` rules that judge one segment on its own
 * (`term/untranslated`, `term/forbidden`, `text/untranslated`, `markup/mismatch`), with the project's
 * configured severities, exactly as `yakugo check` will judge it once written.
 */
import type { Project } from '../config/load.js';
import type { Glossary } from '../glossary/types.js';
import { markupMismatch } from '../check/rules/markup-mismatch.js';
import { termForbidden } from '../check/rules/term-forbidden.js';
import { termUntranslated } from '../check/rules/term-untranslated.js';
import { textUntranslated } from '../check/rules/text-untranslated.js';
import { type PreparedCheck, runRules, termLookup } from '../check/run.js';
import type { ArticleInput, Problem, SegmentPair } from '../check/types.js';

export const SEGMENT_RULES = [termUntranslated, termForbidden, textUntranslated, markupMismatch];

/** The problems of each draft (by catalog key); drafts without problems are left out. */
export function checkDrafts(project: Project, glossary: Glossary, input: ArticleInput, lng: string, drafts: ReadonlyMap<string, string>): Map<string, Problem[]> {
  const file = `${project.config.paths.locales}/${lng}/${input.article.id}.json`;
  const pairs: SegmentPair[] = input.sources
    .filter((source) => drafts.has(source.segment.key))
    .map((source) => ({ lng, source, target: drafts.get(source.segment.key), place: { file, line: 1, column: 1 }, stale: false }));
  const prepared: PreparedCheck = {
    project,
    glossary,
    terms: termLookup(),
    languages: [lng],
    includesSource: false,
    articles: [{ ...input, targets: [{ lng, file, exists: true, pairs, orphans: [] }] }],
    failures: [],
    rules: SEGMENT_RULES,
  };
  const byKey = new Map<string, Problem[]>();
  for (const problem of runRules(prepared)) {
    if (problem.key === null) continue;
    byKey.set(problem.key, [...(byKey.get(problem.key) ?? []), problem]);
  }
  return byKey;
}
