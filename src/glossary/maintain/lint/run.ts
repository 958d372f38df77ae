import type { Project } from '../../../config/load.js';
import { inputMessage } from '../../../util/input-messages.js';
import type { Severity } from '../../../config/schema.js';
import type { Problem, ProblemSeverity, RuleDescriptor } from '../../../check/types.js';
import { sortProblems } from '../../../check/types.js';
import { listArticles, loadArticle } from '../../../project/articles.js';
import { YakugoError } from '../../../util/errors.js';
import { createMatcher, type Matcher } from '../../match.js';
import { loadTokenizer } from '../../tokenizer.js';
import type { Concept } from '../../types.js';
import { readConceptsForLint } from './load.js';
import { lintRules } from './rules/index.js';
import type { LintContext, LintRule, LintSource } from './types.js';

export interface LintOptions {
  /** Only these rule ids (they run even when off by default). */
  rules?: string[];
}

export interface LintResult {
  problems: Problem[];
  rules: LintRule[];
  concepts: number;
  files: string[];
}

/** The severity the config gives a rule for `lng`, if it sets one. */
function configured(project: Project, rule: string, lng: string | null): Severity | undefined {
  const setting = project.config.rules[rule];
  if (setting === undefined) return undefined;
  if (typeof setting === 'string') return setting;
  return lng === null ? undefined : setting[lng];
}

/** Lints the project's glossary: every rule over every concept, sorted problems. */
export async function runGlossaryLint(project: Project, options: LintOptions = {}): Promise<LintResult> {
  for (const id of options.rules ?? []) {
    if (!lintRules.some((rule) => rule.id === id)) throw new YakugoError(inputMessage('unknownRule', { id, rules: lintRules.map((rule) => rule.id).join(', ') }));
  }
  const selected = lintRules.filter((rule) =>
    options.rules ? options.rules.includes(rule.id) : rule.defaultSeverity !== 'off' || (configured(project, rule.id, null) ?? 'off') !== 'off',
  );
  const { concepts, rules: sourceRules, files } = readConceptsForLint(project.root, project.dirs.glossary, project.config.languages);
  const sources: LintSource[] = listArticles(project).map((file) => {
    const article = loadArticle(project, file);
    return { path: article.path, runs: article.segments.flatMap((segment) => segment.runs) };
  });
  const tokenizer = await loadTokenizer();
  const matcher = await createMatcher({ concepts, files });
  const single = new Map<Concept, Promise<Matcher>>();
  const problems: Problem[] = [];
  for (const rule of selected) {
    const fallback: ProblemSeverity = rule.defaultSeverity === 'off' ? 'warn' : rule.defaultSeverity;
    const context: LintContext = {
      project,
      concepts,
      sourceRules,
      sources,
      tokenizer,
      matcher,
      matcherFor(concept) {
        let pending = single.get(concept);
        if (!pending) {
          pending = createMatcher({ concepts: [concept], files });
          single.set(concept, pending);
        }
        return pending;
      },
      report(report) {
        const setting = configured(project, rule.id, report.lng);
        if (setting === 'off') return;
        const severity = setting ?? report.severity ?? fallback;
        const { severity: _ignored, ...rest } = report;
        problems.push({ ...rest, rule: rule.id, severity, key: null, source: report.source ?? null });
      },
    };
    await rule.check(context);
  }
  return { problems: sortProblems(problems), rules: selected, concepts: concepts.length, files };
}

/** Rule descriptors for the formatters (SARIF), descriptions in the UI language. */
export function describeLintRules(rules: readonly LintRule[], language: 'en' | 'ja'): RuleDescriptor[] {
  return rules.map((rule) => ({ id: rule.id, description: rule.description[language], defaultSeverity: rule.defaultSeverity === 'off' ? 'warn' : rule.defaultSeverity }));
}
