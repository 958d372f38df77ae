import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, } from 'vitest';
import { build } from '../src/build/build.js';
import { runCli } from './helpers/cli.js';
import { makeProject, read, repositoryRoot, write } from './helpers/project.js';

const SOURCE = `---
title: 蒸留の基礎
---

# 蒸留とは

**蒸留**は大きなモデルの知識を小さなモデルに移す技術です。詳しくは[論文](https://arxiv.org/abs/1503.02531)を参照。
`;

const GLOSSARY = `concepts:
  - id: distillation
    ja: 蒸留
    en: distillation
    forms: { en: [Distillation] }
    zh-Hans: 蒸馏
  - id: model
    ja: モデル
    en: model
    forms: { en: [models] }
    zh-Hans: 模型
`;

const EN = {
  'meta.title': 'Distillation basics',
  'heading.': 'What is distillation?',
  'paragraph.': '**Distillation** moves the knowledge of a large model into a small one. See [the paper](https://arxiv.org/abs/1503.02531) for details.',
};
const ZH = {
  'meta.title': '蒸馏基础',
  'heading.': '什么是蒸馏',
  'paragraph.': '**蒸馏**是把大模型的知识迁移到小模型的技术。详见[论文](https://arxiv.org/abs/1503.02531)。',
};

/** A project whose catalogs use the real keys of SOURCE (looked up by prefix), built with `build`. */
async function cleanProject(overrides: { en?: Record<string, string>; zh?: Record<string, string>; config?: string } = {}): Promise<string> {
  const root = makeProject({
    'yakugo.config.yaml': overrides.config ?? 'languages: [en, zh-Hans]\nrequired: [en]\n',
    'source/basics.md': SOURCE,
    'glossary/ai.yaml': GLOSSARY,
  });
  const { extract } = await import('../src/catalog/extract.js');
  extract({ root });
  for (const [lng, values] of [
    ['en', { ...EN, ...overrides.en }],
    ['zh-Hans', { ...ZH, ...overrides.zh }],
  ] as const) {
    const file = `locales/${lng}/basics.json`;
    const catalog = JSON.parse(read(root, file)) as Record<string, string>;
    for (const key of Object.keys(catalog)) {
      const prefix = Object.keys(values).find((candidate) => key.startsWith(candidate));
      if (prefix !== undefined) catalog[key] = values[prefix as keyof typeof values]!;
    }
    write(root, file, `${JSON.stringify(catalog, null, 2)}\n`);
  }
  try {
    build({ root });
  } catch {
    // Some tests break a required language on purpose; its edition is then simply not written.
  }
  return root;
}

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const ajv = new Ajv({ strict: false, unicodeRegExp: false });
addFormats(ajv);
const validSarif = ajv.compile(JSON.parse(readFileSync(join(repositoryRoot, 'test/fixtures/check/sarif-schema-2.1.0.json'), 'utf8')));

let stdout = '';
let stderr = '';

/** Runs the CLI; what it printed is left in `stdout` and `stderr`. */
async function yakugo(...args: string[]): Promise<number> {
  const result = await runCli(args);
  ({ stdout, stderr } = result);
  return result.code;
}

describe('yakugo check', () => {
  it('exits 0 and prints no problems on a clean project', async () => {
    const root = await cleanProject();
    expect(await yakugo('--root', root, 'check')).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('no problems');
    expect(await yakugo('--root', root, 'check', '--format', 'json')).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ version: 1, summary: { errors: 0, warnings: 0, files: 0 }, problems: [] });
  });

  it('exits 1 on an error and reports it in every format', async () => {
    const root = await cleanProject({ en: { 'paragraph.': 'This moves the knowledge of a large model into a small one. See [the paper](https://arxiv.org/abs/1503.02531).' } });
    expect(await yakugo('--root', root, 'check', '--rule', 'term/untranslated')).toBe(1);
    expect(stdout).toMatch(/^locales\/en\/basics\.json\n {2}4:25 {2}error {4}“蒸留” is not translated as “distillation” in locales\/en\/basics\.json:4:25 \(source: source\/basics\.md:7:3\) {2}term\/untranslated\n/);
    expect(await yakugo('--root', root, 'check', '--rule', 'term/untranslated', '--format', 'github')).toBe(1);
    expect(stdout).toBe(
      '::error file=locales/en/basics.json,line=4,col=25,title=term/untranslated (en)::“蒸留” is not translated as “distillation” in locales/en/basics.json:4:25 (source: source/basics.md:7:3)\n',
    );
    expect(await yakugo('--root', root, 'check', '--rule', 'term/untranslated', '--format', 'sarif')).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(validSarif(sarif)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['term/untranslated']);
  });

  it('warnings alone exit 0, unless there are more than --max-warnings', async () => {
    const root = await cleanProject({ zh: { 'heading.': '' } });
    expect(await yakugo('--root', root, 'check', '--rule', 'segment/missing')).toBe(0);
    expect(stdout).toContain('warning  Empty zh-Hans translation of “蒸留とは”');
    expect(await yakugo('--root', root, 'check', '--rule', 'segment/missing', '--max-warnings', '1')).toBe(0);
    expect(await yakugo('--root', root, 'check', '--rule', 'segment/missing', '--max-warnings', '0')).toBe(1);
    expect(stderr).toContain('1 warning(s) exceed --max-warnings 0');
  });

  it('takes severities from the config, per rule and per language', async () => {
    const root = await cleanProject({ zh: { 'heading.': '' } });
    write(root, 'yakugo.config.yaml', 'languages: [en, zh-Hans]\nrequired: [en]\nrules:\n  segment/missing: { zh-Hans: error }\n');
    expect(await yakugo('--root', root, 'check', '--format', 'json')).toBe(1);
    expect(JSON.parse(stdout).problems.map((problem: { rule: string; severity: string; lng: string }) => `${problem.rule} ${problem.lng} ${problem.severity}`)).toEqual([
      'segment/missing zh-Hans error',
    ]);
    write(root, 'yakugo.config.yaml', 'languages: [en, zh-Hans]\nrequired: [en]\nrules:\n  segment/missing: off\n');
    expect(await yakugo('--root', root, 'check', '--rule', 'segment/missing', '--format', 'json')).toBe(0);
    expect(JSON.parse(stdout).problems).toEqual([]);
  });

  it('--lang, --article and --rule narrow the run', async () => {
    const root = await cleanProject({ en: { 'heading.': '' }, zh: { 'heading.': '' } });
    write(root, 'source/other.md', '# 別の記事\n');
    const rulesAndLanguages = async (...args: string[]) => {
      await yakugo('--root', root, 'check', '--format', 'json', ...args);
      return (JSON.parse(stdout).problems as Array<{ rule: string; lng: string; file: string }>).map((problem) => `${problem.rule} ${problem.lng} ${problem.file}`);
    };
    expect(await rulesAndLanguages('--rule', 'segment/missing', '--lang', 'zh-Hans', '--article', 'basics')).toEqual([
      'segment/missing zh-Hans locales/zh-Hans/basics.json',
    ]);
    expect(await rulesAndLanguages('--rule', 'segment/missing', '--lang', 'en,zh-Hans', '--article', 'source/other.md')).toEqual([
      'segment/missing en locales/en/other.json',
      'segment/missing zh-Hans locales/zh-Hans/other.json',
    ]);
  });

  it('bad input exits 2 and names the problem', async () => {
    const root = await cleanProject();
    expect(await yakugo('--root', root, 'check', '--format', 'xml')).toBe(2);
    expect(stderr).toContain('unknown format "xml"');
    expect(await yakugo('--root', root, 'check', '--lang', 'fr')).toBe(2);
    expect(stderr).toContain('unknown language "fr"');
    expect(await yakugo('--root', root, 'check', '--rule', 'term/nope')).toBe(2);
    expect(stderr).toContain('unknown rule "term/nope"');
    expect(await yakugo('--root', root, 'check', '--article', 'missing')).toBe(2);
    expect(stderr).toContain('unknown article "missing"');
    expect(await yakugo('--root', root, 'check', '--max-warnings', 'many')).toBe(2);
    write(root, 'yakugo.config.yaml', 'languages: [en, zh-Hans]\nrules:\n  term/untranslted: error\n');
    expect(await yakugo('--root', root, 'check')).toBe(2);
    expect(stderr).toContain('yakugo.config.yaml:3:3: unknown rule "term/untranslted" in rules');
  });

  it('an unreadable catalog is a problem of its article (edition/unbuildable, exit 1); the others are still checked', async () => {
    const root = await cleanProject();
    write(root, 'locales/en/basics.json', '{ "meta.title": 3 }\n');
    expect(await yakugo('--root', root, 'check', '--format', 'json')).toBe(1);
    const { problems } = JSON.parse(stdout) as { problems: Array<{ rule: string; file: string; line: number; column: number; message: string }> };
    expect(problems.map((problem) => `${problem.rule} ${problem.file}:${problem.line}:${problem.column}`)).toEqual(['edition/unbuildable locales/en/basics.json:1:17']);
    expect(problems[0]?.message).toContain('must be a string');
  });

  it('speaks Japanese under a Japanese locale', async () => {
    const root = await cleanProject({ zh: { 'heading.': '' } });
    ({ stdout } = await runCli(['--root', root, 'check', '--rule', 'segment/missing'], { lang: 'ja_JP.UTF-8' }));
    // Severities are padded to the widest label (エラー), counting Japanese as two columns.
    expect(stdout).toContain('  3:23  警告    「蒸留とは」の zh-Hans 訳が空です(source/basics.md:5:3)');
    expect(stdout).toContain('問題 1 件(エラー 0 件、警告 1 件)');
  });
});

describe('yakugo status', () => {
  it('shows coverage per language and article, and as JSON', async () => {
    const root = await cleanProject({ zh: { 'heading.': '' } });
    expect(await yakugo('--root', root, 'status')).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'Language       Article  Segments  Translated  Missing  Stale  Drafts  Reviewed  Percent  Term problems',
      'en (required)  basics          3           3        0      0       0         3     100%              0',
      'zh-Hans        basics          3           2        1      0       0         2    66.6%              0',
      '',
    ]);
    expect(await yakugo('--root', root, 'status', '--format', 'json')).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.languages[1]).toEqual({
      lng: 'zh-Hans',
      required: false,
      threshold: null,
      segments: 3,
      translated: 2,
      missing: 1,
      stale: 0,
      drafts: 0,
      reviewed: 2,
      percent: 66.6,
      termProblems: 0,
      articles: [
        {
          article: 'basics',
          catalog: 'locales/zh-Hans/basics.json',
          segments: 3,
          translated: 2,
          missing: 1,
          stale: 0,
          drafts: 0,
          reviewed: 2,
          percent: 66.6,
          termProblems: 0,
          built: true,
        },
      ],
    });
  });

  it('marks an optional language below its threshold as not built', async () => {
    const root = await cleanProject({ zh: { 'heading.': '' }, config: 'languages: [en, zh-Hans]\nrequired: [en]\nthreshold: { zh-Hans: 80 }\n' });
    await yakugo('--root', root, 'status', '--format', 'json');
    expect(JSON.parse(stdout).languages[1].articles[0]).toMatchObject({ percent: 66.6, built: false });
    await yakugo('--root', root, 'status');
    expect(stderr).toContain('zh-Hans basics: below the threshold of 80%, not built');
  });
});

describe('the shipped articles', () => {
  it('pass yakugo check with zero errors and zero warnings', async () => {
    expect(await yakugo('--root', repositoryRoot, 'check', '--format', 'json')).toBe(0);
    expect(JSON.parse(stdout).problems).toEqual([]);
  });

  it('are fully translated in every language', async () => {
    await yakugo('--root', repositoryRoot, 'status', '--format', 'json');
    for (const language of JSON.parse(stdout).languages) {
      expect(language).toMatchObject({ percent: 100, missing: 0, stale: 0, drafts: 0, termProblems: 0 });
      expect(language.reviewed).toBe(language.segments);
    }
  });
});
