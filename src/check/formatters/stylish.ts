import { defineMessages } from '../../util/i18n.js';
import type { Formatter } from './index.js';
import { sortProblems, summarize } from '../types.js';

const t = defineMessages('check-stylish', {
  en: {
    error: 'error',
    warn: 'warning',
    summary: '{{problems}} ({{errors}}, {{warnings}})',
    problemOne: '{{count}} problem',
    problemMany: '{{count}} problems',
    errorsOne: '{{count}} error',
    errorsMany: '{{count}} errors',
    warningsOne: '{{count}} warning',
    warningsMany: '{{count}} warnings',
    source: 'source',
  },
  ja: {
    error: 'エラー',
    warn: '警告',
    summary: '{{problems}}({{errors}}、{{warnings}})',
    problemOne: '問題 {{count}} 件',
    problemMany: '問題 {{count}} 件',
    errorsOne: 'エラー {{count}} 件',
    errorsMany: 'エラー {{count}} 件',
    warningsOne: '警告 {{count}} 件',
    warningsMany: '警告 {{count}} 件',
    source: '原文',
  },
});

/**
 * The default, for people: problems grouped by file, then `line:column  severity  message  rule`, and a
 * total. Colours come from the context (on only when stdout is a terminal). Prints nothing when clean.
 */
export const formatStylish: Formatter = (problems, { colors }) => {
  if (problems.length === 0) return '';
  const sorted = sortProblems(problems);
  const lines: string[] = [];
  const placeWidth = Math.max(...sorted.map((problem) => `${problem.line}:${problem.column}`.length));
  const severityWidth = Math.max(displayWidth(t('error')), displayWidth(t('warn')));
  let file: string | undefined;
  for (const problem of sorted) {
    if (problem.file !== file) {
      if (file !== undefined) lines.push('');
      file = problem.file;
      lines.push(colors.underline(file));
    }
    const place = `${problem.line}:${problem.column}`.padEnd(placeWidth);
    const label = padDisplay(t(problem.severity), severityWidth);
    const severity = problem.severity === 'error' ? colors.red(label) : colors.yellow(label);
    lines.push(`  ${colors.dim(place)}  ${severity}  ${oneLine(problem.message)}  ${colors.dim(problem.rule)}`);
  }
  const summary = summarize(sorted);
  const total = t('summary', {
    problems: counted('problem', sorted.length),
    errors: counted('errors', summary.errors),
    warnings: counted('warnings', summary.warnings),
  });
  lines.push('', summary.errors > 0 ? colors.bold(colors.red(`✖ ${total}`)) : colors.bold(colors.yellow(`⚠ ${total}`)));
  return `${lines.join('\n')}\n`;
};

/** The message for `count` things; the CLI's t() takes no plural options, so the form is picked here. */
function counted(key: 'problem' | 'errors' | 'warnings', count: number): string {
  return t(count === 1 ? `${key}One` : `${key}Many`, { count });
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

/** Terminal columns of `text`: East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
