import type { Command } from 'commander';
import { register as build } from './build.js';
import { register as check } from './check.js';
import { register as extract } from './extract.js';
import { register as glossary } from './glossary.js';
import { register as status } from './status.js';
import { register as fix } from './fix.js';
import { register as init } from './init.js';
import { register as review } from './review.js';
import { register as translate } from './translate.js';
import { register as xliff } from './xliff.js';

/** Each command lives in its own module and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

// One line per command module; keep this list in the order `--help` shows them.
export const commands: RegisterCommand[] = [
  init,
  extract,
  translate,
  build,
  check,
  status,
  review,
  fix,
  glossary,
  xliff,
];
