import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { copyRepository, repositoryRoot } from './helpers/project.js';

/**
 * The console samples of the documentation marked `<!-- sample: shipped repository -->` are what the
 * commands print on this repository as shipped: each `$ yakugo …` line is run on a copy of it and its
 * output compared line by line. A line `…` in a sample stands for any number of lines.
 */
const marker = '<!-- sample: shipped repository -->';

interface Sample {
  file: string;
  line: number;
  command: string;
  expected: string[];
}

function documentationFiles(): string[] {
  const files = [join(repositoryRoot, 'README.md')];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.md')) files.push(join(dir, entry.name));
    }
  };
  walk(join(repositoryRoot, 'docs'));
  return files;
}

function markedSamples(text: string, file: string): Sample[] {
  const lines = text.split('\n');
  const samples: Sample[] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== marker) return;
    if (lines[index + 1] !== '```console') throw new Error(`${file}:${index + 1}: ${marker} must be followed by a console block`);
    let current: Sample | undefined;
    for (let i = index + 2; i < lines.length && lines[i] !== '```'; i++) {
      const text = lines[i]!;
      if (text.startsWith('$ ')) {
        current = { file, line: i + 1, command: text.slice(2).replace(/^npx /, ''), expected: [] };
        samples.push(current);
      } else current?.expected.push(text);
    }
  });
  return samples;
}

/** `actual` lines match `expected`, where an expected `…` line matches any run of lines. */
function matches(actual: string[], expected: string[]): boolean {
  if (expected.length === 0) return actual.length === 0;
  const [first, ...rest] = expected;
  if (first === '…') return actual.some((_, skip) => matches(actual.slice(skip), rest)) || matches([], rest);
  return actual[0] === first && matches(actual.slice(1), rest);
}

const samples = documentationFiles().flatMap((file) => markedSamples(readFileSync(file, 'utf8'), relative(repositoryRoot, file)));

describe('documentation samples are real output on the shipped repository', () => {
  it('there are marked samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(samples.map((sample) => [`${sample.file}:${sample.line} ${sample.command}`, sample] as const))('%s', async (_name, sample) => {
    const args = sample.command.split(/\s+/);
    expect(args[0], 'a sample runs yakugo').toBe('yakugo');
    const root = copyRepository();
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const { output } = await runCli(args.slice(1));
      const actual = output.replace(/\n$/, '').split('\n').map((line) => line.trimEnd());
      const expected = sample.expected.join('\n').replace(/\n+$/, '').split('\n');
      if (!matches(actual, expected)) expect(actual.join('\n')).toBe(expected.join('\n'));
    } finally {
      process.chdir(cwd);
    }
  });
});
