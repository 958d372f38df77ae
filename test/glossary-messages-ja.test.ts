import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseInterchange } from '../src/glossary/interchange/index.js';
import { loadGlossary } from '../src/glossary/load.js';
import { resetMessages } from '../src/util/i18n.js';
import { runCli } from './helpers/cli.js';
import { makeProject, write } from './helpers/project.js';
import { errorOf } from './helpers/errors.js';

/**
 * The glossary loader and the interchange parsers speak the UI language: an editor with a Japanese locale
 * reads every error about a glossary or an imported file in Japanese, at the same file:line:column.
 */

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/maintain/${name}`, import.meta.url));

const options = { sourceLanguage: 'ja', languages: ['en', 'zh-Hans'] };

describe('under a Japanese locale (library calls)', () => {
  const saved = { LC_ALL: process.env['LC_ALL'], LC_MESSAGES: process.env['LC_MESSAGES'] };
  beforeEach(() => {
    process.env['LC_ALL'] = 'ja_JP.UTF-8';
    delete process.env['LC_MESSAGES'];
    resetMessages();
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetMessages();
  });

  it('a duplicate concept id names both places', async () => {
    const root = makeProject({
      'glossary/a.yaml': 'concepts:\n  - id: ai\n    ja: 人工知能\n',
      'glossary/b.yaml': 'concepts:\n  - id: ai\n    ja: AI\n',
    });
    expect(await errorOf(() => loadGlossary('glossary', { root }))).toBe('glossary/b.yaml:2:5: 重複した概念 ID "ai"(最初は glossary/a.yaml:2:5)');
  });

  it('an unknown field of a concept, and a field of the wrong type', async () => {
    const unknown = makeProject({ 'glossary/terms.yaml': 'concepts:\n  - id: ai\n    ja: 人工知能\n    defintion: typo\n' });
    expect(await errorOf(() => loadGlossary('glossary', { root: unknown }))).toBe('glossary/terms.yaml:4:5: 概念に不明なフィールド "defintion"');
    const number = makeProject({ 'glossary/terms.yaml': 'concepts:\n  - id: ai\n    ja: 人工知能\n    domain: 12\n' });
    expect(await errorOf(() => loadGlossary('glossary', { root: number }))).toBe(
      'glossary/terms.yaml:4:13: domain の値は文字列でなければなりません。数値 12 になっています(文字列にするには "12" と引用符で囲んでください)',
    );
  });

  it('an example that does not match, at the line of the example', async () => {
    const root = makeProject({
      'glossary/terms.yaml': 'concepts:\n  - id: distillation\n    ja: 蒸留\n    examples:\n      match: [知識の圧縮を行う]\n',
    });
    expect(await errorOf(() => loadGlossary('glossary', { root }))).toBe('glossary/terms.yaml:5:15: 概念 "distillation" の例文に用語が見つかりません: 知識の圧縮を行う');
  });

  it('a CSV header with an unknown column', async () => {
    expect(await errorOf(() => parseInterchange('ja,english\n蒸留,distillation\n', 'csv', 'terms.csv', options))).toBe(
      'terms.csv:1:4: 不明な列 "english": 言語コード(en、zh-Hans など)か id、status、domain、definition、note、description、pos のどれかでなければなりません',
    );
  });

  it('a prh import that cannot follow its imports says so in Japanese', () => {
    const prh = 'version: 1\nimports:\n  - ./other.yml\nrules:\n  - expected: 行う\n    pattern: /行(な)う/\n';
    const { notes } = parseInterchange(prh, 'prh', 'prh.yml', options);
    expect(notes).toEqual([{ file: 'prh.yml', line: 3, column: 5, message: 'imports: の ./other.yml は取り込んでいません: imports はディスク上のファイルからしかたどれません' }]);
  });
});

describe('yakugo glossary import with LANG=ja_JP.UTF-8', () => {
  const config = 'languages: [en, zh-Hans]\n';
  const existing = 'concepts:\n  - id: distillation\n    ja: 蒸留\n    en: distillation\n    zh-Hans: 蒸馏\n';

  it('a malformed TBX file fails in Japanese at the parser’s place (exit 2)', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'glossary/ai.yaml': existing });
    const broken = await runCli(['--root', root, 'glossary', 'import', fixture('broken.tbx')], { lang: 'ja_JP.UTF-8' });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.tbx:12:26: XML として読めません: Opening and ending tag mismatch: "term" != "termSec"\n$/);
    const entities = await runCli(['--root', root, 'glossary', 'import', fixture('entities.tbx')], { lang: 'ja_JP.UTF-8' });
    expect(entities.stderr).toMatch(/entities\.tbx:2:1: 実体を宣言している DOCTYPE は受け付けません\n$/);
  });

  it('a CSV without the source-language column, and a conflict with the glossary', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'glossary/ai.yaml': existing });
    write(root, 'no-source.csv', 'en,zh-Hans\ninference,推理\n');
    const noSource = await runCli(['--root', root, 'glossary', 'import', join(root, 'no-source.csv')], { lang: 'ja_JP.UTF-8' });
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toBe(`${join(root, 'no-source.csv')}:1:1: "ja" の列がありません。見出し行には原文の言語の列が必要です\n`);

    write(root, 'terms.csv', 'ja,en,zh-Hans\n推論,inference,推理\n蒸留,distilling,蒸馏\n');
    const conflict = await runCli(['--root', root, 'glossary', 'import', join(root, 'terms.csv')], { lang: 'ja_JP.UTF-8' });
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain(`${join(root, 'terms.csv')}:3:1: 衝突: distilling: 用語 ja "蒸留" は概念 "distillation" のものです\n`);
  });

  it('prh notes are printed in Japanese, and the same run in English keeps the English text', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'prh.yml': 'version: 1\nimports: [./missing.yml]\nrules:\n  - expected: 行う\n    pattern: 行なう\n' });
    const ja = await runCli(['--root', root, 'glossary', 'import', join(root, 'prh.yml'), '--dry-run'], { lang: 'ja_JP.UTF-8' });
    expect(ja.code).toBe(0);
    expect(ja.stderr).toMatch(/prh\.yml:2:11: imports: の \.\/missing\.yml は取り込んでいません: no such file: .*missing\.yml/);
    const en = await runCli(['--root', root, 'glossary', 'import', join(root, 'prh.yml'), '--dry-run']);
    expect(en.stderr).toMatch(/prh\.yml:2:11: imports: \.\/missing\.yml is not imported: no such file: .*missing\.yml/);
  });
});
