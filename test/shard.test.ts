/** CI shards: `--shard i/n` slices the articles; `check --merge` puts the shards' reports back together. */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { extract } from '../src/catalog/extract.js';
import { parseShard, selectShard } from '../src/project/shard.js';
import { runCli } from './helpers/cli.js';
import { errorOf } from './helpers/errors.js';
import { copyRepository, makeProject, readJson, write } from './helpers/project.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('selectShard', () => {
  it('puts every item in exactly one slice, in the caller order, for any items and any n', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string({ minLength: 1 }), fc.nat(100_000)), { selector: ([path]) => path, maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (items, count) => {
        const slices = Array.from({ length: count }, (_, index) => selectShard(items, { index: index + 1, count }, ([path]) => path, ([, size]) => size));
        expect(slices.flat().sort()).toEqual([...items].sort());
        for (const slice of slices) expect(slice).toEqual(items.filter((item) => slice.includes(item)));
      }),
    );
  });

  it('is balanced by size and stable: adding an article moves only articles next to a cut', () => {
    const items = Array.from({ length: 400 }, (_, index) => [`source/article-${index}.md`, 1000 + ((index * 7919) % 5000)] as const);
    const total = items.reduce((sum, [, size]) => sum + size, 0);
    const slices = [1, 2, 3, 4].map((index) => selectShard(items, { index, count: 4 }, ([path]) => path, ([, size]) => size));
    for (const slice of slices) {
      const weight = slice.reduce((sum, [, size]) => sum + size, 0);
      expect(Math.abs(weight - total / 4)).toBeLessThan(6000);
    }
    const grown = [...items, ['source/new-article.md', 3000] as const];
    const after = [1, 2, 3, 4].map((index) => selectShard(grown, { index, count: 4 }, ([path]) => path, ([, size]) => size));
    const moved = items.filter((item) => slices.findIndex((slice) => slice.includes(item)) !== after.findIndex((slice) => slice.includes(item)));
    expect(moved.length).toBeLessThan(items.length / 20);
  });

  it('--shard must be i/n with 1 ≤ i ≤ n', async () => {
    for (const bad of ['0/2', '3/2', '1', 'a/b', '-1/2', '1/0']) expect(await errorOf(() => parseShard(bad))).toContain('--shard expects i/n');
    expect(parseShard(' 2 / 4 ')).toEqual({ index: 2, count: 4 });
  });
});

describe('check --shard and --merge', () => {
  /** This repository plus eight articles, partly translated, so every rule has something to say. */
  function projectWithProblems(): string {
    const root = copyRepository();
    roots.push(root);
    for (let i = 0; i < 8; i++) {
      write(root, `source/batch/note-${i}.md`, `# 第${i}回の記録\n\n米国の輸出規制の下で DeepSeek が蒸留を使ったとみられる。\n\n${'AI 業界の話題です。'.repeat(i + 1)}\n`);
    }
    extract({ root });
    for (let i = 0; i < 8; i += 2) {
      const file = `locales/en/batch/note-${i}.json`;
      const en = readJson(root, file);
      write(root, file, JSON.stringify(Object.fromEntries(Object.keys(en).map((key, index) => [key, index === 1 ? 'Under US export rules, DeepSeek apparently used it.' : ''])), null, 2));
    }
    return root;
  }

  for (const format of ['json', 'sarif']) {
    it(`the merged ${format} reports of 3 shards are byte for byte the unsharded report`, async () => {
      const root = projectWithProblems();
      const whole = await runCli(['--root', root, 'check', '--format', format]);
      expect(whole.code).toBe(1);
      const reports: string[] = [];
      const seen: string[] = [];
      for (let index = 1; index <= 3; index++) {
        const shard = await runCli(['--root', root, 'check', '--format', format, '--shard', `${index}/3`]);
        const report = join(root, `shard-${index}.${format}`);
        writeFileSync(report, shard.stdout);
        reports.push(report);
        seen.push(shard.stdout);
      }
      // Each shard reported something of its own: the work really was split.
      expect(new Set(seen).size).toBe(3);
      const merged = await runCli(['--root', root, 'check', '--format', format, '--merge', ...reports]);
      expect(merged.stdout).toBe(whole.stdout);
      expect(merged.code).toBe(whole.code);
    });
  }

  it('a file that is not a report is an input error naming it', async () => {
    const root = makeProject({ 'not-a-report.json': '{"hello": 1}' });
    roots.push(root);
    const merged = await runCli(['--root', root, 'check', '--merge', join(root, 'not-a-report.json')]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain('not-a-report.json: not a yakugo check report');
  });
});

describe('check --jobs', () => {
  it('worker threads give byte for byte the report of one thread (compiled CLI, 24 articles)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const { repositoryRoot } = await import('./helpers/project.js');
    const cli = join(repositoryRoot, 'dist/cli/main.js');
    expect(existsSync(cli), `${cli} is built by npm install (prepare); run npm run build:ts`).toBe(true);
    // A glossary the workers must receive from the main thread: term rules report on every article.
    const root = makeProject({
      'yakugo.config.yaml': 'languages: [en]\nrequired: [en]\n',
      'glossary/terms.yaml': 'concepts:\n  - id: distillation\n    ja: 蒸留\n    en: distillation\n  - id: export-controls\n    ja: 輸出規制\n    en: export controls\n',
    });
    roots.push(root);
    for (let i = 0; i < 24; i++) write(root, `source/a${i}.md`, `# 記事 ${i}\n\n米国の輸出規制の下で蒸留が使われた。\n\n${'AI 業界の動き。'.repeat(i % 5 + 1)}\n`);
    extract({ root });
    // Half the articles translated without the glossary's terms: term/untranslated on each of them.
    for (let i = 0; i < 24; i += 2) {
      const catalog = readJson(root, `locales/en/a${i}.json`);
      for (const key of Object.keys(catalog)) catalog[key] = key.startsWith('heading') ? `Article ${i}` : 'It was used under US rules.';
      write(root, `locales/en/a${i}.json`, `${JSON.stringify(catalog, null, 2)}\n`);
    }
    // One article a worker cannot read at all, and one whose catalog is broken: both reported, the rest checked.
    write(root, 'source/a7.md', '---\ntitle: [unclosed\n---\n\n本文。\n');
    write(root, 'locales/en/a11.json', '{ "heading.1": ');
    // Workers start at once (these articles are too small for them to be worth it otherwise).
    const run = (jobs: string, ...options: string[]) =>
      spawnSync(process.execPath, [cli, '--root', root, ...options, 'check', '--format', 'json', '--jobs', jobs], {
        encoding: 'utf8',
        env: { ...process.env, YAKUGO_PARALLEL_AFTER_MS: '0' },
      });
    const one = run('1', '--no-cache');
    const two = run('2', '--no-cache');
    expect(one.status).toBe(1);
    const problems = JSON.parse(one.stdout).problems as Array<{ rule: string; file: string }>;
    expect(problems.length).toBeGreaterThan(24);
    expect(problems.filter((problem) => problem.rule === 'edition/unbuildable').map((problem) => problem.file)).toEqual(expect.arrayContaining(['source/a7.md', 'locales/en/a11.json']));
    expect(problems.filter((problem) => problem.rule === 'term/untranslated').length).toBeGreaterThanOrEqual(20);
    expect(two.stdout).toBe(one.stdout);
    expect(two.status).toBe(one.status);
    // With the cache: a cold run on two threads, a warm one (no worker needed), and one with an article changed.
    expect(run('2').stdout).toBe(one.stdout);
    expect(run('2').stdout).toBe(one.stdout);
    write(root, 'source/a3.md', '# 記事 3\n\n蒸留が使われた。\n');
    expect(run('2').stdout).toBe(run('1', '--no-cache').stdout);
    expect(run('0').stderr).toContain('--jobs expects a whole number of at least 1');
  }, 120_000);
});
