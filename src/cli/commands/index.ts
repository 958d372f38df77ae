import type { Command } from 'commander';

/** Each command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

// One line per command module; keep this list in the order `--help` shows them.
export const commands: RegisterCommand[] = [];
