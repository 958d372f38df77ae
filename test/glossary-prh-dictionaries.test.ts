import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePrh } from '../src/glossary/interchange/prh.js';
import { readTextFile } from '../src/util/fs.js';
import { runCli } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

/**
 * Real dictionaries no one on this team wrote: every file of prh/rules (shipped in the prh package, a dev
 * dependency) and ja.react.dev's textlint/prh.yml (vendored in test/fixtures/prh). Each one must come in
 * whole — every rule prh itself reads, imports included, as a concept or a source rule — and the result
 * must load, lint and check.
 */
const require = createRequire(import.meta.url);
const prh = require('prh') as { fromYAMLFilePath(path: string): { rules: unknown[] } };
const prhRules = join(dirname(require.resolve('prh/package.json')), 'prh-rules');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

const dictionaries = [...yamlFiles(prhRules), fileURLToPath(new URL('./fixtures/prh/ja.react.dev-prh.yml', import.meta.url))].sort();
const options = { sourceLanguage: 'ja', languages: ['en'] };
const readFile = (from: string, path: string) => {
  const file = join(dirname(from), path);
  try {
    return { text: readTextFile(file, file), displayPath: file };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('prh dictionaries come in whole', () => {
  it('finds the dictionaries', () => {
    expect(dictionaries.map((file) => relative(prhRules, file).replace(/^(\.\.\/)+.*fixtures\//, 'fixtures/')).sort()).toEqual([
      'files/markdown.yml',
      'files/review.yml',
      'fixtures/prh/ja.react.dev-prh.yml',
      'languages/ja/typo.yml',
      'media/WEB+DB_PRESS.yml',
      'media/techbooster.yml',
      'terms/android.yml',
      'terms/javascript.yml',
      'terms/review.yml',
      'terms/software.yml',
      'terms/trademark.yml',
    ]);
  });

  it.each(dictionaries.map((file) => [relative(process.cwd(), file), file]))('%s: every rule prh reads becomes a concept or a source rule', (_name, file) => {
    const result = parsePrh(readTextFile(file!, file!), file!, { ...options, readFile });
    const expected = prh.fromYAMLFilePath(file!).rules.length;
    expect(result.counts).toEqual({ read: expected, asConcepts: expected - result.rules!.length, asRules: result.rules!.length });
    // Notes only say what has no glossary equivalent, or why a rule stays a source rule: nothing is dropped.
    for (const note of result.notes) expect(note.message).toMatch(/^targets: |is imported as a source rule/);
  });

  it.each(dictionaries.map((file) => [relative(process.cwd(), file), file]))('%s: the import writes a glossary that loads, lints and checks', async (_name, file) => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': '# 確認して下さい\n\nサーバを再起動して下さい。\n' });
    roots.push(root);
    const imported = await runCli(['--root', root, 'glossary', 'import', file!, '--into', join(root, 'glossary/imported.yaml')]);
    expect(imported.stderr).not.toMatch(/conflict|skipped/);
    expect(imported.code).toBe(0);
    const lint = await runCli(['--root', root, 'glossary', 'lint', '--format', 'json']);
    expect(lint.stderr).toBe('');
    expect((JSON.parse(lint.stdout) as { summary: { errors: number } }).summary.errors).toBe(0);
    const check = await runCli(['--root', root, 'check', '--lang', 'ja', '--rule', 'source/variant', '--format', 'json']);
    expect(check.code).toBeLessThan(2);
  });
});

describe('prh dictionaries go back out', () => {
  const corpus = fileURLToPath(new URL('./fixtures/prh/corpus/', import.meta.url));
  const engineOf = (path: string) => (require('prh') as { fromYAMLFilePath(path: string): { replaceByRule(path: string, text: string): string } }).fromYAMLFilePath(path);

  it.each([
    ['WEB+DB_PRESS', join(prhRules, 'media', 'WEB+DB_PRESS.yml')],
    ['ja.react.dev', fileURLToPath(new URL('./fixtures/prh/ja.react.dev-prh.yml', import.meta.url))],
  ])('%s: import then export --format prh rewrites the corpus as the original does', async (_name, file) => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n' });
    roots.push(root);
    expect((await runCli(['--root', root, 'glossary', 'import', file, '--into', join(root, 'glossary/imported.yaml')])).code).toBe(0);
    const exported = join(root, 'exported.yml');
    expect((await runCli(['--root', root, 'glossary', 'export', '--format', 'prh', '-o', exported])).code).toBe(0);
    const original = engineOf(file);
    const back = engineOf(exported);
    for (const name of readdirSync(corpus).sort()) {
      const text = readFileSync(join(corpus, name), 'utf8');
      expect(back.replaceByRule(name, text), name).toBe(original.replaceByRule(name, text));
    }
  });
});
