import type { Formatter } from './index.js';
import { type Problem, sortProblems } from '../types.js';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which GitHub shows
 * as annotations on the pull request diff. Escaping follows the runner's rules: in the message `%`, CR
 * and LF are percent-encoded; in properties `:` and `,` are too.
 */
export const formatGithub: Formatter = (problems) =>
  sortProblems(problems)
    .map((problem) => `${annotation(problem)}\n`)
    .join('');

function annotation(problem: Problem): string {
  const command = problem.severity === 'error' ? 'error' : 'warning';
  const title = problem.lng ? `${problem.rule} (${problem.lng})` : problem.rule;
  const properties = [
    `file=${escapeProperty(problem.file)}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${escapeProperty(title)}`,
  ].join(',');
  return `::${command} ${properties}::${escapeData(problem.message)}`;
}

export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
