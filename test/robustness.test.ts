import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/catalog/extract.js';
import { formatCatalog } from '../src/catalog/catalog.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './helpers/cli.js';
import { finished, startCli } from './helpers/compiled.js';
import { copyRepository, makeProject, read, readJson, write } from './helpers/project.js';

/**
 * Faults no test can cause for real (a full disk, a read-only file system, permissions when tests run as
 * root) are injected into node:fs: a call on a path containing `path` fails as the kernel would.
 */
const faults = vi.hoisted(() => ({ armed: [] as Array<{ call: string; path: string; code: string; after?: number }> }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const faulty =
    <F extends (...args: never[]) => unknown>(call: string, original: F) =>
    (...args: Parameters<F>): ReturnType<F> => {
      const path = String(args[0]);
      for (const fault of faults.armed) {
        if (fault.call !== call || !path.includes(fault.path)) continue;
        if (fault.after !== undefined && fault.after-- > 0) continue;
        throw Object.assign(new Error(`${fault.code}: injected, ${call} '${path}'`), { code: fault.code, path, syscall: call });
      }
      return original(...args) as ReturnType<F>;
    };
  const patched = {
    ...fs,
    writeFileSync: faulty('writeFileSync', fs.writeFileSync),
    accessSync: faulty('accessSync', fs.accessSync),
    readFileSync: faulty('readFileSync', fs.readFileSync),
  };
  return { ...patched, default: patched };
});
afterEach(() => {
  faults.armed = [];
});

/**
 * The robustness suite: hostile or broken input, filesystem faults and interruptions. Each case runs the
 * CLI as a user would, in English and in Japanese, and asserts the exit code, the message (one line
 * naming the file, never a stack trace) and that nothing in source/, locales/ or out/ changed.
 */

const config = 'sourceLanguage: ja\nlanguages: [en]\n';
/** Seven levels of nine aliases each: 4.7 million nodes once expanded. */
const aliasBomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdef'[index]}`).join(',')}]`)].join('\n');
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
  /** What the run must say (stderr, or stdout for a problem report), per UI language. */
  message: { en: RegExp; ja: RegExp };
  /** Files the run may change (written before a fault it reports); nothing else may change. */
  changes?: string[];
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
  {
    name: 'out/ being a file',
    project: async () => {
      const root = await validProject();
      rmSync(join(root, 'out'), { recursive: true });
      writeFileSync(join(root, 'out'), 'not a folder\n');
      return root;
    },
    args: ['build'],
    code: 2,
    message: { en: /^out\/[^:]+: out is a file where a folder is needed: move it away/m, ja: /^out\/[^:]+: フォルダが必要な場所に out というファイルがあります/m },
  },
  {
    name: 'locales/ being a file',
    project: () => {
      const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article, locales: 'not a folder\n' });
      return root;
    },
    args: ['extract'],
    code: 2,
    message: { en: /^locales\/ja\/a\.json: locales is a file where a folder is needed/m, ja: /^locales\/ja\/a\.json: フォルダが必要な場所に locales というファイル/m },
  },
  {
    name: 'a source path that is a folder named like an article',
    project: async () => {
      const root = await validProject();
      mkdirSync(join(root, 'source/folder.md'));
      writeFileSync(join(root, 'source/folder.md/b.md'), '# 入れ子\n');
      return root;
    },
    args: ['extract', 'source/folder.md'],
    code: 2,
    message: { en: /^source\/folder\.md: a folder where a file is needed/m, ja: /^source\/folder\.md: ファイルが必要な場所にフォルダがあります/m },
  },
  {
    name: 'a source file that does not exist, named on the command line',
    project: () => validProject(),
    args: ['build', 'source/missing.md'],
    code: 2,
    message: { en: /^source\/missing\.md: no such file or folder/m, ja: /^source\/missing\.md: ファイルまたはフォルダがありません/m },
  },
  ...(
    [
      ['EACCES', 'permission denied: make it readable and writable', 'アクセスが拒否されました'],
      ['EROFS', 'on a read-only file system', '読み取り専用のファイルシステムです'],
    ] as const
  ).map(
    ([code, en, ja]): Case => ({
      name: `extract after a source edit, one language folder ${code} (nothing half-applied)`,
      project: async () => {
        const root = await validProject({ 'yakugo.config.yaml': 'sourceLanguage: ja\nlanguages: [en, zh-Hans]\n' });
        writeFileSync(join(root, 'source/a.md'), `${article}\n新しい段落です。\n`);
        faults.armed.push({ call: 'accessSync', path: 'locales/zh-Hans', code }, { call: 'writeFileSync', path: 'locales/zh-Hans', code });
        return root;
      },
      args: ['extract'],
      code: 2,
      message: { en: new RegExp(`^locales/zh-Hans: ${en}`, 'm'), ja: new RegExp(`^locales/zh-Hans: ${ja}`, 'm') },
    }),
  ),
  {
    name: 'build with the disk full after the first edition (names what was written)',
    project: async () => {
      const root = await validProject({ 'yakugo.config.yaml': 'sourceLanguage: ja\nlanguages: [en, zh-Hans]\n' });
      writeFileSync(join(root, 'source/a.md'), `${article}\n新しい段落です。\n`);
      expect((await runCli(['--root', root, 'extract'])).code).toBe(0);
      faults.armed.push({ call: 'writeFileSync', path: '/out/', code: 'ENOSPC', after: 1 });
      return root;
    },
    args: ['build'],
    code: 2,
    message: {
      en: /^out\/en\/a\.md: no space left on the device: free some space, then run again; 1 of 3 file\(s\) were written before this fault: out\/ja\/a\.md; the others were left as they were/m,
      ja: /^out\/en\/a\.md: デバイスの空き容量がありません。.*3 件中 1 件のファイルを書き込みました: out\/ja\/a\.md。/m,
    },
    changes: ['out/ja/a.md'],
  },
  ...(
    [
      ['UTF-16LE without a byte order mark', Buffer.from('# Title\n\nplain ASCII text\n', 'utf16le'), /UTF-16LE without a byte order mark/, /BOM なしの UTF-16LE/],
      ['UTF-16LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# 見出し\n', 'utf16le')]), /UTF-16LE \(it starts with a byte order mark\)/, /UTF-16LE です/],
      ['UTF-16BE with a byte order mark', Buffer.from([0xfe, 0xff, 0x00, 0x23, 0x00, 0x20, 0x8a, 0x0b]), /UTF-16BE \(it starts with a byte order mark\)/, /UTF-16BE です/],
      ['bytes that are not UTF-8', Buffer.from([0x23, 0x20, 0xe8, 0xa6, 0x8b, 0x0a, 0xff, 0x0a]), /^source\/b\.md:2:1: not UTF-8: invalid byte 0xff$/m, /UTF-8 ではありません/],
      ['malformed front matter', Buffer.from('---\ntitle: [unclosed\n---\n\n本文\n'), /^source\/b\.md:\d+:\d+: invalid front matter/, /フロントマターが読めません/],
      ['a number as a translated front-matter field', Buffer.from('---\ntitle: 123\n---\n\n本文\n'), /^source\/b\.md:2:8: front-matter field "title" is translated .* not a number/, /^source\/b\.md:2:8: フロントマターの "title" .*数値は使えません/],
      ['a list of mappings as a translated front-matter field', Buffer.from('---\ntitle:\n  - a: 題\n---\n\n本文\n'), /^source\/b\.md:3:5: front-matter field "title" .* not an object/, /^source\/b\.md:3:5: フロントマターの "title"/],
      ['a YAML alias bomb in front matter', Buffer.from(`---\na: &a ["題","題","題","題","題","題","題","題","題"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: *g\n---\n\n本文\n`), /^source\/b\.md:9:8: front-matter field "title" .* not an alias/m, /^source\/b\.md:9:8: フロントマターの "title" .*エイリアス/m],
    ] as const
  ).map(
    ([what, bytes, en, ja]): Case => ({
      name: `extract with a source file in ${what}`,
      project: async () => {
        const root = await validProject();
        writeFileSync(join(root, 'source/b.md'), bytes);
        return root;
      },
      args: ['extract'],
      code: 2,
      message: { en, ja },
    }),
  ),
  ...(
    [
      ['a 5 MB article', () => `# 大きな記事\n\n${'本文です。'.repeat(40).concat('\n\n').repeat(8_000)}`, /^source\/b\.md: the article is \d+ bytes, more than the limit of 2000000 \(limits\.articleBytes/m, /^source\/b\.md: 記事が \d+ バイトあり/m],
      ['a 1 MB paragraph', () => `# 長い段落\n\n${'本文です。'.repeat(70_000)}\n`, /^source\/b\.md:3:1: this paragraph is 1050000 bytes, more than the limit of 1000000/m, /^source\/b\.md:3:1: この段落は 1050000 バイトあり/m],
      ['lists nested 1,000 deep', () => Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- 項目\n`).join(''), /^source\/b\.md:33:1: block quotes and lists nested 33 levels deep here, more than the limit of 32 \(limits\.nesting/m, /^source\/b\.md:33:1: ここで引用とリストが 33 段/m],
      // Indented 5,000 deep, a list is 25 MB: the article size limit refuses it before anything else.
      ['block quotes nested 5,000 deep', () => `${'>'.repeat(5_000)} 引用\n`, /^source\/b\.md:1:1: block quotes and lists nested 5000 levels deep/m, /^source\/b\.md:1:1: ここで引用とリストが 5000 段/m],
      ['lists in one line nested 5,000 deep', () => `${'- '.repeat(5_000)}項目\n`, /^source\/b\.md:1:1: block quotes and lists nested \d+ levels deep/m, /^source\/b\.md:1:1: /m],
      ['3,000 asterisks around a word', () => `${'*'.repeat(3_000)}強調${'*'.repeat(3_000)}\n`, /^source\/b\.md:1:1: a run of 3000 "\*" characters, longer than the limit of 64 \(limits\.delimiterRun/m, /^source\/b\.md:1:1: "\*" が 3000 個続いており/m],
      ['3,000 underscores inside a sentence', () => `本文${'_'.repeat(3_000)}です。\n`, /^source\/b\.md:1:3: a run of 3000 "_" characters/m, /^source\/b\.md:1:3: "_" が 3000 個/m],
    ] as const
  ).map(
    ([what, text, en, ja]): Case => ({
      name: `extract with ${what}`,
      project: async () => {
        const root = await validProject();
        writeFileSync(join(root, 'source/b.md'), text());
        return root;
      },
      args: ['extract'],
      code: 2,
      message: { en, ja },
    }),
  ),
  {
    name: 'a source file named with .. that leads outside the source folder',
    project: async () => {
      const root = await validProject();
      writeFileSync(join(root, 'outside.md'), '# 外\n');
      return root;
    },
    args: ['extract', 'source/../outside.md'],
    code: 2,
    message: { en: /^outside\.md: article is outside the source folder source/m, ja: /^outside\.md: 記事が原稿フォルダ source の外にあります/m },
  },
  {
    name: 'extract while another run holds the project lock',
    project: async () => {
      const root = await validProject();
      writeFileSync(join(root, 'source/a.md'), `${article}\n新しい段落です。\n`);
      // The test runner's own parent process: alive on this host for the whole test.
      write(root, '.yakugo.lock', `${JSON.stringify({ pid: process.ppid, host: hostname(), command: 'translate', since: '2026-11-29T08:00:00.000Z' })}\n`);
      return root;
    },
    args: ['extract'],
    code: 2,
    message: { en: /^another yakugo run \(translate, pid \d+ on .+\) is changing this project; wait for it to finish/m, ja: /^別の yakugo \(translate、/m },
  },
  {
    name: 'sourceLanguage listed among the target languages',
    project: () => makeProject({ 'yakugo.config.yaml': 'sourceLanguage: ja\nlanguages: [ja, en]\n', 'source/a.md': article }),
    args: ['extract'],
    code: 2,
    message: {
      en: /^yakugo\.config\.yaml:2:13: the source language ja cannot also be a target language: remove it from languages/m,
      ja: /^yakugo\.config\.yaml:2:13: 原文の言語 ja は翻訳先の言語にできません/m,
    },
  },
  {
    name: 'a YAML alias bomb in the config',
    project: () => makeProject({ 'yakugo.config.yaml': `${aliasBomb}\nlanguages: [en]\n`, 'source/a.md': article }),
    args: ['check'],
    code: 2,
    message: { en: /^yakugo\.config\.yaml:1:1: invalid YAML: Excessive alias count/m, ja: /^yakugo\.config\.yaml:1:1: YAML として読めません/m },
  },
  {
    name: 'a YAML alias bomb in the glossary',
    project: () => validProject({ 'glossary/bomb.yaml': `${aliasBomb}\n` }),
    args: ['check'],
    code: 2,
    message: { en: /^glossary\/bomb\.yaml:1:5: anchors \(&name\) are not supported/m, ja: /^glossary\/bomb\.yaml:1:5: 用語集ファイルではアンカー/m },
  },
  ...(
    [
      [['check', '--rule', 'term/nope'], /^unknown rule "term\/nope" \(rules: /m, /^不明なルール "term\/nope"\(ルール: /m],
      [['check', '--lang', 'fr'], /^unknown language "fr" \(configured: ja, en\)$/m, /^不明な言語 "fr"\(設定されている言語: ja, en\)$/m],
      [['status', '--article', 'missing'], /^unknown article "missing" \(articles: source\/a\.md\)$/m, /^不明な記事 "missing"\(記事: source\/a\.md\)$/m],
    ] as const
  ).map(
    ([args, en, ja]): Case => ({ name: `yakugo ${args.join(' ')}`, project: () => validProject(), args: [...args], code: 2, message: { en, ja } }),
  ),
  {
    name: 'glossary suggest --limit -1',
    project: () => validProject(),
    args: ['glossary', 'suggest', '--limit', '-1'],
    code: 2,
    message: { en: /^--limit must be a positive whole number or 0, got "-1"$/m, ja: /^--limit には 0 以上の整数を指定してください\("-1"\)$/m },
  },
  {
    name: 'a translation with 3,000 asterisks around a word',
    project: async () => {
      const root = await validProject();
      const catalog = readJson(root, 'locales/en/a.json');
      const keys = Object.keys(catalog);
      write(root, 'locales/en/a.json', formatCatalog(keys.map((key, index) => [key, index === 2 ? `${'*'.repeat(3_000)}word${'*'.repeat(3_000)}` : 'Text'])));
      return root;
    },
    // One bad edition is a problem found (exit 1): build goes on with the others.
    args: ['build'],
    code: 1,
    message: {
      en: /^locales\/en\/a\.json:4:\d+: en edition of source\/a\.md not built: paragraph\.[0-9a-f]{8}: a run of 3000 "\*" characters/m,
      ja: /^locales\/en\/a\.json:4:\d+: source\/a\.md の en 版を作れませんでした: paragraph\.[0-9a-f]{8}: "\*" が 3000 個/m,
    },
  },
  {
    name: 'a catalog that is not JSON',
    project: async () => {
      const root = await validProject();
      writeFileSync(join(root, 'locales/en/a.json'), '{ "meta.title": "Title", }\n');
      return root;
    },
    args: ['build'],
    code: 1,
    message: { en: /^locales\/en\/a\.json:1:\d+: en edition of source\/a\.md not built: invalid JSON/m, ja: /^locales\/en\/a\.json:1:\d+: source\/a\.md の en 版を作れませんでした: JSON として読めません/m },
  },
  {
    name: 'a catalog with a value that is not a string',
    project: async () => {
      const root = await validProject();
      writeFileSync(join(root, 'locales/en/a.json'), '{\n  "meta.title": { "one": "Title" }\n}\n');
      return root;
    },
    // check reports it as a problem at the entry (edition/unbuildable) and goes on.
    args: ['check'],
    code: 1,
    message: { en: /^ {2}2:17 .*the value of "meta\.title" must be a string, not an object .*edition\/unbuildable$/m, ja: /^ {2}2:17 .*"meta\.title" の値は文字列でなければなりません.*edition\/unbuildable$/m },
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
        expect(result.output).toMatch(testCase.message[lang]);
        expect(result.output).not.toMatch(stackTrace);
        expect(result.code).toBe(testCase.code);
        const after = snapshot(root);
        for (const file of testCase.changes ?? []) {
          expect(after[file], file).not.toBe(before[file]);
          after[file] = before[file]!;
        }
        expect(after).toEqual(before);
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

describe('robustness: a reader that closes the pipe early (yakugo … | head -1)', () => {
  const printing = [
    ['check'],
    ['check', '--format', 'json'],
    ['check', '--format', 'github'],
    ['check', '--format', 'sarif'],
    ['status'],
    ['status', '--format', 'json'],
    ['glossary', 'list'],
    ['glossary', 'list', '--format', 'json'],
    ['glossary', 'export'],
    ['glossary', 'export', '--format', 'csv'],
    ['glossary', 'find', 'source/deepseek-shock.md'],
    ['glossary', 'lint'],
    ['glossary', 'suggest'],
    ['extract'],
    ['build'],
    ['fix', '--dry-run'],
    ['translate', '--dry-run'],
    ['review', 'accept', '--dry-run'],
    ['--help'],
  ];
  it.each(printing.map((args) => [args.join(' '), args] as const))('yakugo %s | … ends quietly with exit 0 and changes nothing', async (_name, args) => {
    const root = copyRepository();
    // build records its manifest with a fingerprint of the running code, which differs between this
    // transpiled copy and the one that wrote the committed manifest; that record is not output.
    const files = () => Object.fromEntries(Object.entries(snapshot(root)).filter(([file]) => file !== 'out/.yakugo-build.json'));
    const before = files();
    const child = startCli(['--root', root, ...args], { cwd: root });
    // The reader is gone before the first byte: every write to stdout meets EPIPE.
    child.stdout?.destroy();
    const result = await finished(child);
    expect(result.stderr).not.toMatch(stackTrace);
    expect(result.stderr).not.toMatch(/EPIPE/);
    expect(result.code).toBe(0);
    expect(files()).toEqual(before);
  });
});

describe('robustness: --debug', () => {
  it('shows where an error happened, which is hidden otherwise', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article, locales: 'not a folder\n' });
    const quiet = await runCli(['--root', root, 'extract']);
    expect(quiet.stderr).not.toMatch(stackTrace);
    const debug = await runCli(['--root', root, '--debug', 'extract']);
    expect(debug.code).toBe(2);
    expect(debug.stderr.split('\n')[0]).toBe(quiet.stderr.trimEnd());
    expect(debug.stderr).toMatch(stackTrace);
  });
});

describe('robustness: a folder that is really read-only', () => {
  // Root may write anywhere, so this runs only as an ordinary user (the injected EACCES cases run always).
  it.skipIf(process.getuid?.() === 0)('extract stops before writing anything, naming the folder', async () => {
    const root = await validProject({ 'yakugo.config.yaml': 'sourceLanguage: ja\nlanguages: [en, zh-Hans]\n' });
    writeFileSync(join(root, 'source/a.md'), `${article}\n新しい段落です。\n`);
    const before = snapshot(root);
    chmodSync(join(root, 'locales/zh-Hans'), 0o555);
    try {
      const result = await runCli(['--root', root, 'extract']);
      expect(result.stderr).toMatch(/^locales\/zh-Hans: permission denied/m);
      expect(result.code).toBe(2);
    } finally {
      chmodSync(join(root, 'locales/zh-Hans'), 0o755);
    }
    expect(snapshot(root)).toEqual(before);
  });
});

describe('robustness: people and processes at the same time', () => {
  const paragraphs = ['DeepSeek は新しいモデルを発表した。', '蒸留は小さなモデルを作る技術です。', 'この段落は後で消えます。'];

  /** Forty translated articles with pending source edits (a carry, a stale mark and an orphan each). */
  function busyProject(): string {
    const files: Record<string, string> = { 'yakugo.config.yaml': config };
    const name = (i: number) => `a${String(i).padStart(2, '0')}`;
    for (let i = 0; i < 40; i++) files[`source/${name(i)}.md`] = `---\ntitle: 題 ${i}\n---\n\n${paragraphs.map((text) => `${text}(${i})`).join('\n\n')}\n`;
    const root = makeProject(files);
    extract({ root });
    for (let i = 0; i < 40; i++) {
      const en = readJson(root, `locales/en/${name(i)}.json`);
      write(root, `locales/en/${name(i)}.json`, formatCatalog(Object.keys(en).map((key, index) => [key, `English ${i}.${index}.`])));
      const source = `source/${name(i)}.md`;
      write(root, source, read(root, source).replace('発表した', '正式に発表した').replace(`題 ${i}`, `新しい題 ${i}`).replace(`${paragraphs[2]}(${i})\n\n`, ''));
    }
    return root;
  }

  function copyOf(root: string): string {
    const copy = makeProject({});
    for (const folder of ['source', 'locales']) cpSync(join(root, folder), join(copy, folder), { recursive: true });
    cpSync(join(root, 'yakugo.config.yaml'), join(copy, 'yakugo.config.yaml'));
    return copy;
  }

  const locales = (root: string) => Object.fromEntries(Object.entries(snapshot(root)).filter(([file]) => file.startsWith('locales')));

  it('two extracts at once: one is refused with exit 2 and a message, or waits; nothing is lost', async () => {
    const start = busyProject();
    const reference = copyOf(start);
    extract({ root: reference });
    const root = copyOf(start);
    const runs = await Promise.all([finished(startCli(['--root', root, 'extract'])), finished(startCli(['--root', root, 'extract']))]);
    for (const run of runs) {
      expect(run.stderr).not.toMatch(stackTrace);
      if (run.code !== 0) {
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/another yakugo run \(extract, pid \d+/);
      }
    }
    expect(runs.some((run) => run.code === 0)).toBe(true);
    expect(locales(root)).toEqual(locales(reference));
  });

  it('a translator saves a catalog while extract runs: the save is kept and merged', () => {
    const root = busyProject();
    const saved = 'locales/en/a39.json';
    let edited: Record<string, string> | undefined;
    extract({
      root,
      onWrite: () => {
        if (edited) return;
        // The translator saves the last catalog extract will write, after extract read it.
        const catalog = readJson(root, saved);
        const key = Object.keys(catalog)[1]!;
        edited = { ...catalog, [key]: 'Saved by a person during extract.' };
        writeFileSync(join(root, saved), formatCatalog(Object.entries(edited)));
      },
    });
    expect(edited).toBeDefined();
    expect(Object.values(readJson(root, saved))).toContain('Saved by a person during extract.');
  });

  it.each([
    ['SIGKILL', 150],
    ['SIGKILL', 400],
    ['SIGINT', 150],
    ['SIGINT', 400],
  ] as const)('%s after %d ms, then a new run: exactly the result of one uninterrupted run, no stack trace', async (signal, delay) => {
    const start = busyProject();
    const reference = copyOf(start);
    extract({ root: reference });
    const root = copyOf(start);
    const child = startCli(['--root', root, 'extract']);
    const done = finished(child);
    setTimeout(() => child.kill(signal), delay);
    const stopped = await done;
    expect(stopped.stderr).not.toMatch(stackTrace);
    const rerun = await finished(startCli(['--root', root, 'extract']));
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).not.toMatch(stackTrace);
    expect(locales(root)).toEqual(locales(reference));
    expect(Object.keys(snapshot(root)).filter((file) => /yakugo-(tmp|journal)/.test(file))).toEqual([]);
  });
});

describe('robustness: the limits leave real articles alone', () => {
  it('lists nested 10 deep, and a long asterisk run inside fenced code, are extracted and built', async () => {
    const nested = Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- 項目 ${i}\n`).join('');
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': `${nested}\n\`\`\`text\n${'*'.repeat(200)}\n\`\`\`\n\n> > > 引用です。\n` });
    expect((await runCli(['--root', root, 'extract'])).code).toBe(0);
    expect(Object.keys(readJson(root, 'locales/ja/a.json'))).toHaveLength(11);
    expect((await runCli(['--root', root, 'build'])).code).toBe(0);
  });

  it('a project may raise a limit in its config', async () => {
    const root = makeProject({ 'yakugo.config.yaml': `${config}limits: { delimiterRun: 300 }\n`, 'source/a.md': `${'*'.repeat(100)}強調${'*'.repeat(100)}\n` });
    expect((await runCli(['--root', root, 'extract'])).code).toBe(0);
  });
});

describe('robustness: unusual but valid input works, and stays as written', () => {
  it.each([
    ['a name with spaces', 'source/my article.md', 'my article'],
    ['a Japanese name', 'source/記事/はじめに.md', '記事/はじめに'],
    ['dots in a name', 'source/v1..2.md', 'v1..2'],
  ])('%s: extract and build use it as the article id', async (_what, file, id) => {
    const root = makeProject({ 'yakugo.config.yaml': config, [file]: '# 見出し\n\n本文です。\n' });
    expect((await runCli(['--root', root, 'extract'])).code).toBe(0);
    expect(Object.values(readJson(root, `locales/ja/${id}.json`))).toEqual(['見出し', '本文です。']);
    expect((await runCli(['--root', root, 'build'])).code).toBe(0);
    expect(read(root, `out/ja/${id}.md`)).toBe('# 見出し\n\n本文です。\n');
  });

  it('an empty article gives empty catalogs and an empty edition', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/empty.md': '' });
    expect((await runCli(['--root', root, 'extract'])).code).toBe(0);
    expect(readJson(root, 'locales/en/empty.json')).toEqual({});
    expect((await runCli(['--root', root, 'build'])).code).toBe(0);
    const check = await runCli(['--root', root, 'check']);
    expect(check.code).toBe(0);
    expect(check.stderr).not.toMatch(stackTrace);
  });

  it('{{x}} and $t(x) in the text are neither interpolated nor nested', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': '本文の{{name}}と$t(key)です。\n' });
    expect((await runCli(['--root', root, 'extract'])).code).toBe(0);
    const [key] = Object.keys(readJson(root, 'locales/en/a.json'));
    write(root, 'locales/en/a.json', formatCatalog([[key!, 'Text with {{name}} and $t(key).']]));
    expect((await runCli(['--root', root, 'build'])).code).toBe(0);
    expect(read(root, 'out/ja/a.md')).toBe('本文の{{name}}と$t(key)です。\n');
    expect(read(root, 'out/en/a.md')).toBe('Text with {{name}} and $t(key).\n');
  });
});
