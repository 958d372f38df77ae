import type { Formatter } from './index.js';
import { type Location, type Problem, type RuleDescriptor, sortProblems } from '../types.js';

/**
 * SARIF 2.1.0, the format GitHub code scanning uploads (`github/codeql-action/upload-sarif`). Paths are
 * relative URIs, resolved against the checkout; the Markdown source is a related location.
 */
export const formatSarif: Formatter = (problems, context) => {
  const sorted = sortProblems(problems);
  const rules = ruleList(context.rules, sorted);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const driver: Record<string, unknown> = { name: context.tool.name, version: context.tool.version };
  if (context.tool.informationUri) driver['informationUri'] = context.tool.informationUri;
  driver['rules'] = rules.map(reportingDescriptor);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        columnKind: 'utf16CodeUnits',
        results: sorted.map((problem) => result(problem, index.get(problem.rule) ?? 0)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** The rules that ran plus any rule a problem names that was not described (sorted by id). */
function ruleList(described: readonly RuleDescriptor[], problems: readonly Problem[]): RuleDescriptor[] {
  const byId = new Map(described.map((rule) => [rule.id, rule]));
  for (const problem of problems) {
    if (!byId.has(problem.rule)) byId.set(problem.rule, { id: problem.rule, description: problem.rule, defaultSeverity: problem.severity });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function reportingDescriptor(rule: RuleDescriptor): Record<string, unknown> {
  const descriptor: Record<string, unknown> = {
    id: rule.id,
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: level(rule.defaultSeverity) },
  };
  if (rule.helpUri) descriptor['helpUri'] = rule.helpUri;
  return descriptor;
}

function result(problem: Problem, ruleIndex: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: problem.rule,
    ruleIndex,
    level: level(problem.severity),
    message: { text: problem.message },
    locations: [physical(problem)],
  };
  if (problem.source) out['relatedLocations'] = [{ id: 1, ...physical(problem.source), message: { text: 'source' } }];
  const properties: Record<string, string> = {};
  if (problem.lng) properties['lng'] = problem.lng;
  if (problem.key) properties['key'] = problem.key;
  if (problem.concept) properties['concept'] = problem.concept;
  if (Object.keys(properties).length > 0) out['properties'] = properties;
  return out;
}

function physical(location: Location): { physicalLocation: Record<string, unknown> } {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(location.file) },
      region: { startLine: location.line, startColumn: location.column },
    },
  };
}

/** A relative URI reference: each path segment percent-encoded (Japanese file names stay valid URIs). */
export function fileUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function level(severity: Problem['severity']): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}
