import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, } from 'vitest';
import { loadGlossary } from '../src/glossary/load.js';
import { runCli } from './helpers/cli.js';
import { makeProject, read } from './helpers/project.js';

let stdout = '';
let stderr = '';

/** Runs the CLI; what it printed is left in `stdout` and `stderr`. */
async function yakugo(...args: string[]): Promise<number> {
  const result = await runCli(args);
  ({ stdout, stderr } = result);
  return result.code;
}

const config = 'languages: [en, zh-Hans]\nrequired: [en]\n';

/** A hand-written glossary file: comments, flow maps, quoting and a comment after the last concept. */
const glossaryText = [
  '# glossary/ai.yaml — hand-edited, keep the comments',
  'concepts:',
  '  # --- models ---',
  '  - id: language-model',
  '    ja: 言語モデル   # 言語モデル, not LM',
  "    en: 'language model'",
  '    zh-Hans: 语言模型',
  '    forms: { en: [language models] }',
  '',
  '  - id: server',
  '    longVowel: true',
  '    ja: [サーバー, { term: サーバ, status: deprecated }]',
  '    en: server',
  '    zh-Hans: 服务器',
  '# end of concepts',
  '',
].join('\n');

function project(files: Record<string, string> = {}): string {
  return makeProject({ 'yakugo.config.yaml': config, 'glossary/ai.yaml': glossaryText, 'source/a.md': '# 言語モデル\n\n言語モデルを動かす。\n', ...files });
}

/** `after` with the one inserted block removed must be `before`, byte for byte. */
function withoutInsertion(before: string, after: string): { rest: string; inserted: string } {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { rest: after.slice(0, start) + after.slice(after.length - end), inserted: after.slice(start, after.length - end) };
}

describe('yakugo glossary add', () => {
  it('appends the concept and keeps every other byte of the file', async () => {
    const root = project();
    expect(await yakugo('--root', root, 'glossary', 'add', '--en', 'distillation', '蒸留', '--zh-Hans', '蒸馏')).toBe(0);
    const after = read(root, 'glossary/ai.yaml');
    const { rest, inserted } = withoutInsertion(glossaryText, after);
    expect(rest).toBe(glossaryText);
    expect(inserted).toBe('  - id: distillation\n    ja: 蒸留\n    en: distillation\n    zh-Hans: 蒸馏\n');
    expect(stderr).toBe('added concept "distillation" to glossary/ai.yaml\n');
    const glossary = await loadGlossary(join(root, 'glossary'), { root });
    expect(glossary.concepts.map((concept) => concept.id)).toEqual(['language-model', 'server', 'distillation']);
  });

  it('keeps CRLF line endings and the BOM', async () => {
    const crlf = `\ufeff${glossaryText.replace(/\n/g, '\r\n')}`;
    const root = project({ 'glossary/ai.yaml': crlf });
    expect(await yakugo('--root', root, 'glossary', 'add', 'フィジカル AI', '--en=physical AI', '--domain', 'ai')).toBe(0);
    const after = readFileSync(join(root, 'glossary/ai.yaml'), 'utf8');
    const { rest, inserted } = withoutInsertion(crlf, after);
    expect(rest).toBe(crlf);
    expect(inserted).toBe('  - id: physical-ai\r\n    domain: ai\r\n    ja: フィジカル AI\r\n    en: physical AI\r\n');
  });

  it('refuses a Japanese term another concept has, in any variant, and changes nothing (exit 2)', async () => {
    const root = project();
    expect(await yakugo('--root', root, 'glossary', 'add', 'サーバ', '--en', 'host', '--id', 'host')).toBe(2);
    expect(stderr).toBe('not added: ja term "サーバ" is already a deprecated term "サーバ" of concept "server" (glossary/ai.yaml:10)\n');
    expect(await yakugo('--root', root, 'glossary', 'add', '言語ﾓﾃﾞﾙ', '--id', 'lm')).toBe(2);
    expect(stderr).toMatch(/already the term "言語モデル" of concept "language-model"/);
    expect(await yakugo('--root', root, 'glossary', 'add', '推論', '--en', 'server')).toBe(2);
    expect(stderr).toMatch(/^not added: id "server" is already used \(glossary\/ai\.yaml:10\)/);
    expect(read(root, 'glossary/ai.yaml')).toBe(glossaryText);
  });

  it('needs --id for a Japanese-only concept and rejects unknown languages (exit 2)', async () => {
    const root = project();
    expect(await yakugo('--root', root, 'glossary', 'add', '推論', '--zh-Hans', '推理')).toBe(2);
    expect(stderr).toMatch(/cannot derive an id for "推論" without an English term: pass --id/);
    expect(await yakugo('--root', root, 'glossary', 'add', '推論', '--fr', 'inférence', '--id', 'inference')).toBe(2);
    expect(stderr).toMatch(/unknown option or language "--fr" \(configured languages: en, zh-Hans\)/);
    expect(read(root, 'glossary/ai.yaml')).toBe(glossaryText);
  });

  it('writes a name with --no-translate and creates the file when the glossary is empty', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': 'DeepSeek の話。\n' });
    expect(await yakugo('--root', root, 'glossary', 'add', 'DeepSeek', '--no-translate')).toBe(0);
    expect(read(root, 'glossary/glossary.yaml')).toBe('concepts:\n  - id: deepseek\n    translate: false\n    ja: DeepSeek\n');
  });

  it('refuses --from-suggest without a terminal, saying what to do instead', async () => {
    const root = project();
    expect(await yakugo('--root', root, 'glossary', 'add', '--from-suggest', '5')).toBe(2);
    expect(stderr).toMatch(/--from-suggest asks about each candidate and needs a terminal; .*glossary suggest --format yaml/);
  });
});

describe('yakugo fix', () => {
  const article = [
    '---',
    'title: サーバの選び方',
    '---',
    '',
    '# サーバ入門',
    '',
    'サーバを選ぶ。`サーバ` はコードなので触らない。',
    '[サーバ](https://example.com/サーバ) のリンク先も触らない。',
    '',
    '```sh',
    'サーバ --start',
    '```',
    '',
  ].join('\r\n');

  it('rewrites deprecated variants in prose only, keeping CRLF, the BOM and every other byte', async () => {
    const root = project({ 'source/a.md': `\ufeff${article}` });
    expect(await yakugo('--root', root, 'fix')).toBe(0);
    const after = readFileSync(join(root, 'source/a.md'), 'utf8');
    const expected = `\ufeff${article}`
      .replace('title: サーバの', 'title: サーバーの')
      .replace('# サーバ入門', '# サーバー入門')
      .replace('サーバを選ぶ', 'サーバーを選ぶ')
      .replace('[サーバ](', '[サーバー](');
    expect(after).toBe(expected);
    expect(stdout).toBe(
      [
        'source/a.md:2:8: サーバ → サーバー (server)',
        'source/a.md:5:3: サーバ → サーバー (server)',
        'source/a.md:7:1: サーバ → サーバー (server)',
        'source/a.md:8:2: サーバ → サーバー (server)',
        '',
      ].join('\n'),
    );
    // Nothing left to fix: a second run changes nothing.
    expect(await yakugo('--root', root, 'fix')).toBe(0);
    expect(readFileSync(join(root, 'source/a.md'), 'utf8')).toBe(expected);
    expect(stderr).toBe('0 variant(s) rewritten in 0 file(s)\n');
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const root = project({ 'source/a.md': 'はじめに。\n\nサーバを選ぶ。\n\nおわり。\n' });
    expect(await yakugo('--root', root, 'fix', '--dry-run')).toBe(0);
    expect(stdout).toBe(['--- a/source/a.md', '+++ b/source/a.md', '@@ -1,5 +1,5 @@', ' はじめに。', ' ', '-サーバを選ぶ。', '+サーバーを選ぶ。', ' ', ' おわり。', ''].join('\n'));
    expect(read(root, 'source/a.md')).toBe('はじめに。\n\nサーバを選ぶ。\n\nおわり。\n');
  });

  it('keeps the conjugation of an inflected deprecated verb', async () => {
    const glossary = 'concepts:\n  - id: do\n    ja: [行う, { term: 行なう, status: deprecated }]\n    en: do\n    zh-Hans: 进行\n';
    const root = project({ 'glossary/ai.yaml': glossary, 'source/a.md': '検証を行なった。調査を行なう。\n' });
    expect(await yakugo('--root', root, 'fix')).toBe(0);
    expect(read(root, 'source/a.md')).toBe('検証を行った。調査を行う。\n');
  });
});

describe('yakugo glossary lint', () => {
  it('is clean on a consistent glossary (exit 0)', async () => {
    const root = project();
    expect(await yakugo('--root', root, 'glossary', 'lint')).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('✔ 2 concept(s) in 1 file(s): no problems\n');
  });

  it('lists duplicates the loader would stop at, with places, and exits 1', async () => {
    const second = 'concepts:\n  - id: server\n    ja: 鯖\n    en: server\n    zh-Hans: 服务器\n  - id: lm\n    ja: 言語モデル\n    en: LM\n';
    const root = project({ 'glossary/more.yaml': second });
    expect(await yakugo('--root', root, 'glossary', 'lint', '--format', 'json')).toBe(1);
    const problems = (JSON.parse(stdout) as { problems: Array<{ file: string; line: number; column: number; rule: string; severity: string; message: string }> }).problems;
    expect(problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.rule} ${problem.message}`)).toEqual([
      'glossary/more.yaml:2:5 error glossary/duplicate-id concept id “server” is already used at glossary/ai.yaml:10:5',
      'glossary/more.yaml:4:9 warn glossary/shared-term en term “server” is also the preferred term of concept “server” (glossary/ai.yaml:10:5): one concept?',
      'glossary/more.yaml:5:14 warn glossary/shared-term zh-Hans term “服务器” is also the preferred term of concept “server” (glossary/ai.yaml:10:5): one concept?',
      'glossary/more.yaml:6:5 warn glossary/missing-term concept “lm” has no zh-Hans term',
      'glossary/more.yaml:7:9 error glossary/shared-term ja term “言語モデル” is also a term of concept “language-model” (glossary/ai.yaml:4:5)',
    ]);
  });

  it('explains a term that ends inside a token wherever it occurs', async () => {
    const glossary = 'concepts:\n  - id: language-model\n    ja: [言語モデル, { term: 言語モ, status: deprecated }]\n    en: language model\n    zh-Hans: 语言模型\n';
    const root = project({ 'glossary/ai.yaml': glossary, 'source/a.md': '大規模な言語モデルを使う。\n' });
    expect(await yakugo('--root', root, 'glossary', 'lint', '--max-warnings', '0')).toBe(1);
    expect(stdout).toContain('3:17  warning  ja term “言語モ” can never match: it ends inside the token “モデル” (source/a.md: 大|規模|な|言語|モデル|を|使う|。)  glossary/unmatchable');
    expect(await yakugo('--root', root, 'glossary', 'lint')).toBe(0);
  });
});
