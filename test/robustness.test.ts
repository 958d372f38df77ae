import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

/**
 * The robustness suite: hostile or broken input, filesystem faults and interruptions. Each case runs the
 * CLI as a user would, in English and in Japanese, and asserts the exit code, the message (one line
 * naming the file, never a stack trace) and that nothing in source/, locales/ or out/ changed.
 */

const config = 'sourceLanguage: ja\nlanguages: [en]\n';
const article = '---\ntitle: 題名\n---\n\n# 見出し\n\n本文です。\n';

/** A small valid project: one article, its catalogs and its editions, as `extract` + `build` leave them. */
async function validProject(extra: Record<string, string> = {}): Promise<string> {
  const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article, ...extra });
  expect((await runCli(['--root', root, 'extract'])).code).toBe(0);
  expect((await runCli(['--root', root, 'build'])).code).toBe(0);
  return root;
}

/** Every file under source/, locales/ and out/ with a hash of its bytes (links by their target). */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string): void => {
    const path = join(root, relative);
    if (!existsSync(path) && !isLink(path)) return;
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) files[relative] = `-> ${readlinkSync(path)}`;
    else if (stats.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(relative, name));
    else files[relative] = createHash('sha256').update(readFileSync(path)).digest('hex');
  };
  for (const folder of ['source', 'locales', 'out']) walk(folder);
  return files;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A trace printed by Node: `    at fn (file:line:col)`. */
const stackTrace = /^\s+at .+[:(]/m;

interface Case {
  name: string;
  /** Makes the project (and breaks it); returns its root. */
  project: () => Promise<string> | string;
  args: string[];
  code: number;
  /** What stderr must say, per UI language. */
  message: { en: RegExp; ja: RegExp };
}

const cases: Case[] = [
  {
    name: 'a source file that is a symbolic link to a file outside the project',
    project: async () => {
      const root = await validProject();
      symlinkSync('/etc/passwd', join(root, 'source/pw.md'));
      return root;
    },
    args: ['extract'],
    code: 2,
    message: {
      en: /^source\/pw\.md: a symbolic link leading outside the source folder source \(to \/etc\/passwd\)/m,
      ja: /^source\/pw\.md: 原稿フォルダ source の外\(\/etc\/passwd\)を指すシンボリックリンクです/m,
    },
  },
  {
    name: 'a source folder that is a symbolic link to a folder outside the project',
    project: async () => {
      const root = await validProject();
      const outside = makeProject({ 'secret.md': '秘密です。\n' });
      symlinkSync(outside, join(root, 'source/elsewhere'));
      return root;
    },
    args: ['build'],
    code: 2,
    message: { en: /^source\/elsewhere: a symbolic link leading outside the source folder/m, ja: /^source\/elsewhere: 原稿フォルダ source の外/m },
  },
  {
    name: 'a source file named on the command line through a folder link leading outside',
    project: async () => {
      const root = await validProject();
      const outside = makeProject({ 'secret.md': '秘密です。\n' });
      symlinkSync(outside, join(root, 'source/elsewhere'));
      return root;
    },
    args: ['extract', 'source/elsewhere/secret.md'],
    code: 2,
    message: { en: /^source\/elsewhere\/secret\.md: a symbolic link leading outside/m, ja: /^source\/elsewhere\/secret\.md: 原稿フォルダ source の外/m },
  },
  {
    name: 'a dangling symbolic link in source/',
    project: async () => {
      const root = await validProject();
      symlinkSync(join(root, 'nowhere.md'), join(root, 'source/gone.md'));
      return root;
    },
    args: ['check'],
    code: 2,
    message: { en: /^source\/gone\.md: a symbolic link that leads nowhere/m, ja: /^source\/gone\.md: リンク先が存在しないシンボリックリンク/m },
  },
  ...(['check', 'build', 'status', 'extract'] as const).flatMap((command): Case[] => [
    {
      name: `${command} in a project without a source folder`,
      project: () => makeProject({ 'yakugo.config.yaml': config }),
      args: [command],
      code: 2,
      message: {
        en: /^the source folder \/.+\/source does not exist: run yakugo in the project folder, pass --root DIR, or correct paths\.source in yakugo\.config\.yaml$/m,
        ja: /^原稿フォルダ \/.+\/source がありません。/m,
      },
    },
    {
      name: `${command} with a typo in paths.source`,
      project: () => makeProject({ 'yakugo.config.yaml': `${config}paths: { source: sorce }\n`, 'source/a.md': article }),
      args: [command],
      code: 2,
      message: { en: /^the source folder \/.+\/sorce does not exist/m, ja: /^原稿フォルダ \/.+\/sorce がありません/m },
    },
    {
      name: `${command} in a project whose source folder holds no article`,
      project: () => makeProject({ 'yakugo.config.yaml': config, 'source/notes.txt': 'メモ\n' }),
      args: [command],
      code: 2,
      message: {
        en: /^no articles \(\*\.md\) in the source folder \/.+\/source: add one, correct paths\.source in yakugo\.config\.yaml, or pass --allow-empty$/m,
        ja: /^原稿フォルダ \/.+\/source に記事\(\*\.md\)がありません。/m,
      },
    },
  ]),
  {
    name: 'check run from a subfolder of the project',
    project: async () => join(await validProject(), 'source'),
    args: ['check'],
    code: 2,
    message: { en: /^the source folder \/.+\/source\/source does not exist/m, ja: /^原稿フォルダ \/.+\/source\/source がありません/m },
  },
];

describe('robustness: every bad input or fault gives one clear message, exit code, and no change', () => {
  for (const testCase of cases) {
    for (const lang of ['en', 'ja'] as const) {
      it(`${testCase.name} (${lang})`, async () => {
        const root = await testCase.project();
        const before = snapshot(root);
        const args = testCase.args.map((arg) => (arg.startsWith('source/') ? join(root, arg) : arg));
        const result = await runCli(['--root', root, ...args], { lang: lang === 'ja' ? 'ja_JP.UTF-8' : 'en_US.UTF-8' });
        expect(result.stderr).toMatch(testCase.message[lang]);
        expect(result.stderr).not.toMatch(stackTrace);
        expect(result.code).toBe(testCase.code);
        expect(snapshot(root)).toEqual(before);
      });
    }
  }
});

describe('robustness: --allow-empty', () => {
  it.each(['check', 'build', 'status', 'extract'])('%s --allow-empty passes on a project with no article', async (command) => {
    const root = makeProject({ 'yakugo.config.yaml': config });
    const result = await runCli(['--root', root, command, '--allow-empty']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(stackTrace);
  });
});

describe('robustness: symbolic links that stay inside the source folder are followed', () => {
  it('an article linked from another place in source/ is built like any other', async () => {
    const root = await validProject({ 'source/real/b.md': '# 別の記事\n' });
    symlinkSync(join(root, 'source/real/b.md'), join(root, 'source/b.md'));
    const result = await runCli(['--root', root, 'extract']);
    expect(result.code).toBe(0);
    expect(existsSync(join(root, 'locales/ja/b.json'))).toBe(true);
  });
});
