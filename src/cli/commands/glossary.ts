import type { Command } from 'commander';
import { defineMessages } from '../i18n.js';
import { register as find } from './glossary/find.js';
import { register as list } from './glossary/list.js';

const t = defineMessages('glossary', {
  en: { description: 'work with the term glossary (glossary/*.yaml)' },
  ja: { description: '用語集(glossary/*.yaml)を扱う' },
});

/** Each subcommand lives in src/cli/commands/glossary/<name>.ts; one line per subcommand, in `--help` order. */
const subcommands: Array<(group: Command) => void> = [
  list,
  find,
];

export function register(program: Command): void {
  const group = program.command('glossary').description(t('description'));
  for (const register of subcommands) register(group);
}
