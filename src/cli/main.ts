#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { yakugoManifest } from '../util/fingerprint.js';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { EXIT_INPUT, EXIT_OK, YakugoError } from '../util/errors.js';
import { fileSystemError, showPathsRelativeTo } from '../util/fs-errors.js';
import { commands } from './commands/index.js';
import { localizeCommander } from './commander-i18n.js';
import { linkHelpToDocs } from './docs.js';
import { allocateYoung } from '../util/heap.js';
import { defineMessages } from '../util/i18n.js';

const t = defineMessages('main', {
  en: {
    description: 'Japanese Markdown articles → localized editions, with a term glossary enforced end to end',
    root: 'work on the project in DIR',
    config: 'read the configuration from FILE (default: yakugo.config.yaml in the root)',
    version: 'print the version',
    debug: 'on an error, also print where it happened (a stack trace, for a bug report)',
    unexpected: 'unexpected error: {{message}} (run again with --debug to see where it happened, and report it)',
    help: 'show help for a command',
    helpOption: 'show this help',
    error: 'error',
    noCache: 'do not read or write the cache of parsed articles and glossary matches',
    cacheLocation: 'keep the cache in DIR (default: node_modules/.cache/yakugo in the root)',
  },
  ja: {
    description: '日本語の Markdown 記事を各言語版に。用語集を最後まで守らせる',
    root: 'DIR のプロジェクトを対象にする',
    config: '設定を FILE から読む(既定: ルートの yakugo.config.yaml)',
    version: 'バージョンを表示する',
    debug: 'エラーのとき、発生した場所(スタックトレース)も表示する(不具合の報告用)',
    unexpected: '予期しないエラー: {{message}}(--debug を付けて実行すると発生した場所がわかります。不具合として報告してください)',
    help: 'コマンドのヘルプを表示する',
    helpOption: 'このヘルプを表示する',
    error: 'エラー',
    noCache: '解析済みの記事と用語の照合結果のキャッシュを使わない',
    cacheLocation: 'キャッシュを DIR に置く(既定: ルートの node_modules/.cache/yakugo)',
  },
});

function packageVersion(): string {
  return yakugoManifest().version;
}

export function createProgram(): Command {
  const program = new Command('yakugo')
    .description(t('description'))
    .option('--root <DIR>', t('root'), '.')
    .option('--config <FILE>', t('config'))
    .option('--debug', t('debug'))
    .option('--no-cache', t('noCache'))
    .option('--cache-location <DIR>', t('cacheLocation'))
    .version(packageVersion(), '-V, --version', t('version'))
    .helpCommand('help [command]', t('help'))
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  localizeHelp(program);
  localizeCommander(program);
  linkHelpToDocs(program);
  return program;
}

/** Commander's own `-h, --help` text, in the UI language, on every command and subcommand. */
function localizeHelp(command: Command): void {
  command.helpOption('-h, --help', t('helpOption'));
  for (const sub of command.commands) localizeHelp(sub);
}

/** Runs the CLI and returns the exit code (0 ok, 1 problems found, 2 usage, config or input error). */
export async function run(argv: string[]): Promise<number> {
  allocateYoung();
  const program = createProgram();
  showPathsRelativeTo(undefined);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? 0 : EXIT_INPUT;
    }
    return reportError(error, wantsDebug(argv));
  }
}

/** `--debug` anywhere before `--`, even when parsing failed before options were read. */
function wantsDebug(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--debug');
}

/**
 * The one place errors reach the user: an input error or a filesystem fault as one line naming the file,
 * anything else as one line asking for a report. Never a stack trace, unless `--debug` asked for it.
 */
export function reportError(error: unknown, debug: boolean): number {
  const known = error instanceof YakugoError ? error : fileSystemError(error);
  const line = known ? known.toString() : t('unexpected', { message: error instanceof Error ? error.message : String(error) });
  process.stderr.write(`${line}\n`);
  if (debug) {
    const cause = known?.cause ?? error;
    process.stderr.write(`${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
  }
  return known ? known.exitCode : EXIT_INPUT;
}

/**
 * The reader of our output closed it on purpose (`yakugo glossary export | head -1`): stop quietly with
 * success, as cat and grep do, instead of an unhandled EPIPE.
 */
function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    process.exit(reportError(error, wantsDebug(process.argv)));
  });
}

/** True when this file is the process entry point (also through npm's `.bin` symlink). */
function invokedDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  exitQuietlyOnBrokenPipe(process.stdout);
  exitQuietlyOnBrokenPipe(process.stderr);
  process.on('uncaughtException', (error) => process.exit(reportError(error, wantsDebug(process.argv))));
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
