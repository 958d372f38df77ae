/**
 * `yakugo check --merge`: the JSON or SARIF reports of CI shards (`--shard i/n`) read back into problems,
 * so they can be printed as one report, identical to the report of one unsharded run.
 */
import { YakugoError } from '../util/errors.js';
import { readTextFile } from '../util/fs.js';
import { defineMessages } from '../util/i18n.js';
import type { JsonReport } from './formatters/json.js';
import { type Location, type Problem, sortProblems } from './types.js';

const t = defineMessages('check-merge', {
  en: {
    notReport: 'not a yakugo check report: expected the output of --format json or --format sarif',
    invalidJson: 'invalid JSON: {{detail}}',
  },
  ja: {
    notReport: 'yakugo check のレポートではありません。--format json か --format sarif の出力を指定してください',
    invalidJson: 'JSON として読めません: {{detail}}',
  },
});

/** Reads each report and returns every problem once, sorted as check prints them. */
export function mergeReports(files: readonly string[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const file of files) {
    for (const problem of readReport(file)) {
      const identity = JSON.stringify(problem);
      if (seen.has(identity)) continue;
      seen.add(identity);
      problems.push(problem);
    }
  }
  return sortProblems(problems);
}

function readReport(file: string): Problem[] {
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(file, file));
  } catch (error) {
    if (error instanceof YakugoError) throw error;
    throw new YakugoError(t('invalidJson', { detail: (error as Error).message }), { file });
  }
  const report = data as Partial<JsonReport> & { runs?: unknown[] };
  if (report.version === 1 && Array.isArray(report.problems)) return report.problems.map(fromJson);
  if ((report.version as unknown) === '2.1.0' && Array.isArray(report.runs)) return report.runs.flatMap((run) => fromSarifRun(run, file));
  throw new YakugoError(t('notReport'), { file });
}

function fromJson(problem: JsonReport['problems'][number]): Problem {
  const out: Problem = {
    rule: problem.rule,
    severity: problem.severity,
    lng: problem.lng,
    file: problem.file,
    line: problem.line,
    column: problem.column,
    key: problem.key,
    message: problem.message,
    source: problem.source,
  };
  if (problem.concept !== undefined) out.concept = problem.concept;
  return out;
}

interface SarifLocation {
  physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } };
}

interface SarifResult {
  ruleId?: string;
  level?: string;
  message?: { text?: string };
  locations?: SarifLocation[];
  relatedLocations?: SarifLocation[];
  properties?: { lng?: string; key?: string; concept?: string };
}

function fromSarifRun(run: unknown, file: string): Problem[] {
  const results = (run as { results?: SarifResult[] }).results;
  if (!Array.isArray(results)) throw new YakugoError(t('notReport'), { file });
  return results.map((result) => {
    const location = locationOf(result.locations?.[0]);
    if (!location || typeof result.ruleId !== 'string') throw new YakugoError(t('notReport'), { file });
    const problem: Problem = {
      rule: result.ruleId,
      severity: result.level === 'error' ? 'error' : 'warn',
      lng: result.properties?.lng ?? null,
      ...location,
      key: result.properties?.key ?? null,
      message: result.message?.text ?? '',
      source: locationOf(result.relatedLocations?.[0]) ?? null,
    };
    if (result.properties?.concept !== undefined) problem.concept = result.properties.concept;
    return problem;
  });
}

function locationOf(location: SarifLocation | undefined): Location | undefined {
  const physical = location?.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (uri === undefined) return undefined;
  return {
    file: uri.split('/').map(decodeURIComponent).join('/'),
    line: physical?.region?.startLine ?? 1,
    column: physical?.region?.startColumn ?? 1,
  };
}
