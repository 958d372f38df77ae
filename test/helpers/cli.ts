import { Readable } from 'node:stream';
import { vi } from 'vitest';
import { resetMessages } from '../../src/util/i18n.js';
import { run } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as written, as a terminal shows them. */
  output: string;
}

/**
 * Runs the `yakugo` CLI in-process, as a user would from a shell, and captures what it prints.
 * `lang` sets the locale (English unless told otherwise); `stdin` feeds standard input.
 */
export async function runCli(args: string[], options: { lang?: string; stdin?: string } = {}): Promise<CliRun> {
  const saved = { LANG: process.env['LANG'], LC_ALL: process.env['LC_ALL'], LC_MESSAGES: process.env['LC_MESSAGES'] };
  process.env['LC_ALL'] = options.lang ?? 'en_US.UTF-8';
  delete process.env['LC_MESSAGES'];
  resetMessages();
  let stdout = '';
  let stderr = '';
  let output = '';
  const spies: Array<{ mockRestore(): void }> = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      output += String(chunk);
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      output += String(chunk);
      return true;
    }),
  ];
  if (options.stdin !== undefined) {
    spies.push(vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([Buffer.from(options.stdin)]) as typeof process.stdin));
  }
  process.exitCode = undefined;
  try {
    const code = await run(args);
    return { code, stdout, stderr, output };
  } finally {
    for (const spy of spies) spy.mockRestore();
    process.exitCode = undefined;
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetMessages();
  }
}
