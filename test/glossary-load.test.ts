import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedTerms, loadGlossary, parseGlossaryFile, preferredTerm, targetTermsFor } from '../src/glossary/load.js';
import { makeProject, repositoryRoot } from './helpers/project.js';
import { errorOf } from './helpers/errors.js';

const parse = (yaml: string, languages?: string[]) => parseGlossaryFile(yaml, 'glossary/test.yaml', { languages });

describe('the format', () => {
  it('reads the shorthand, lists, statuses and flags', () => {
    const [physical, server, deepseek] = parse(`concepts:
  - id: physical-ai
    domain: ai
    definition: AI that acts in the physical world.
    ja:
      - フィジカル AI
      - { term: 物理 AI, status: admitted }
    en: physical AI
    zh-Hans: 物理 AI
    forms: { en: [physical AIs] }
  - id: server
    longVowel: true
    caseSensitive: false
    ja: [サーバー, { term: サーバ, status: deprecated }]
    en: server
  - id: deepseek
    translate: false
    ja: DeepSeek
`);
    expect(physical).toMatchObject({
      id: 'physical-ai',
      domain: 'ai',
      definition: 'AI that acts in the physical world.',
      translate: true,
      longVowel: false,
      forms: { en: ['physical AIs'] },
      place: { file: 'glossary/test.yaml', line: 2, column: 5 },
    });
    expect(physical?.terms['ja']?.map((term) => [term.text, term.status, term.place?.line])).toEqual([
      ['フィジカル AI', 'preferred', 6],
      ['物理 AI', 'admitted', 7],
    ]);
    expect(server?.longVowel).toBe(true);
    expect(server?.terms['ja']?.map((term) => term.status)).toEqual(['preferred', 'deprecated']);
    expect(deepseek?.translate).toBe(false);
  });

  it('makes the first plain term preferred unless one is marked preferred, and the others admitted', () => {
    const [first, marked] = parse(`concepts:
  - id: a
    ja: [甲, 乙]
  - id: b
    ja: [{ term: 丙, status: deprecated }, 丁, { term: 戊, status: preferred }]
`);
    expect(first?.terms['ja']?.map((term) => term.status)).toEqual(['preferred', 'admitted']);
    expect(marked?.terms['ja']?.map((term) => term.status)).toEqual(['deprecated', 'admitted', 'preferred']);
    expect(preferredTerm(marked!, 'ja')?.text).toBe('戊');
  });

  it('is empty for an empty file or an empty list', () => {
    expect(parse('')).toEqual([]);
    expect(parse('# nothing yet\nconcepts:\n')).toEqual([]);
  });
});

describe('validation errors name file, line and column', () => {
  it.each([
    ['a duplicate id', 'concepts:\n  - id: a\n    ja: 甲\n  - id: a\n    ja: 乙\n', 'glossary/test.yaml:4:5: duplicate concept id "a" (first at glossary/test.yaml:2:5)'],
    ['one Japanese term in two concepts', 'concepts:\n  - id: a\n    ja: 蒸留\n  - id: b\n    ja: [抽出, 蒸留]\n', 'glossary/test.yaml:5:14: ja term "蒸留" is already a term of concept "a" (glossary/test.yaml:2:5)'],
    ['the same term written with other spacing or width', 'concepts:\n  - id: a\n    ja: フィジカル AI\n  - id: b\n    ja: フィジカルＡＩ\n', 'glossary/test.yaml:5:9: ja term "フィジカルＡＩ" is already a term of concept "a" (glossary/test.yaml:2:5)'],
    ['an empty term', 'concepts:\n  - id: a\n    ja: 甲\n    en: ""\n', 'glossary/test.yaml:4:9: en term is empty'],
    ['a missing term', 'concepts:\n  - id: a\n    ja: 甲\n    en:\n', 'glossary/test.yaml:4:8: en term is empty'],
    ['an empty term in a list', 'concepts:\n  - id: a\n    ja: [甲, "  "]\n', 'glossary/test.yaml:3:13: ja term is empty'],
    ['an unknown field', 'concepts:\n  - id: a\n    ja: 甲\n    defintion: typo\n', 'glossary/test.yaml:4:5: unknown field "defintion" in a concept'],
    ['an unknown field in a term', 'concepts:\n  - id: a\n    ja: [{ term: 甲, staus: admitted }]\n', 'glossary/test.yaml:3:21: unknown field "staus" in a term (use term, status)'],
    ['an unknown status', 'concepts:\n  - id: a\n    ja: [{ term: 甲, status: old }]\n', 'glossary/test.yaml:3:29: unknown status "old" (use preferred, admitted, deprecated, forbidden)'],
    ['an invalid language code', 'concepts:\n  - id: a\n    ja: 甲\n    zh-hans: 甲\n', 'glossary/test.yaml:4:5: unknown language code "zh-hans"'],
    ['a flag that is not a boolean', 'concepts:\n  - id: a\n    ja: 甲\n    translate: no\n', 'glossary/test.yaml:4:16: translate must be true or false'],
    ['a term that is a number', 'concepts:\n  - id: a\n    ja: 甲\n    en: 500\n', 'glossary/test.yaml:4:9: en term must be a string, not the number 500 (quote it: "500")'],
    ['a concept that is not a mapping', 'concepts:\n  - 蒸留\n', 'glossary/test.yaml:2:5: a concept must be a mapping (key: value)'],
    ['a concept without id', 'concepts:\n  - ja: 甲\n', 'glossary/test.yaml:2:5: concept has no id'],
    ['a concept without Japanese term', 'concepts:\n  - id: a\n    en: x\n', 'glossary/test.yaml:2:5: concept "a" has no ja term'],
    ['an invalid id', 'concepts:\n  - id: Physical AI\n    ja: 甲\n', 'glossary/test.yaml:2:9: invalid id "Physical AI": use lowercase letters, digits and . + - (e.g. physical-ai)'],
    ['a term listed twice', 'concepts:\n  - id: a\n    ja: 甲\n    en: [x, x]\n', 'glossary/test.yaml:4:13: en term "x" is listed twice'],
    ['two preferred terms', 'concepts:\n  - id: a\n    ja: [{ term: 甲, status: preferred }, { term: 乙, status: preferred }]\n', 'glossary/test.yaml:3:42: two preferred ja terms'],
    ['a duplicate key', 'concepts:\n  - id: a\n    ja: 甲\n    ja: 乙\n', 'glossary/test.yaml:4:5: duplicate key "ja"'],
    ['a top-level key other than concepts', 'concept:\n  - id: a\n', 'glossary/test.yaml:1:1: unknown field "concept" (a glossary file has "concepts:" and "rules:")'],
    ['invalid YAML', 'concepts:\n  - id: a\n    ja: [甲\n', 'glossary/test.yaml:4:1: invalid YAML: deficient indentation'],
    ['an unknown example field', 'concepts:\n  - id: a\n    ja: 甲\n    examples: { matches: [甲] }\n', 'glossary/test.yaml:4:17: unknown field "matches" in examples (use match, noMatch)'],
  ])('reports %s', async (_what, yaml, message) => {
    expect(await errorOf(() => parse(yaml))).toBe(message);
  });

  it('rejects a language that is not configured', async () => {
    expect(await errorOf(() => parse('concepts:\n  - id: a\n    ja: 甲\n    ko: 갑\n', ['en', 'zh-Hans']))).toBe(
      'glossary/test.yaml:4:5: unknown language code "ko" (configured: ja, en, zh-Hans)',
    );
    expect(parse('concepts:\n  - id: a\n    ja: 甲\n    ko: 갑\n', ['en', 'ko'])[0]?.terms['ko']?.[0]?.text).toBe('갑');
  });
});

describe('loading a folder', () => {
  it('merges every *.yaml file by name and checks across files', async () => {
    const root = makeProject({
      'glossary/b.yaml': 'concepts:\n  - id: b\n    ja: 乙\n',
      'glossary/a.yaml': 'concepts:\n  - id: a\n    ja: 甲\n',
      'glossary/notes.txt': 'not a glossary',
    });
    const glossary = await loadGlossary('glossary', { root });
    expect(glossary.files).toEqual(['glossary/a.yaml', 'glossary/b.yaml']);
    expect(glossary.concepts.map((concept) => concept.id)).toEqual(['a', 'b']);

    const clash = makeProject({
      'glossary/a.yaml': 'concepts:\n  - id: a\n    ja: 甲\n',
      'glossary/b.yaml': '# second file\nconcepts:\n  - id: b\n    ja: [乙, 甲]\n',
    });
    expect(await errorOf(() => loadGlossary('glossary', { root: clash }))).toBe(
      'glossary/b.yaml:4:13: ja term "甲" is already a term of concept "a" (glossary/a.yaml:2:5)',
    );
  });

  it('is an empty glossary when the folder does not exist', async () => {
    const root = makeProject({ 'source/a.md': '本文\n' });
    expect(await loadGlossary('glossary', { root })).toEqual({ concepts: [], rules: [], files: [] });
  });

  it('runs the examples: a sentence that does not match is an error at its line', async () => {
    const root = makeProject({
      'glossary/ai.yaml': 'concepts:\n  - id: ai\n    ja: AI\n    examples:\n      match:\n        - AI の話\n        - OpenAI の話\n',
    });
    expect(await errorOf(() => loadGlossary('glossary', { root }))).toBe('glossary/ai.yaml:7:11: example of "ai" does not match: OpenAI の話');
  });

  it('runs the examples: a sentence that must not match but does is an error at its line', async () => {
    const root = makeProject({
      'glossary/us.yaml': 'concepts:\n  - id: us\n    ja: 米\n    examples: { match: [米の関税], noMatch: [米国の輸出, 米と麦] }\n',
    });
    expect(await errorOf(() => loadGlossary('glossary', { root }))).toBe('glossary/us.yaml:4:49: example of "us" must not match but "米" does: 米と麦');
  });

  it('loads the seed glossary with its examples passing', async () => {
    const glossary = await loadGlossary(join(repositoryRoot, 'glossary'), { languages: ['en', 'zh-Hans'] });
    expect(glossary.concepts.length).toBeGreaterThanOrEqual(60);
    expect(glossary.concepts.filter((concept) => concept.examples).length).toBeGreaterThan(10);
    for (const concept of glossary.concepts) {
      expect(preferredTerm(concept, 'en'), concept.id).toBeDefined();
      expect(preferredTerm(concept, 'zh-Hans'), concept.id).toBeDefined();
    }
  });
});

describe('terms per language', () => {
  const [nvidia, deepseek] = parse(`concepts:
  - id: nvidia
    ja: [NVIDIA, { term: エヌビディア, status: admitted }, { term: エヌヴィディア, status: forbidden }]
    en: [NVIDIA, { term: Nvidia, status: deprecated }]
  - id: deepseek
    translate: false
    ja: DeepSeek
`);

  it('accepts preferred and admitted terms, preferred first', () => {
    expect(acceptedTerms(nvidia!, 'ja').map((term) => term.text)).toEqual(['NVIDIA', 'エヌビディア']);
    expect(acceptedTerms(nvidia!, 'en').map((term) => term.text)).toEqual(['NVIDIA']);
    expect(targetTermsFor(nvidia!, 'en').map((term) => [term.text, term.status])).toEqual([
      ['NVIDIA', 'preferred'],
      ['Nvidia', 'deprecated'],
    ]);
    expect(acceptedTerms(nvidia!, 'zh-Hans')).toEqual([]);
    expect(preferredTerm(nvidia!, 'zh-Hans')).toBeUndefined();
  });

  it('uses the Japanese terms of a name (translate: false) in every language', () => {
    expect(preferredTerm(deepseek!, 'en')?.text).toBe('DeepSeek');
    expect(acceptedTerms(deepseek!, 'zh-Hans').map((term) => term.text)).toEqual(['DeepSeek']);
  });
});
