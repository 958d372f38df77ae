import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, } from 'vitest';
import { runCli } from './helpers/cli.js';
import { loadGlossary } from '../src/glossary/load.js';
import type { Concept } from '../src/glossary/types.js';
import { copyRepository, makeProject, read, write } from './helpers/project.js';

let stdout = '';
let stderr = '';

/** Runs the CLI; what it printed is left in `stdout` and `stderr`. */
async function yakugo(...args: string[]): Promise<number> {
  const result = await runCli(args);
  ({ stdout, stderr } = result);
  return result.code;
}

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/maintain/${name}`, import.meta.url));

/** What TBX, CSV and TSV hold of a concept (not the matching flags or the examples). */
function held(concept: Concept) {
  return {
    id: concept.id,
    domain: concept.domain,
    definition: concept.definition,
    note: concept.note,
    translate: concept.translate,
    terms: Object.fromEntries(Object.entries(concept.terms).map(([lng, terms]) => [lng, terms.map(({ text, status }) => `${status}:${text}`)])),
    forms: concept.forms,
  };
}

function glossaryFiles(root: string): string[] {
  return readdirSync(join(root, 'glossary')).sort();
}

describe('export → import of the shipped glossary', () => {
  for (const format of ['tbx', 'csv', 'tsv']) {
    it(`${format}: every concept comes back with its ids, terms, statuses, forms, definitions and notes`, async () => {
      const root = copyRepository();
      const original = await loadGlossary(join(root, 'glossary'), { root });
      expect(await yakugo('--root', root, 'glossary', 'export', '--format', format, '--output', join(root, `terms.${format}`))).toBe(0);
      for (const file of glossaryFiles(root)) rmSync(join(root, 'glossary', file));
      expect(await yakugo('--root', root, 'glossary', 'import', join(root, `terms.${format}`), '--into', join(root, 'glossary/imported.yaml'))).toBe(0);
      expect(stderr).toBe(`${original.concepts.length} concept(s) imported into glossary/imported.yaml\n`);
      const back = await loadGlossary(join(root, 'glossary'), { root });
      expect(back.concepts.map(held)).toEqual(original.concepts.map(held));
      // Importing the same file again finds everything present and writes nothing.
      const before = read(root, 'glossary/imported.yaml');
      expect(await yakugo('--root', root, 'glossary', 'import', join(root, `terms.${format}`), '--into', join(root, 'glossary/imported.yaml'))).toBe(0);
      expect(stderr).toBe(`${original.concepts.length} concept(s) already in the glossary\nnothing to import\n`);
      expect(read(root, 'glossary/imported.yaml')).toBe(before);
    });
  }
});

describe('yakugo glossary import', () => {
  const config = 'languages: [en, zh-Hans]\n';
  const existing = '# our glossary\nconcepts:\n  - id: distillation  # the key concept\n    ja: 蒸留\n    en: distillation\n    zh-Hans: 蒸馏\n';

  it('reports a conflicting concept and changes nothing (exit 2)', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'glossary/ai.yaml': existing });
    write(root, 'terms.csv', 'ja,en,zh-Hans\n推論,inference,推理\n蒸留,distilling,蒸馏\n');
    expect(await yakugo('--root', root, 'glossary', 'import', join(root, 'terms.csv'), '--into', join(root, 'glossary/ai.yaml'))).toBe(2);
    expect(stderr).toContain(`${join(root, 'terms.csv')}:3:1: conflict: distilling: term ja "蒸留" belongs to concept "distillation"\n`);
    expect(stderr).toMatch(/1 conflict\(s\); nothing written/);
    expect(read(root, 'glossary/ai.yaml')).toBe(existing);
  });

  it('with --skip-conflicts appends the rest after the existing concepts, keeping the file’s bytes and comments', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'glossary/ai.yaml': existing });
    write(root, 'terms.csv', 'ja,en,zh-Hans\n推論,inference,推理\n蒸留,distilling,蒸馏\n');
    expect(await yakugo('--root', root, 'glossary', 'import', join(root, 'terms.csv'), '--into', join(root, 'glossary/ai.yaml'), '--skip-conflicts')).toBe(0);
    expect(read(root, 'glossary/ai.yaml')).toBe(`${existing}  - id: inference\n    ja: 推論\n    en: inference\n    zh-Hans: 推理\n`);
  });

  it('fails on a malformed TBX file with file:line:column and writes nothing', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'glossary/ai.yaml': existing });
    expect(await yakugo('--root', root, 'glossary', 'import', fixture('broken.tbx'))).toBe(2);
    expect(stderr).toMatch(/broken\.tbx:12:26: invalid XML: Opening and ending tag mismatch: "term" != "termSec"\n$/);
    expect(glossaryFiles(root)).toEqual(['ai.yaml']);
    expect(await yakugo('--root', root, 'glossary', 'import', fixture('entities.tbx'))).toBe(2);
    expect(stderr).toMatch(/entities\.tbx:2:1: refusing a DOCTYPE that declares entities\n$/);
  });

  it('imports a TBX 2008 file into glossary/<name>.yaml, ids from the file', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config });
    expect(await yakugo('--root', root, 'glossary', 'import', fixture('martif-2008.tbx'))).toBe(0);
    expect(read(root, 'glossary/martif-2008.yaml')).toBe(
      [
        'concepts:',
        '  - id: c1',
        '    domain: AI',
        '    definition: Training a small model to imitate a large one.',
        '    ja:',
        '      - 蒸留',
        '      - term: 知識蒸留',
        '        status: admitted',
        '    en: distillation',
        '  - id: c2',
        '    ja:',
        '      - サーバー',
        '      - term: サーバ',
        '        status: deprecated',
        '    en: server',
        '',
      ].join('\n'),
    );
  });

  it('turns a prh dictionary into deprecated variants with ids from readings, and regular expressions into source rules', async () => {
    const root = makeProject({ 'yakugo.config.yaml': config });
    expect(await yakugo('--root', root, 'glossary', 'import', fixture('prh.yml'), '--dry-run')).toBe(0);
    expect(stdout).toContain('rules:\n  - expected: 行う\n    pattern: /行(な)う/\n');
    expect(stdout).toContain('  - id: saba\n    ja:\n      - サーバー\n      - term: サーバ\n        status: deprecated\n    examples:\n      match:\n        - サーバを再起動する\n  - id: webusaito\n    note: 表記を統一してください\n');
    expect(stdout).toContain('  - id: intafesu\n    ja:\n      - インターフェース\n      - term: インタフェース\n        status: deprecated\n');
    expect(existsSync(join(root, 'glossary'))).toBe(false);
  });
});
