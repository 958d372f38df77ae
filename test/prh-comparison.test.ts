import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { originalTokenEdges } from '../src/glossary/match.js';
import { normalizeWithMap } from '../src/glossary/normalize.js';
import { loadTokenizer } from '../src/glossary/tokenizer.js';
import { segmentMarkdown } from '../src/markdown/segment.js';
import { placeOfOffset } from '../src/util/errors.js';
import { runCli } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

/**
 * `check --rule source/variant` against prh itself, on a corpus of Japanese articles written for this test
 * with the usual variants (test/fixtures/prh/corpus) and two real dictionaries: prh/rules'
 * WEB+DB_PRESS.yml and ja.react.dev's prh.yml. prh runs on the same prose textlint-rule-prh gives it (the
 * text of each paragraph, heading, list item, without code), and a prh change counts when it changes the
 * text (textlint-rule-prh reports only those). Every prh finding must be a yakugo finding at the same
 * place with the same replacement, except those that start or end inside a kuromoji token.
 */
const require = createRequire(import.meta.url);
const prh = require('prh') as {
  fromYAMLFilePath(path: string): { makeChangeSet(path: string, text: string): { diffs: Array<{ index: number; matches: string[]; newText: string | null }> } };
};
const corpus = fileURLToPath(new URL('./fixtures/prh/corpus/', import.meta.url));
/**
 * Each dictionary, and the prh findings yakugo does not report because they cut a word, by kind. (Rules
 * whose own specs cut words, such as ja.react.dev's 補助動詞 rules, are imported with `insideWords: true`
 * and are reported like prh.)
 */
const dictionaries: Record<string, { file: string; notReported: string[] }> = {
  'WEB+DB_PRESS': {
    file: join(dirname(require.resolve('prh/package.json')), 'prh-rules', 'media', 'WEB+DB_PRESS.yml'),
    notReported: [
      // 美味し|い: the rule rewrites the stem of an adjective.
      'ends inside a token: source/review.md:11:26 美味し → おいし',
      // 出来|ます is one token for kuromoji (出来ま|す is not).
      'ends inside a token: source/setup.md:13:51 出来ま → できま',
    ],
  },
  'ja.react.dev': {
    file: fileURLToPath(new URL('./fixtures/prh/ja.react.dev-prh.yml', import.meta.url)),
    // Its 補助動詞 rules and its とき rule cut words in their own specs (て下さ inside 確認|し|て|下さい; の時は
    // starting inside その|時|は): imported with insideWords, they report what prh reports, here too.
    notReported: [],
  },
};

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

interface Finding {
  place: string;
  surface: string;
  replacement: string;
}

async function prhFindings(dictionary: string): Promise<{ found: Finding[]; insideToken: Array<Finding & { kind: string }> }> {
  const engine = prh.fromYAMLFilePath(dictionary);
  const tokenizer = await loadTokenizer();
  const found: Finding[] = [];
  const insideToken: Array<Finding & { kind: string }> = [];
  for (const name of readdirSync(corpus).sort()) {
    const text = readFileSync(join(corpus, name), 'utf8');
    for (const segment of segmentMarkdown(text, { frontMatter: [], file: name }).segments) {
      for (const run of segment.runs) {
        const normalized = normalizeWithMap(run.text);
        const edges = originalTokenEdges(normalized, tokenizer.tokenize(normalized.text));
        for (const diff of engine.makeChangeSet('', run.text).diffs) {
          const surface = diff.matches[0]!;
          if (diff.newText === null || diff.newText === surface) continue;
          const { line, column } = placeOfOffset(text, run.offsets[diff.index]!);
          const finding = { place: `source/${name}:${line}:${column}`, surface, replacement: diff.newText };
          if (edges[diff.index] && edges[diff.index + surface.length]) found.push(finding);
          else insideToken.push({ ...finding, kind: edges[diff.index] ? 'ends inside a token' : 'starts inside a token' });
        }
      }
    }
  }
  return { found, insideToken };
}

async function yakugoFindings(dictionary: string): Promise<string[]> {
  const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n' });
  roots.push(root);
  cpSync(corpus, join(root, 'source'), { recursive: true });
  const imported = await runCli(['--root', root, 'glossary', 'import', dictionary, '--into', join(root, 'glossary', 'prh.yaml')]);
  expect(imported.code).toBe(0);
  const check = await runCli(['--root', root, 'check', '--lang', 'ja', '--rule', 'source/variant', '--format', 'json']);
  const problems = (JSON.parse(check.stdout) as { problems: Array<{ file: string; line: number; column: number; message: string }> }).problems;
  return problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.message}`);
}

describe.each(Object.entries(dictionaries))('source/variant finds what prh finds (%s)', (_name, dictionary) => {
  it('every prh finding is a yakugo finding, except the ones inside a token', async () => {
    const { found, insideToken } = await prhFindings(dictionary.file);
    const yakugo = await yakugoFindings(dictionary.file);
    // The corpus exercises the dictionary.
    expect(found.length + insideToken.length).toBeGreaterThanOrEqual(8);
    const reported = (finding: Finding) =>
      yakugo.some((line) => line.startsWith(`${finding.place} `) && line.includes(`“${finding.surface}”`) && line.includes(`“${finding.replacement}”`));
    // Every prh finding on token boundaries is reported, at the same place with the same replacement.
    expect(found.filter((finding) => !reported(finding))).toEqual([]);
    // Listed by kind: what prh changes inside a word and yakugo does not report.
    const notReported = insideToken.filter((finding) => !reported(finding));
    expect(notReported.map((finding) => `${finding.kind}: ${finding.place} ${finding.surface} → ${finding.replacement}`)).toEqual(dictionary.notReported);
  });
});
