
import { join } from 'node:path';
import { describe, expect, it, } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const glossaryYaml = `concepts:
  - id: ai
    translate: false
    ja: AI
  - id: physical-ai
    ja: [フィジカル AI, { term: 物理 AI, status: admitted }]
    en: physical AI
    zh-Hans: 物理AI
  - id: server
    longVowel: true
    ja: [サーバー, { term: サーバ, status: deprecated }]
    en: server
    zh-Hans: 服务器
  - id: yoshinoya
    ja: 𠮷野家
    en: Yoshinoya
`;

function project(extra: Record<string, string> = {}): string {
  return makeProject({
    'yakugo.config.yaml': 'languages: [en, zh-Hans]\n',
    'glossary/terms.yaml': glossaryYaml,
    ...extra,
  });
}

/** Runs the CLI in-process and returns its exit code and what it wrote. */
function cli(args: string[], stdin?: string) {
  return runCli(args, { stdin });
}


describe('yakugo glossary list', () => {
  it('prints one row per concept with the preferred term in each language and the other terms', async () => {
    const root = project();
    const { code, stdout } = await cli(['--root', root, 'glossary', 'list']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^id\s+ja\s+en\s+zh-Hans\s+other terms$/);
    expect(lines[1]).toMatch(/^ai\s+AI\s+AI\s+AI\s+name \(same in every language\)$/);
    expect(lines[2]).toMatch(/^physical-ai\s+フィジカル AI\s+physical AI\s+物理AI\s+ja 物理 AI \(admitted\)$/);
    expect(lines[3]).toMatch(/^server\s+サーバー\s+server\s+服务器\s+ja サーバ \(deprecated\)$/);
    expect(lines[4]).toMatch(/^yoshinoya\s+𠮷野家\s+Yoshinoya\s+—$/);
    expect(stdout).toContain('4 concept(s) in 1 file(s)');
  });

  it('shows one target language with --lang and rejects a language that is not configured', async () => {
    const root = project();
    const { stdout } = await cli(['--root', root, 'glossary', 'list', '--lang', 'en']);
    expect(stdout.split('\n')[0]).toMatch(/^id\s+ja\s+en\s+other terms$/);
    const wrong = await cli(['--root', root, 'glossary', 'list', '--lang', 'fr']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown language "fr" (configured: en, zh-Hans)');
  });

  it('prints JSON with every term and its status', async () => {
    const root = project();
    const { stdout } = await cli(['--root', root, 'glossary', 'list', '--format', 'json', '--lang', 'zh-Hans']);
    const concepts = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(concepts[1]).toEqual({
      id: 'physical-ai',
      translate: true,
      preferred: { ja: 'フィジカル AI', 'zh-Hans': '物理AI' },
      accepted: { ja: ['フィジカル AI', '物理 AI'], 'zh-Hans': ['物理AI'] },
      terms: {
        ja: [
          { term: 'フィジカル AI', status: 'preferred' },
          { term: '物理 AI', status: 'admitted' },
        ],
        'zh-Hans': [{ term: '物理AI', status: 'preferred' }],
      },
      file: 'glossary/terms.yaml',
      line: 5,
    });
  });

  it('exits 2 with the place of a glossary error', async () => {
    const root = project({ 'glossary/zz.yaml': 'concepts:\n  - id: ai\n    ja: 人工知能\n' });
    const { code, stderr } = await cli(['--root', root, 'glossary', 'list']);
    expect(code).toBe(2);
    expect(stderr).toBe('glossary/zz.yaml:2:5: duplicate concept id "ai" (first at glossary/terms.yaml:2:5)\n');
  });
});

describe('yakugo glossary find', () => {
  const article = `---
title: フィジカル AI の時代
---

# サーバと AI

\`AI\` のコードと [AI のリンク](https://example.com/AI) と 𠮷野家の物理 AI。

\`\`\`
AI
\`\`\`
`;

  it('prints file:line:column, concept and surface, and the sentence with the term in brackets', async () => {
    const root = project({ 'source/a.md': article });
    const { code, stdout } = await cli(['--root', root, 'glossary', 'find', join(root, 'source/a.md')]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'source/a.md:2:8   physical-ai  フィジカル AI',
        '    title: 【フィジカル AI】 の時代',
        'source/a.md:5:3   server       サーバ (deprecated)',
        '    # 【サーバ】と AI',
        'source/a.md:5:8   ai           AI',
        '    # サーバと 【AI】',
        'source/a.md:7:13  ai           AI',
        '    `AI` のコードと [【AI】 のリンク](https://example.com/AI) と 𠮷野家の物理…',
        'source/a.md:7:48  yoshinoya    𠮷野家',
        '    …ードと [AI のリンク](https://example.com/AI) と 【𠮷野家】の物理 AI。',
        'source/a.md:7:53  physical-ai  物理 AI',
        '    …AI のリンク](https://example.com/AI) と 𠮷野家の【物理 AI】。',
        '',
        '6 occurrence(s) of 4 concept(s)',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with UTF-16 offsets and lengths into the file', async () => {
    const root = project({ 'source/a.md': article });
    const { stdout } = await cli(['--root', root, 'glossary', 'find', '--format', 'json', join(root, 'source/a.md')]);
    const rows = JSON.parse(stdout) as Array<{ concept: string; surface: string; file: string; line: number; column: number; offset: number; length: number }>;
    expect(rows.map((row) => [row.concept, row.surface, row.line, row.column])).toEqual([
      ['physical-ai', 'フィジカル AI', 2, 8],
      ['server', 'サーバ', 5, 3],
      ['ai', 'AI', 5, 8],
      ['ai', 'AI', 7, 13],
      ['yoshinoya', '𠮷野家', 7, 48],
      ['physical-ai', '物理 AI', 7, 53],
    ]);
    const lines = article.split('\n');
    for (const row of rows) {
      expect(row.file).toBe('source/a.md');
      expect(article.slice(row.offset, row.offset + row.length)).toBe(row.surface);
      expect(lines[row.line - 1]!.slice(row.column - 1, row.column - 1 + row.length)).toBe(row.surface);
    }
  });

  it('reads plain text from stdin and skips URLs there', async () => {
    const root = project();
    const { code, stdout } = await cli(['--root', root, 'glossary', 'find', '--format', 'json', '-'], 'See https://example.com/AI/ —\n`AI` とフィジカルAI\n');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { concept: 'ai', surface: 'AI', file: '<stdin>', line: 2, column: 2, offset: 31, length: 2 },
      { concept: 'physical-ai', surface: 'フィジカルAI', file: '<stdin>', line: 2, column: 7, offset: 36, length: 7 },
    ]);
  });

  it('reads stdin as Markdown with --as markdown', async () => {
    const root = project();
    const { stdout } = await cli(['--root', root, 'glossary', 'find', '--format', 'json', '--as', 'markdown', '-'], '`AI` とフィジカルAI\n');
    expect((JSON.parse(stdout) as Array<{ concept: string }>).map((row) => row.concept)).toEqual(['physical-ai']);
  });

  it('says so when nothing is found, and exits 2 for a missing file', async () => {
    const root = project({ 'source/b.md': 'なにもない。\n' });
    expect((await cli(['--root', root, 'glossary', 'find', join(root, 'source/b.md')])).stdout).toBe('no glossary terms found\n');
    const missing = await cli(['--root', root, 'glossary', 'find', join(root, 'source/none.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('file not found');
  });
});
