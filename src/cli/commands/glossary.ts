import type { Command } from 'commander';
import { defineMessages } from '../../util/i18n.js';
import { register as find } from './glossary/find.js';
import { register as list } from './glossary/list.js';
import { register as suggest } from './glossary/suggest.js';
import { register as lint } from './glossary/lint.js';
import { register as add } from './glossary/add.js';
import { register as exportCommand } from './glossary/export.js';
import { register as importCommand } from './glossary/import.js';

const t = defineMessages('glossary', {
  en: { description: 'work with the term glossary (glossary/*.yaml)' },
  ja: { description: '用語集(glossary/*.yaml)を扱う' },
});

/** Each subcommand lives in src/cli/commands/glossary/<name>.ts; one line per subcommand, in `--help` order. */
const subcommands: Array<(group: Command) => void> = [
  list,
  find,
  lint,
  suggest,
  add,
  exportCommand,
  importCommand,
];

export function register(program: Command): void {
  const group = program.command('glossary').description(t('description'));
  for (const register of subcommands) register(group);
}
