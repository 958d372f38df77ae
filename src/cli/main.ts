#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { yakugoManifest } from '../util/fingerprint.js';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { EXIT_INPUT, YakugoError } from '../util/errors.js';
import { commands } from './commands/index.js';
import { linkHelpToDocs } from './docs.js';
import { defineMessages } from '../util/i18n.js';

const t = defineMessages('main', {
  en: {
    description: 'Japanese Markdown articles → localized editions, with a term glossary enforced end to end',
    root: 'work on the project in DIR',
    config: 'read the configuration from FILE (default: yakugo.config.yaml in the root)',
    version: 'print the version',
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
    .option('--no-cache', t('noCache'))
    .option('--cache-location <DIR>', t('cacheLocation'))
    .version(packageVersion(), '-V, --version', t('version'))
    .helpCommand('help [command]', t('help'))
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  localizeHelp(program);
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
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? 0 : EXIT_INPUT;
    }
    if (error instanceof YakugoError) {
      process.stderr.write(`${error.toString()}\n`);
      return error.exitCode;
    }
    process.stderr.write(`${t('error')}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_INPUT;
  }
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
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
