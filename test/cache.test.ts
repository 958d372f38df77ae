/**
 * Work follows what changed: build's manifest lets unchanged editions go unrendered, and the persistent
 * cache (parsed articles, glossary matches, examples) never changes a result.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { MANIFEST_FILE } from '../src/build/manifest.js';
import { configureCache, projectCache } from '../src/cache/store.js';
import { extract } from '../src/catalog/extract.js';
import { runCli } from './helpers/cli.js';
import { copyRepository, makeProject, read, readJson, write } from './helpers/project.js';

const roots: string[] = [];
afterEach(() => {
  configureCache({ enabled: true });
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function track(root: string): string {
  roots.push(root);
  return root;
}

function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk(dir);
  return found;
}

describe('build manifest', () => {
  const article = '# 見出し\n\n本文です。\n';

  function builtProject(): string {
    const root = track(makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': article }));
    extract({ root });
    const en = readJson(root, 'locales/en/a.json');
    write(root, 'locales/en/a.json', JSON.stringify(Object.fromEntries(Object.keys(en).map((key, index) => [key, index === 0 ? 'Heading' : 'Body text.'])), null, 2));
    build({ root });
    return root;
  }

  it('records a hash of the inputs and of the bytes of every edition, sorted, nothing else', () => {
    const root = builtProject();
    const manifest = JSON.parse(read(root, `out/${MANIFEST_FILE}`)) as { yakugoBuild: number; editions: Record<string, { inputs: string; output: string }> };
    expect(manifest.yakugoBuild).toBe(1);
    expect(Object.keys(manifest.editions)).toEqual(['en/a.md', 'ja/a.md']);
    for (const entry of Object.values(manifest.editions)) {
      expect(entry.inputs).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.output).toMatch(/^[0-9a-f]{64}$/);
    }
    // A second build with nothing changed changes no byte, the manifest included.
    const before = read(root, `out/${MANIFEST_FILE}`);
    expect(build({ root }).editions.map((edition) => edition.status)).toEqual(['unchanged', 'unchanged']);
    expect(read(root, `out/${MANIFEST_FILE}`)).toBe(before);
  });

  it('an edition changed by hand is rewritten, and check reports it until then', async () => {
    const root = builtProject();
    write(root, 'out/en/a.md', '# Heading\n\nEdited by hand.\n');
    const check = await runCli(['--root', root, 'check', '--rule', 'edition/outdated']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('The en edition is not what yakugo build writes');
    expect(build({ root }).editions.find((edition) => edition.lng === 'en')?.status).toBe('written');
    expect(read(root, 'out/en/a.md')).toBe('# Heading\n\nBody text.\n');
  });

  it('an edition is current by its hashes only while every catalog it may fall back to is unchanged', async () => {
    const root = track(
      makeProject({
        'yakugo.config.yaml': 'languages: [en, en-GB, pt-BR, pt-PT]\nfallback:\n  pt-BR: [pt-PT]\n',
        'source/a.md': '# 見出し\n\n本文です。\n',
      }),
    );
    extract({ root });
    const [heading, body] = Object.keys(readJson(root, 'locales/en/a.json'));
    write(root, 'locales/en/a.json', JSON.stringify({ [heading!]: 'Heading', [body!]: 'Body text.' }, null, 2));
    write(root, 'locales/pt-PT/a.json', JSON.stringify({ [heading!]: 'Título', [body!]: 'Texto.' }, null, 2));
    build({ root });
    const outdated = async () => {
      const result = await runCli(['--root', root, '--no-cache', 'check', '--rule', 'edition/outdated', '--format', 'json']);
      return (JSON.parse(result.stdout) as { problems: Array<{ file: string }> }).problems.map((problem) => problem.file).sort();
    };
    expect(await outdated()).toEqual([]);
    // en-GB falls back to en (i18next), pt-BR to pt-PT (the config): their editions change with those catalogs.
    write(root, 'locales/en/a.json', JSON.stringify({ [heading!]: 'Heading', [body!]: 'Changed body.' }, null, 2));
    write(root, 'locales/pt-PT/a.json', JSON.stringify({ [heading!]: 'Título', [body!]: 'Mudado.' }, null, 2));
    expect(await outdated()).toEqual(['out/en-GB/a.md', 'out/en/a.md', 'out/pt-BR/a.md', 'out/pt-PT/a.md']);
    build({ root });
    expect(read(root, 'out/pt-BR/a.md')).toBe('# Título\n\nMudado.\n');
    expect(await outdated()).toEqual([]);
  });

  it('a changed translation is rendered again; a damaged manifest only means rendering everything', async () => {
    const root = builtProject();
    const en = readJson(root, 'locales/en/a.json');
    const [heading] = Object.keys(en);
    write(root, 'locales/en/a.json', JSON.stringify({ ...en, [heading!]: 'New heading' }, null, 2));
    expect((await runCli(['--root', root, 'check', '--rule', 'edition/outdated'])).code).toBe(1);
    build({ root });
    expect(read(root, 'out/en/a.md')).toBe('# New heading\n\nBody text.\n');
    writeFileSync(join(root, 'out', MANIFEST_FILE), '{ not json');
    expect((await runCli(['--root', root, 'check', '--rule', 'edition/outdated'])).code).toBe(0);
    expect(build({ root }).editions.map((edition) => edition.status)).toEqual(['unchanged', 'unchanged']);
    expect(JSON.parse(read(root, `out/${MANIFEST_FILE}`)).yakugoBuild).toBe(1);
  });
});

describe('persistent cache', () => {
  it('never changes a result: check on this repository with no cache, a cold cache, a warm one and a damaged one', async () => {
    const root = track(copyRepository());
    const cacheDir = join(root, 'node_modules/.cache/yakugo');
    const run = async (...flags: string[]) => {
      const result = await runCli(['--root', root, ...flags, 'check', '--format', 'json']);
      return { code: result.code, stdout: result.stdout };
    };
    const uncached = await run('--no-cache');
    expect(() => readdirSync(cacheDir)).toThrow();
    const cold = await run();
    const entries = filesUnder(cacheDir);
    expect(entries.length).toBeGreaterThan(0);
    const warm = await run();
    for (const file of entries) writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
    const damaged = await run();
    expect(cold).toEqual(uncached);
    expect(warm).toEqual(uncached);
    expect(damaged).toEqual(uncached);
  });

  it('a cached article is used only for the very same text: an edit is seen at once', async () => {
    const root = track(makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': '# 見出し\n\n本文です。\n' }));
    extract({ root });
    write(root, 'source/a.md', '# 見出し\n\n本文を書き換えました。\n');
    extract({ root });
    expect(Object.values(readJson(root, 'locales/ja/a.json'))).toEqual(['見出し', '本文を書き換えました。']);
  });

  it('extract skips an article whose source and catalogs are unchanged, with the same report, and sees any edit', () => {
    const root = track(makeProject({ 'yakugo.config.yaml': 'languages: [en, zh-Hans]\n', 'source/a.md': '# 見出し\n\n本文です。\n', 'source/b.md': '別の記事。\n' }));
    extract({ root });
    const en = readJson(root, 'locales/en/a.json');
    // A translation whose segment is gone: kept and reported as an orphan on every run.
    write(root, 'locales/en/a.json', JSON.stringify({ ...Object.fromEntries(Object.keys(en).map((key) => [key, 'Text'])), 'paragraph.gone': 'Old text' }, null, 2));
    const first = extract({ root });
    const settled = join(root, 'node_modules/.cache/yakugo/extract-settled');
    const entries = () => filesUnder(settled).length;
    // Both articles were settled by the run that found nothing (more) to change: one entry each.
    const again = extract({ root });
    expect(entries()).toBe(2);
    expect(again.languages).toEqual(first.languages);
    expect(again.languages.find((report) => report.article === 'a' && report.lng === 'en')?.orphans.map((orphan) => orphan.key)).toEqual(['paragraph.gone']);
    expect(again.written).toEqual([]);
    // A translator's edit and a source edit are each merged at once, never answered from the cache.
    write(root, 'locales/zh-Hans/b.json', `${JSON.stringify({ ...readJson(root, 'locales/zh-Hans/b.json'), 'paragraph.extra': '额外' }, null, 2)}\n`);
    write(root, 'source/a.md', '# 見出し\n\n本文を書き換えました。\n');
    const edited = extract({ root });
    expect(Object.values(readJson(root, 'locales/ja/a.json'))).toEqual(['見出し', '本文を書き換えました。']);
    expect(edited.languages.find((report) => report.article === 'b' && report.lng === 'zh-Hans')?.orphans.map((orphan) => orphan.key)).toEqual(['paragraph.extra']);
    const uncached = (() => {
      configureCache({ enabled: false });
      return extract({ root });
    })();
    expect(uncached.languages).toEqual(extract({ root }).languages);
  });

  it('a rendered edition comes from the cache when out/ is gone, byte for byte, and never for other inputs', () => {
    const root = track(makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': '# 見出し\n\n**本文**です。\n' }));
    extract({ root });
    const [heading, body] = Object.keys(readJson(root, 'locales/en/a.json'));
    write(root, 'locales/en/a.json', JSON.stringify({ [heading!]: 'Heading', [body!]: '**Body** text.' }, null, 2));
    build({ root });
    const first = read(root, 'out/en/a.md');
    const editions = join(root, 'node_modules/.cache/yakugo/edition');
    expect(filesUnder(editions)).toHaveLength(2);
    rmSync(join(root, 'out'), { recursive: true });
    const hits = projectCache(root).stats.hits;
    expect(build({ root }).editions.map((edition) => edition.status)).toEqual(['written', 'written']);
    expect(projectCache(root).stats.hits - hits).toBeGreaterThanOrEqual(2);
    expect(read(root, 'out/en/a.md')).toBe(first);
    // Another translation is other inputs: rendered, and cached next to the first.
    write(root, 'locales/en/a.json', JSON.stringify({ [heading!]: 'Heading', [body!]: '**Body** text, changed.' }, null, 2));
    build({ root });
    expect(read(root, 'out/en/a.md')).toBe('# Heading\n\n**Body** text, changed.\n');
    expect(filesUnder(editions)).toHaveLength(3);
  });

  it('--cache-location puts it elsewhere', async () => {
    const root = track(makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': '本文です。\n' }));
    const elsewhere = track(makeProject({}));
    await runCli(['--root', root, '--cache-location', elsewhere, 'extract']);
    expect(readdirSync(elsewhere)).toContain('article');
    expect(() => readdirSync(join(root, 'node_modules'))).toThrow();
  });

  it('says whether it holds any entry of a kind (check starts its workers early only when it holds no results)', async () => {
    const root = track(makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': '本文です。\n' }));
    configureCache({ enabled: true });
    const cache = projectCache(root);
    expect(cache.holds('check-results')).toBe(false);
    await runCli(['--root', root, 'check', '--jobs', '1']);
    expect(cache.holds('check-results')).toBe(true);
    expect(cache.holds('no-such-kind')).toBe(false);
    configureCache({ enabled: false });
    expect(projectCache(root).holds('check-results')).toBe(false);
    configureCache({});
  });
});

describe('cached check results', () => {
  it('an article whose catalog, sidecar, edition or source changed is checked again; the others come from the cache', async () => {
    const root = track(copyRepository());
    const check = async () => (await runCli(['--root', root, 'check', '--format', 'json', '--jobs', '1'])).stdout;
    const clean = await check();
    expect(JSON.parse(clean).problems).toEqual([]);
    expect(await check()).toBe(clean);
    // A term a translator dropped: found although every other result is cached.
    const en = readJson(root, 'locales/en/deepseek-shock.json');
    const key = Object.keys(en).find((candidate) => en[candidate]!.includes('distillation'))!;
    write(root, 'locales/en/deepseek-shock.json', JSON.stringify({ ...en, [key]: en[key]!.replace(/“distillation,”|distillation/, 'compression') }, null, 2));
    const afterEdit = JSON.parse(await check()) as { problems: Array<{ rule: string; key: string }> };
    expect(afterEdit.problems.map((problem) => [problem.rule, problem.key])).toContainEqual(['term/untranslated', key]);
    // Put back: clean again; an edition changed by hand is found too.
    write(root, 'locales/en/deepseek-shock.json', JSON.stringify(en, null, 2));
    expect(await check()).toBe(clean);
    write(root, 'out/zh-Hans/explainers/distillation.md', `${read(root, 'out/zh-Hans/explainers/distillation.md')}\n追加。\n`);
    const edited = JSON.parse(await check()) as { problems: Array<{ rule: string; lng: string }> };
    expect(edited.problems.map((problem) => [problem.rule, problem.lng])).toEqual([['edition/outdated', 'zh-Hans']]);
  });
});
