import type { Formatter } from './index.js';
import { type Problem, sortProblems, summarize } from '../types.js';

/** The JSON contract (version 1). Keys are written in this order; `concept` only when there is one. */
export interface JsonReport {
  version: 1;
  summary: { errors: number; warnings: number; files: number };
  problems: JsonProblem[];
}

export interface JsonProblem {
  rule: string;
  severity: Problem['severity'];
  lng: string | null;
  file: string;
  line: number;
  column: number;
  key: string | null;
  concept?: string;
  message: string;
  source: { file: string; line: number; column: number } | null;
}

export const formatJson: Formatter = (problems) => {
  const sorted = sortProblems(problems);
  const report: JsonReport = { version: 1, summary: summarize(sorted), problems: sorted.map(toJsonProblem) };
  return `${JSON.stringify(report, null, 2)}\n`;
};

function toJsonProblem(problem: Problem): JsonProblem {
  const out: JsonProblem = {
    rule: problem.rule,
    severity: problem.severity,
    lng: problem.lng,
    file: problem.file,
    line: problem.line,
    column: problem.column,
    key: problem.key,
    message: problem.message,
    source: problem.source ? { file: problem.source.file, line: problem.source.line, column: problem.source.column } : null,
  };
  if (problem.concept === undefined) return out;
  // Rebuild so that `concept` sits between `key` and `message`, as documented.
  const { message, source, ...head } = out;
  return { ...head, concept: problem.concept, message, source };
}
