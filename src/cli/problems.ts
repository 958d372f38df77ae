import type { Command } from 'commander';
import { FORMAT_NAMES } from '../check/formatters/index.js';
import type { Problem } from '../check/types.js';
import { summarize } from '../check/types.js';
import { EXIT_OK, EXIT_PROBLEMS, YakugoError } from '../util/errors.js';
import type { CliContext } from './context.js';
import { defineMessages } from '../util/i18n.js';

const t = defineMessages('problems', {
  en: {
    format: 'output format: {{formats}}',
    maxWarnings: 'exit 1 when there are more than N warnings',
    badNumber: '--max-warnings expects a whole number, got "{{value}}"',
    tooManyWarnings: '{{warnings}} warning(s) exceed --max-warnings {{max}}',
  },
  ja: {
    format: '出力形式: {{formats}}',
    maxWarnings: '警告が N 件を超えたら終了コード 1',
    badNumber: '--max-warnings には整数を指定してください: "{{value}}"',
    tooManyWarnings: '警告 {{warnings}} 件が --max-warnings {{max}} を超えています',
  },
});

/** `--max-warnings N`; ESLint's convention: a negative number (or none) means no limit. */
export function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new YakugoError(t('badNumber', { value }));
  const number = Number(value);
  return number < 0 ? undefined : number;
}

/**
 * The exit code of a command that reports problems (`check`, `glossary lint`): 1 on any error or on more
 * warnings than allowed, 0 otherwise. Says so when it is the warnings that fail the run.
 */
export function setExitCodeForProblems(context: CliContext, problems: readonly Problem[], maxWarnings: number | undefined): void {
  const summary = summarize(problems);
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  if (tooManyWarnings && summary.errors === 0) {
    context.stderr.write(`${context.colors.yellow(t('tooManyWarnings', { warnings: summary.warnings, max: maxWarnings }))}\n`);
  }
  process.exitCode = summary.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

/** `--format` and `--max-warnings`, the same for every command that reports problems. */
export function withProblemOutputOptions(command: Command): Command {
  return command
    .option('-f, --format <name>', t('format', { formats: FORMAT_NAMES.join(', ') }), 'stylish')
    .option('--max-warnings <N>', t('maxWarnings'));
}

/** Collects a repeatable option that also takes comma-separated values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  ];
}
