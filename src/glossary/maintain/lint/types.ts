import type { Project } from '../../../config/load.js';
import type { ProblemSeverity, Report } from '../../../check/types.js';
import type { TextRun } from '../../../markdown/types.js';
import type { Matcher } from '../../match.js';
import type { Tokenizer } from '../../tokenizer.js';
import type { Concept, SourceRule } from '../../types.js';

/** Prose of one source article, for rules that look at how terms are used. */
export interface LintSource {
  /** Path relative to the root. */
  path: string;
  runs: TextRun[];
}

export interface LintContext {
  project: Project;
  /** Every concept of every glossary file, in load order, duplicates included (the loader would refuse them). */
  concepts: readonly Concept[];
  /** Every source rule (prh rule) of every glossary file, unsafe ones included. */
  sourceRules: readonly SourceRule[];
  sources: readonly LintSource[];
  tokenizer: Tokenizer;
  /** Matcher over the concepts that have unique ids (built once). */
  matcher: Matcher;
  /** A matcher for one concept alone (so longer terms of other concepts do not hide it). */
  matcherFor(concept: Concept): Promise<Matcher>;
  /**
   * Reports a problem. `severity` is for rules whose problems differ in weight (a missing term in a
   * required language is an error, in another a warning); a severity set in the config wins over it.
   */
  report(problem: Omit<Report, 'key' | 'source'> & { source?: Report['source']; severity?: ProblemSeverity }): void;
}

/** A glossary lint rule: one module per rule, like remark-lint; the doc comment's examples are tested. */
export interface LintRule {
  id: string;
  description: { en: string; ja: string };
  /** `off` rules run only when the config or `--rule` asks for them. */
  defaultSeverity: ProblemSeverity | 'off';
  check(context: LintContext): void | Promise<void>;
}
