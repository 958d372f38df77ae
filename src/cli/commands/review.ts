import type { Command } from 'commander';
import { defineMessages } from '../../util/i18n.js';
import { register as accept } from './review/accept.js';

const t = defineMessages('review', {
  en: { description: 'record the review of machine and translation-memory drafts' },
  ja: { description: '機械翻訳・翻訳メモリの下訳のレビューを記録する' },
});

/** Each subcommand lives in src/cli/commands/review/<name>.ts. */
const subcommands: Array<(group: Command) => void> = [accept];

export function register(program: Command): void {
  const group = program.command('review').description(t('description'));
  for (const register of subcommands) register(group);
}
