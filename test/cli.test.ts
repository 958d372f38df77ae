import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makeProject, read, write } from './helpers/project.js';

function cli(args: string[], env: { LANG?: string } = {}) {
  return runCli(args, { lang: env.LANG });
}


describe('yakugo CLI', () => {
  it('extract then build a new article with no other step; a missing required translation exits 1 listing the keys', async () => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\nrequired: [en]\n', 'source/new.md': '# 新しい記事\n\n本文です。\n' });
    expect((await cli(['--root', root, 'extract'])).code).toBe(0);
    const failed = await cli(['--root', root, 'build']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/locales\/en\/new\.json: 2 segment\(s\) untranslated in required language en: heading\.[0-9a-f]{8}, paragraph\.[0-9a-f]{8}/);
    expect(read(root, 'out/ja/new.md')).toBe('# 新しい記事\n\n本文です。\n');
  });

  it('prints a one-line summary per language', async () => {
    const root = makeProject({ 'source/a.md': '本文です。\n' });
    await cli(['--root', root, 'extract']);
    const { code, stdout, stderr } = await cli(['--root', root, 'build']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      'ja (source): 1 article(s), 1/1 segments translated (100%); editions: 1 written, 0 unchanged, 0 skipped, 0 failed',
      'en: 1 article(s), 0/1 segments translated (0%); editions: 1 written, 0 unchanged, 0 skipped, 0 failed',
      'zh-Hans: 1 article(s), 0/1 segments translated (0%); editions: 1 written, 0 unchanged, 0 skipped, 0 failed',
    ]);
    expect(stderr).toContain('en a: 1 segment(s) fall back to ja (optional language)');
  });

  it('build: a bad article is reported with file:line:column, the others are written, exit 1 and the summary counts it', async () => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': '本文です。\n', 'source/b.md': '別の記事。\n' });
    await cli(['--root', root, 'extract']);
    write(root, 'source/a.md', '---\ntitle: [unclosed\n---\n\n本文です。\n');
    const { code, stdout, stderr } = await cli(['--root', root, 'build']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^source\/a\.md:\d+:\d+: invalid front matter/m);
    expect(stderr).toContain('1 article(s) failed: source/a.md');
    expect(stdout).toContain('ja (source): 1 article(s)');
    expect(read(root, 'out/ja/b.md')).toBe('別の記事。\n');
    expect(read(root, 'out/en/b.md')).toBe('別の記事。\n');
    expect(existsSync(join(root, 'out/ja/a.md'))).toBe(false);
  });

  it('extract: a bad article is reported with file:line:column, the others are extracted, exit 2', async () => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': '本文です。\n', 'source/b.md': '別の記事。\n' });
    write(root, 'locales/en/a.json', '{\n  "x": 1\n}\n');
    const { code, stdout, stderr } = await cli(['--root', root, 'extract']);
    expect(code).toBe(2);
    expect(stderr).toContain('locales/en/a.json:2:8: the value of "x" must be a string');
    expect(stderr).toContain('1 article(s) not extracted, their files left as they are: source/a.md');
    expect(stdout).toContain('1 article(s), 1 segment(s)');
    expect(read(root, 'locales/en/a.json')).toBe('{\n  "x": 1\n}\n');
    expect(existsSync(join(root, 'locales/ja/a.json'))).toBe(false);
    expect(read(root, 'locales/ja/b.json')).toContain('別の記事。');
  });

  it('speaks Japanese when the locale is Japanese', async () => {
    const root = makeProject({ 'source/a.md': '本文です。\n' });
    const { stdout } = await cli(['--root', root, 'extract'], { LANG: 'ja_JP.UTF-8' });
    expect(stdout).toBe('記事 1 件、セグメント 1 件。更新したファイル 5 件\n');
  });

  it('with --allow-empty, says so when there is no article to work on and succeeds', async () => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n' });
    const { code, stderr } = await cli(['--root', root, 'build', '--allow-empty']);
    expect(code).toBe(0);
    expect(stderr).toBe('no articles (*.md, *.mdx) under source\n');
  });

  it('reads --config relative to the working folder, like ESLint, not to --root', async () => {
    const folder = makeProject({ 'custom.yaml': 'languages: [fr]\n', 'proj/source/a.md': '本文\n' });
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      expect((await cli(['--root', 'proj', '--config', 'custom.yaml', 'extract'])).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(read(folder, 'proj/locales/fr/a.json')).toMatch(/"paragraph\.[0-9a-f]{8}": ""/);
  });

  it('exits 2 with file:line:column for a config error', async () => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\nbogus: 1\n', 'source/a.md': '本文\n' });
    const { code, stderr } = await cli(['--root', root, 'build']);
    expect(code).toBe(2);
    expect(stderr).toBe('yakugo.config.yaml:2:1: unknown key "bogus"\n');
  });

  it('reports input errors in Japanese under a Japanese locale, still with file:line:column', async () => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': '本文\n', 'locales/en/a.json': '{\n  "x": [1]\n}\n' });
    const { code, stderr } = await cli(['--root', root, 'extract'], { LANG: 'ja_JP.UTF-8' });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'locales/en/a.json:2:8: "x" の値は文字列でなければなりません。配列は使えません(カタログは平らな形で、入れ子・複数形・配列は持てません)\n' +
        '1 件の記事はカタログを作れませんでした(ファイルはそのままです): source/a.md\n',
    );
    const config = await cli(['--root', makeProject({ 'yakugo.config.yaml': 'languages: en\n' }), 'build'], { LANG: 'ja_JP.UTF-8' });
    expect(config.stderr).toMatch(/^yakugo\.config\.yaml:1:1: "languages": .*配列/);
  });

  it('exits 2 on a usage error and 0 for --help and --version', async () => {
    expect((await cli(['build', '--no-such-option'])).code).toBe(2);
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await cli(['--help'])).code).toBe(0);
  });

  it('build --dry-run exits 1 when an edition in out/ is outdated and writes nothing', async () => {
    const root = makeProject({ 'source/a.md': '本文です。\n', 'out/ja/a.md': '古い版\n' });
    const { code, stderr } = await cli(['--root', root, 'build', '--dry-run']);
    expect(code).toBe(1);
    expect(stderr).toContain('out/ja/a.md is outdated');
    expect(read(root, 'out/ja/a.md')).toBe('古い版\n');
  });

  it('a second build counts the editions as unchanged, not as written or skipped', async () => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': '本文です。\n' });
    await cli(['--root', root, 'extract']);
    await cli(['--root', root, 'build']);
    const { stdout } = await cli(['--root', root, 'build']);
    expect(stdout).toContain('ja (source): 1 article(s), 1/1 segments translated (100%); editions: 0 written, 1 unchanged, 0 skipped, 0 failed');
  });

  it('the hint on a translation whose paragraph is gone says to run extract only while extract would help', async () => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': '# 題\n\n消える段落です。\n' });
    await cli(['--root', root, 'extract']);
    const catalog = JSON.parse(read(root, 'locales/en/a.json')) as Record<string, string>;
    const filled = Object.fromEntries(Object.keys(catalog).map((key, index) => [key, index === 0 ? 'Title' : 'A paragraph that goes.']));
    writeFileSync(join(root, 'locales/en/a.json'), `${JSON.stringify(filled, null, 2)}\n`);
    writeFileSync(join(root, 'source/a.md'), '# 題\n\nまったく別の内容に書き換えた。\n');
    const before = await cli(['--root', root, 'check', '--rule', 'segment/stale']);
    expect(before.stdout).toMatch(/belongs to no source segment any more .*: run yakugo extract and review it/);
    const extracted = await cli(['--root', root, 'extract']);
    expect(extracted.stderr).toMatch(/en a: translation of paragraph\.[0-9a-f]{8} has no source paragraph any more; kept in locales\/en\/a\.json: move it to the key of its paragraph, or remove it with yakugo extract --prune/);
    const after = await cli(['--root', root, 'check', '--rule', 'segment/stale']);
    expect(after.stdout).toMatch(/belongs to no source segment any more \(its paragraph was removed or rewritten\): move it to the key of the paragraph it belongs to now, or delete it \(yakugo extract --prune/);
    expect(after.stdout).not.toMatch(/run yakugo extract/);
  });
});
