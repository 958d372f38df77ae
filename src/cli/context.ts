import { resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { configureCache } from '../cache/store.js';
import { loadProject, type Project } from '../config/load.js';

/** Global options every command accepts. */
export interface GlobalOptions {
  root: string;
  config?: string;
  /** false with `--no-cache`. */
  cache: boolean;
  cacheLocation?: string;
}

/** What a command needs from the process, passed explicitly so commands stay testable. */
export interface CliContext {
  project: Project;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** stdout is a terminal: colours and progress bars are on. */
  isTTY: boolean;
  colors: ReturnType<typeof pc.createColors>;
}

/** Reads the global options of `command` (set on the root program) and loads the project. */
export function cliContext(command: Command): CliContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  configureCache({ enabled: options.cache !== false, location: options.cacheLocation === undefined ? undefined : resolve(options.cacheLocation) });
  // Like ESLint's --config, the file is relative to the working folder, not to --root.
  const project = loadProject(options.root ?? '.', options.config === undefined ? undefined : resolve(options.config));
  const isTTY = Boolean(process.stdout.isTTY);
  return {
    project,
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY,
    colors: pc.createColors(isTTY && !process.env['NO_COLOR']),
  };
}
