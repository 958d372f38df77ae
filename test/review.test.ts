/**
 * Review state of machine and translation-memory drafts: the sidecar `origin`, the `segment/unreviewed`
 * rule, the `status` and `build` reports, and `yakugo review accept`.
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../src/catalog/extract.js';
import { formatState, readState } from '../src/catalog/state.js';
import { LOCK_FILE } from '../src/project/lock.js';
import { runCli } from './helpers/cli.js';
import { makeProject, read, readJson, write } from './helpers/project.js';

const SOURCE = `---
title: 蒸留の基礎
---

# 蒸留とは

蒸留は大きなモデルの知識を小さなモデルに移す技術です。
`;

const EN = ['Distillation basics', 'What is distillation?', 'Distillation moves the knowledge of a large model into a small one.'];
const ZH = ['蒸馏基础', '什么是蒸馏', '蒸馏是把大模型的知识迁移到小模型的技术。'];
const MACHINE = 'machine:openai/gpt-4o-mini';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/**
 * A translated project whose sidecars mark drafts: `origins` maps a language to the origin of each segment
 * (in document order), or null for a reviewed translation.
 */
function projectWithDrafts(origins: { en?: Array<string | null>; 'zh-Hans'?: Array<string | null> }, config = 'languages: [en, zh-Hans]\nrequired: [en]\n'): string {
  const root = makeProject({ 'yakugo.config.yaml': config, 'source/basics.md': SOURCE });
  roots.push(root);
  extract({ root });
  for (const [lng, values] of [
    ['en', EN],
    ['zh-Hans', ZH],
  ] as const) {
    const file = `locales/${lng}/basics.json`;
    const keys = Object.keys(readJson(root, file));
    write(root, file, `${JSON.stringify(Object.fromEntries(keys.map((key, index) => [key, values[index]])), null, 2)}\n`);
  }
  extract({ root });
  for (const lng of ['en', 'zh-Hans'] as const) {
    const marks = origins[lng];
    if (!marks) continue;
    const stateFile = `locales/${lng}/basics.state.yaml`;
    const state = readState(`${root}/${stateFile}`, stateFile);
    [...state.keys()].forEach((key, index) => {
      const origin = marks[index];
      if (origin) state.set(key, { ...state.get(key)!, origin });
    });
    write(root, stateFile, formatState(state));
  }
  return root;
}

function keysOf(root: string, lng: string): string[] {
  return Object.keys(readJson(root, `locales/${lng}/basics.json`));
}

async function checkJson(root: string, ...args: string[]) {
  const { code, stdout } = await runCli(['--root', root, 'check', '--format', 'json', '--rule', 'segment/unreviewed', ...args]);
  return { code, problems: JSON.parse(stdout).problems as Array<{ severity: string; lng: string; key: string; line: number; message: string }> };
}

describe('segment/unreviewed', () => {
  it('warns at each draft, naming its origin, and leaves reviewed translations alone', async () => {
    const root = projectWithDrafts({ en: [null, null, MACHINE], 'zh-Hans': [null, 'tm', null] });
    const { code, problems } = await checkJson(root);
    expect(code).toBe(0);
    expect(problems.map((problem) => [problem.lng, problem.key, problem.severity])).toEqual([
      ['en', keysOf(root, 'en')[2], 'warn'],
      ['zh-Hans', keysOf(root, 'zh-Hans')[1], 'warn'],
    ]);
    expect(problems[0]!.message).toContain('machine draft (machine:openai/gpt-4o-mini)');
    expect(problems[1]!.message).toContain('translation memory (tm)');
  });

  it('is an error where the config says so (a release branch), per language too', async () => {
    const root = projectWithDrafts({ en: [null, null, MACHINE], 'zh-Hans': [null, 'tm', null] }, 'languages: [en, zh-Hans]\nrules:\n  segment/unreviewed: { en: error }\n');
    const { code, problems } = await checkJson(root);
    expect(code).toBe(1);
    expect(problems.map((problem) => `${problem.lng} ${problem.severity}`)).toEqual(['en error', 'zh-Hans warn']);
  });

  it('stops reporting a draft a person edited, and extract then drops its origin', async () => {
    const root = projectWithDrafts({ en: [null, MACHINE, MACHINE] });
    const catalog = readJson(root, 'locales/en/basics.json');
    const [, heading, paragraph] = keysOf(root, 'en');
    catalog[paragraph!] = 'Distillation transfers what a large model knows to a small one.';
    write(root, 'locales/en/basics.json', `${JSON.stringify(catalog, null, 2)}\n`);
    expect((await checkJson(root)).problems.map((problem) => problem.key)).toEqual([heading]);
    extract({ root });
    const state = readState(`${root}/locales/en/basics.state.yaml`, 'state');
    expect(state.get(paragraph!)?.origin).toBeUndefined();
    expect(state.get(heading!)?.origin).toBe(MACHINE);
  });

  it('speaks Japanese under a Japanese locale', async () => {
    const root = projectWithDrafts({ en: [null, null, MACHINE] });
    const { stdout } = await runCli(['--root', root, 'check', '--rule', 'segment/unreviewed'], { lang: 'ja_JP.UTF-8' });
    expect(stdout).toContain('の en 訳は未レビューの機械翻訳の下訳です(machine:openai/gpt-4o-mini)');
  });
});

describe('status and build with drafts', () => {
  it('status counts drafts and reviewed translations, in the table and as JSON', async () => {
    const root = projectWithDrafts({ en: [null, MACHINE, MACHINE], 'zh-Hans': ['tm', null, null] });
    const table = await runCli(['--root', root, 'status']);
    expect(table.stdout.split('\n').slice(0, 3)).toEqual([
      'Language       Article  Segments  Translated  Missing  Stale  Drafts  Reviewed  Percent  Term problems',
      'en (required)  basics          3           3        0      0       2         1     100%              0',
      'zh-Hans        basics          3           3        0      0       1         2     100%              0',
    ]);
    const json = JSON.parse((await runCli(['--root', root, 'status', '--format', 'json'])).stdout);
    expect(json.languages.map((language: { lng: string; drafts: number; reviewed: number }) => [language.lng, language.drafts, language.reviewed])).toEqual([
      ['en', 2, 1],
      ['zh-Hans', 1, 2],
    ]);
    expect(json.languages[0].articles[0]).toMatchObject({ drafts: 2, reviewed: 1 });
  });

  it('build writes editions from drafts and says per language how many segments are unreviewed', async () => {
    const root = projectWithDrafts({ en: [null, MACHINE, MACHINE], 'zh-Hans': ['tm', null, null] });
    const { code, stderr } = await runCli(['--root', root, 'build']);
    expect(code).toBe(0);
    expect(read(root, 'out/en/basics.md')).toContain(EN[2]);
    expect(stderr).toContain('en: 2 segment(s) built from unreviewed machine or translation-memory drafts');
    expect(stderr).toContain('zh-Hans: 1 segment(s) built from unreviewed');
    const reviewed = projectWithDrafts({});
    expect((await runCli(['--root', reviewed, 'build'])).stderr).not.toContain('unreviewed');
  });
});

describe('yakugo review accept', () => {
  it('marks every draft reviewed without changing a catalog byte; check is then clean', async () => {
    const root = projectWithDrafts({ en: [null, MACHINE, MACHINE], 'zh-Hans': ['tm', null, null] });
    const catalogs = ['en', 'zh-Hans'].map((lng) => read(root, `locales/${lng}/basics.json`));
    const { code, stdout } = await runCli(['--root', root, 'review', 'accept']);
    expect(code).toBe(0);
    const [title, heading, paragraph] = keysOf(root, 'en');
    expect(stdout.split('\n')).toEqual([
      'locales/en/basics.json',
      `  ${heading}  draft (${MACHINE})`,
      `  ${paragraph}  draft (${MACHINE})`,
      'locales/zh-Hans/basics.json',
      `  ${title}  draft (tm)`,
      'accepted 3 translation(s) as reviewed in 2 catalog(s)',
      '',
    ]);
    expect(['en', 'zh-Hans'].map((lng) => read(root, `locales/${lng}/basics.json`))).toEqual(catalogs);
    expect(read(root, 'locales/en/basics.state.yaml')).not.toContain('origin');
    expect((await checkJson(root)).problems).toEqual([]);
    // Running it again finds nothing and changes nothing.
    const again = await runCli(['--root', root, 'review', 'accept']);
    expect([again.code, again.stdout]).toEqual([0, '']);
    expect(again.stderr).toContain('nothing to accept');
  });

  it('narrows to languages, keys and catalogs', async () => {
    const root = projectWithDrafts({ en: [MACHINE, MACHINE, MACHINE], 'zh-Hans': [MACHINE, 'tm', null] });
    const [, heading] = keysOf(root, 'en');
    await runCli(['--root', root, 'review', 'accept', '--lang', 'en', '--key', heading!]);
    expect((await checkJson(root)).problems.map((problem) => `${problem.lng} ${problem.key}`)).toEqual([
      `en ${keysOf(root, 'en')[0]}`,
      `en ${keysOf(root, 'en')[2]}`,
      `zh-Hans ${keysOf(root, 'zh-Hans')[0]}`,
      `zh-Hans ${keysOf(root, 'zh-Hans')[1]}`,
    ]);
    await runCli(['--root', root, 'review', 'accept', `${root}/locales/zh-Hans/basics.json`]);
    expect((await checkJson(root)).problems.map((problem) => problem.lng)).toEqual(['en', 'en']);
    await runCli(['--root', root, 'review', 'accept', `${root}/source/basics.md`]);
    expect((await checkJson(root)).problems).toEqual([]);
  });

  it('keeps a translator’s note on the entries it accepts', async () => {
    const root = projectWithDrafts({ en: [null, null, MACHINE] });
    const file = 'locales/en/basics.state.yaml';
    write(root, file, read(root, file).replace(`origin: "${MACHINE}" }`, `origin: "${MACHINE}", note: "kept on purpose" }`));
    await runCli(['--root', root, 'review', 'accept']);
    const entry = readState(`${root}/${file}`, file).get(keysOf(root, 'en')[2]!);
    expect(entry).toMatchObject({ note: 'kept on purpose' });
    expect(entry?.origin).toBeUndefined();
  });

  it('--dry-run lists what it would accept and writes nothing', async () => {
    const root = projectWithDrafts({ en: [null, null, MACHINE] });
    const before = read(root, 'locales/en/basics.state.yaml');
    const { code, stdout } = await runCli(['--root', root, 'review', 'accept', '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('would accept 1 translation(s) as reviewed in 1 catalog(s) (dry run: nothing written)');
    expect(read(root, 'locales/en/basics.state.yaml')).toBe(before);
  });

  it('accepts a stale translation as it is: recorded against the current source, value unchanged', async () => {
    const root = projectWithDrafts({});
    write(root, 'source/basics.md', SOURCE.replace('title: 蒸留の基礎', 'title: 蒸留の基礎と応用'));
    extract({ root });
    const stale = await runCli(['--root', root, 'check', '--format', 'json', '--rule', 'segment/stale']);
    expect(JSON.parse(stale.stdout).problems.map((problem: { key: string }) => problem.key)).toEqual(['meta.title', 'meta.title']);
    const catalog = read(root, 'locales/en/basics.json');
    const { stdout } = await runCli(['--root', root, 'review', 'accept', '--lang', 'en']);
    expect(stdout).toContain('  meta.title  stale');
    expect(read(root, 'locales/en/basics.json')).toBe(catalog);
    const after = await runCli(['--root', root, 'check', '--format', 'json', '--rule', 'segment/stale']);
    expect(JSON.parse(after.stdout).problems.map((problem: { lng: string }) => problem.lng)).toEqual(['zh-Hans']);
  });

  it('waits for nobody: while another run holds the project lock it exits 2 and writes nothing (a dry run still lists)', async () => {
    const root = projectWithDrafts({ en: [null, null, MACHINE] });
    write(root, LOCK_FILE, `${JSON.stringify({ pid: 1, host: 'build-runner-7', command: 'translate', since: '2026-11-29T08:00:00.000Z' })}\n`);
    const before = read(root, 'locales/en/basics.state.yaml');
    const run = await runCli(['--root', root, 'review', 'accept']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('another yakugo run (translate, pid 1 on build-runner-7');
    expect(read(root, 'locales/en/basics.state.yaml')).toBe(before);
    const dry = await runCli(['--root', root, 'review', 'accept', '--dry-run']);
    expect([dry.code, dry.stdout.includes('would accept 1 translation(s)')]).toEqual([0, true]);
  });

  it('exits 2 on an unknown language, key or file, writing nothing', async () => {
    const root = projectWithDrafts({ en: [null, null, MACHINE] });
    const before = read(root, 'locales/en/basics.state.yaml');
    const language = await runCli(['--root', root, 'review', 'accept', '--lang', 'fr']);
    expect([language.code, language.stderr]).toEqual([2, 'unknown language "fr" (target languages: en, zh-Hans)\n']);
    const key = await runCli(['--root', root, 'review', 'accept', '--key', 'paragraph.00000000']);
    expect([key.code, key.stderr]).toEqual([2, 'unknown key "paragraph.00000000": no segment of the selected articles has it\n']);
    const file = await runCli(['--root', root, 'review', 'accept', `${root}/yakugo.config.yaml`]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('yakugo.config.yaml is neither an article under source nor a catalog under locales');
    expect(read(root, 'locales/en/basics.state.yaml')).toBe(before);
  });

  it('speaks Japanese under a Japanese locale', async () => {
    const root = projectWithDrafts({ en: [null, null, MACHINE] });
    const { stdout } = await runCli(['--root', root, 'review', 'accept'], { lang: 'ja_JP.UTF-8' });
    expect(stdout).toContain('下訳(machine:openai/gpt-4o-mini)');
    expect(stdout).toContain('カタログ 1 件の訳 1 件をレビュー済みにしました');
  });
});
