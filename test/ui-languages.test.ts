import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../src/cli/main.js';
import fc from 'fast-check';
import i18next from 'i18next';
import { fillPlaceholders, messageTables } from '../src/util/i18n.js';
import { runCli } from './helpers/cli.js';
import { makeProject, repositoryRoot } from './helpers/project.js';

/**
 * The Japanese UI is complete: every message key exists in both languages with the same placeholders, every
 * Japanese message is Japanese, and every command's --help (commander's own words included) has no English
 * left under a Japanese locale.
 */

/** Every module under src/, so each has registered its message table. */
async function loadEveryModule(): Promise<void> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.ts')) files.push(join(dir, entry.name));
    }
  };
  walk(join(repositoryRoot, 'src'));
  for (const file of files) await import(/* @vite-ignore */ `../${relative(repositoryRoot, file)}`);
}

/** Words that are names, formats or syntax in both languages. */
const NAMES = new Set(
  'OpenAI Anthropic DeepL CAT missing stale all-machine git tarball file help languages sourceLanguage frontMatter required threshold limits paths DeepSeek NVIDIA unified diff distillation yakugo YAML JSON JSONL CSV TSV TBX TBX-Basic SARIF GitHub Actions Markdown XLIFF kuromoji i18next TermExtract FLR prh CI ID IDs URL DIR FILE LANGS FORMAT TEXT DOMAIN TERM ja en zh-Hans fr de stylish json github sarif table yaml csv tsv tbx md mdx out source locales glossary v3 utf-8 UTF-8 UTF-16 BOM pid NUL null ulimit AI'.split(
    ' ',
  ),
);

/** Latin words left in `text` once flags, placeholders, paths, quoted values and names are taken out. */
function englishLeft(text: string): string[] {
  const stripped = text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"|“[^”]*”|'[^']*'/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
    .replace(/(^|\s)--?[\w-]+/g, ' ')
    .replace(/[\w.-]*[/.][\w./*<>-]+/g, ' ')
    .replace(/\$t\([^)]*\)/g, ' ');
  return (stripped.match(/[A-Za-z][A-Za-z-]+/g) ?? []).filter((word) => !NAMES.has(word));
}

/** Command and argument names are typed as they are, in every language. */
function addCommandNames(command: Command): void {
  NAMES.add(command.name());
  for (const argument of command.registeredArguments) NAMES.add(argument.name());
  for (const sub of command.commands) addCommandNames(sub);
}

function commandPaths(command: Command, path: string[] = []): string[][] {
  return [path, ...command.commands.flatMap((sub) => commandPaths(sub, [...path, sub.name()]))];
}

describe('UI languages', () => {
  beforeAll(loadEveryModule);

  it('every message key exists in English and Japanese, non-empty, with the same placeholders', () => {
    const problems: string[] = [];
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const [namespace, table] of messageTables()) {
      const keys = new Set([...Object.keys(table.en), ...Object.keys(table.ja)]);
      for (const key of keys) {
        const en = table.en[key];
        const ja = table.ja[key];
        if (!en || !ja) problems.push(`${namespace}:${key} missing in ${en ? 'ja' : 'en'}`);
        else if (placeholders(en).join() !== placeholders(ja).join()) problems.push(`${namespace}:${key} placeholders differ`);
      }
    }
    expect(messageTables().size).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });

  it('every Japanese message is in Japanese', () => {
    const english: string[] = [];
    for (const [namespace, table] of messageTables()) {
      for (const [key, ja] of Object.entries(table.ja)) {
        if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(ja)) continue;
        const left = englishLeft(ja);
        if (left.length > 0) english.push(`${namespace}:${key}: ${ja}`);
      }
    }
    expect(english).toEqual([]);
  });

  const program = createProgram();
  const paths = commandPaths(program);
  addCommandNames(program);

  it('every message is filled exactly as i18next fills it, for any values', () => {
    const options = { keySeparator: false as const, nsSeparator: ':', interpolation: { escapeValue: false }, initAsync: false };
    const instances = (['en', 'ja'] as const).map((lng) => {
      const resources: Record<string, Record<string, Record<string, string>>> = { [lng]: {} };
      for (const [namespace, table] of messageTables()) resources[lng]![namespace] = table[lng];
      const instance = i18next.createInstance();
      void instance.init({ ...options, lng, resources, ns: [...messageTables().keys()] });
      return [lng, instance] as const;
    });
    // Values as messages get them: names, paths, numbers, and text that itself looks like a placeholder,
    // a nesting call or a format.
    const value = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.constantFrom('{{key}}', '$t(check:x)', '{{count, number}}', 'a}}b{{', '—', '推論'));
    let filled = 0;
    for (const [lng, instance] of instances) {
      for (const [namespace, table] of messageTables()) {
        for (const [key, template] of Object.entries(table[lng])) {
          const names = [...template.matchAll(/\{\{([^}]*)\}\}/g)].map((match) => match[1]!.trim());
          fc.assert(
            fc.property(fc.array(value, { minLength: names.length, maxLength: names.length }), (drawn) => {
              const values = Object.fromEntries(names.map((name, index) => [name, drawn[index]]));
              const quick = fillPlaceholders(template, values);
              if (quick !== undefined) {
                filled++;
                expect(quick).toBe(instance.t(`${namespace}:${key}`, { replace: values }));
              }
            }),
            { numRuns: 5 },
          );
        }
      }
    }
    // The quick path is the usual one, not an exception.
    expect(filled).toBeGreaterThan(1000);
  });

  it('walks every command', () => {
    expect(paths.map((path) => path.join(' '))).toEqual(expect.arrayContaining(['', 'extract', 'check', 'glossary', 'glossary lint', 'glossary import']));
  });

  it.each(paths.map((path) => [path.join(' ') || '(yakugo)', path] as const))('%s --help has no English left under a Japanese locale', async (_name, path) => {
    const ja = await runCli([...path, '--help'], { lang: 'ja_JP.UTF-8' });
    expect(ja.code).toBe(0);
    expect(ja.stdout).toMatch(/^使い方: yakugo/);
    expect(englishLeft(ja.stdout), ja.stdout).toEqual([]);
    const en = await runCli([...path, '--help']);
    expect(en.stdout).toMatch(/^Usage: yakugo/);
  });

  it('commander errors are in Japanese too', async () => {
    const option = await runCli(['check', '--frmat', 'json'], { lang: 'ja_JP.UTF-8' });
    expect(option.code).toBe(2);
    expect(option.stderr.split('\n').slice(0, 2)).toEqual(["エラー: 不明なオプション '--frmat'", '(もしかして --format ですか?)']);
    const command = await runCli(['chek'], { lang: 'ja_JP.UTF-8' });
    expect(command.stderr).toMatch(/^エラー: 不明なコマンド 'chek'\n\(もしかして check ですか\?\)/);
    const missing = await runCli(['glossary', 'import'], { lang: 'ja_JP.UTF-8' });
    expect(missing.stderr).toMatch(/^エラー: 必須の引数 'file' がありません/);
    expect(englishLeft(missing.stderr.split('\n')[0]!)).toEqual([]);
  });
});

describe('messages that used to be English only', () => {
  it('an unknown format, an unknown configured rule and an id that cannot be derived are in Japanese under a Japanese locale', async () => {
    const root = makeProject({ 'yakugo.config.yaml': 'rules:\n  term/untranslted: warn\n', 'source/a.md': '本文です。\n' });
    const format = await runCli(['--root', root, 'check', '--format', 'xml'], { lang: 'ja_JP.UTF-8' });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('不明な出力形式 "xml"');
    const rule = await runCli(['--root', root, 'check', '--format', 'json'], { lang: 'ja_JP.UTF-8' });
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain('rules に不明なルール "term/untranslted" があります');
    const add = await runCli(['--root', root, 'glossary', 'add', '推論'], { lang: 'ja_JP.UTF-8' });
    expect(add.code).toBe(2);
    expect(add.stderr).toContain('英語の訳語がないので "推論" の ID を決められません');
  });
});
