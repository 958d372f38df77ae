import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { makeTempFolder, repositoryRoot } from './project.js';

let compiled: string | undefined;

/**
 * The CLI as a separate process needs JavaScript: the sources transpiled (no type check, that is
 * `tsc --noEmit`'s job) into a temp copy laid out like the package (dist/, package.json, node_modules),
 * once per test file. For what only a real process shows: a closed pipe, a signal, two runs at once.
 */
export function compiledCli(): string {
  if (compiled) return compiled;
  const folder = makeTempFolder('yakugo-dist-');
  const src = join(repositoryRoot, 'src');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const output = ts.transpileModule(readFileSync(path, 'utf8'), {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
          fileName: path,
        });
        const target = join(folder, 'dist', relative(src, path)).replace(/\.ts$/, '.js');
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, output.outputText);
      }
    }
  };
  walk(src);
  copyFileSync(join(repositoryRoot, 'package.json'), join(folder, 'package.json'));
  symlinkSync(join(repositoryRoot, 'node_modules'), join(folder, 'node_modules'));
  compiled = join(folder, 'dist', 'cli', 'main.js');
  return compiled;
}

export interface ProcessRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `yakugo args…` as a child process; `lang` sets the UI locale. */
export function startCli(args: string[], options: { lang?: string; cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, [compiledCli(), ...args], {
    cwd: options.cwd ?? repositoryRoot,
    env: { ...process.env, LC_ALL: options.lang ?? 'en_US.UTF-8', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for a child process and collects what it printed. */
export function finished(child: ChildProcess): Promise<ProcessRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}
