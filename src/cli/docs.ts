import type { Command } from 'commander';
import { defineMessages } from '../util/i18n.js';

const t = defineMessages('docs', {
  en: { reference: 'Reference: {{page}}', index: 'Reference: docs/README.md (every command, file format and rule)' },
  ja: { reference: 'リファレンス: {{page}}', index: 'リファレンス: docs/README.md(全コマンド・ファイル形式・ルール)' },
});

/** The names from the program down to `command`, without the program itself: `['glossary', 'add']`. */
export function commandPath(command: Command): string[] {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names;
}

/**
 * `yakugo glossary add` → `docs/commands/glossary-add.md`; the program itself → the commands index. A
 * default subcommand (`review site`, what `yakugo review` runs) is documented on its parent's page.
 */
export function docsPageOf(command: Command): string {
  const parent = command.parent as (Command & { _defaultCommandName?: string | null }) | null;
  if (parent?.parent && parent._defaultCommandName === command.name()) return docsPageOf(parent);
  const path = commandPath(command);
  return path.length === 0 ? 'docs/commands/README.md' : `docs/commands/${path.join('-')}.md`;
}

/** Every command below `program`, depth first, in `--help` order. */
export function allCommands(program: Command): Command[] {
  return program.commands.flatMap((command) => [command, ...allCommands(command)]);
}

/** Ends every command's `--help` with the docs page that has its full reference. */
export function linkHelpToDocs(program: Command): void {
  program.addHelpText('after', `\n${t('index')}`);
  for (const command of allCommands(program)) command.addHelpText('after', `\n${t('reference', { page: docsPageOf(command) })}`);
}
