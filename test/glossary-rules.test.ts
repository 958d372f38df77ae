import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGlossaryDocument } from '../src/glossary/load.js';
import { applyRule, findRuleHits, tokenEdges } from '../src/glossary/rules/apply.js';
import { loadTokenizer } from '../src/glossary/tokenizer.js';
import type { SourceRule } from '../src/glossary/types.js';
import { runCli } from './helpers/cli.js';
import { errorOf } from './helpers/errors.js';
import { makeProject, read } from './helpers/project.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function rules(yaml: string): SourceRule[] {
  return parseGlossaryDocument(yaml, 'glossary/rules.yaml').rules;
}

describe('source rules: prh semantics', () => {
  it('fills $1…$9 from the groups and honours regexpMustEmpty (ja.react.dev rules)', () => {
    const [kudasai, miru] = rules(`rules:
  - expected: $1くださ
    pattern: /(て|[いん]で)下さ/
  - expected: $1み$3
    pattern: /((つい)?て|[いん]で)見(て|た|よ|る|ま|な|れ|ろ|ず|つつ|ながら)/
    regexpMustEmpty: $2
`);
    expect(applyRule(kudasai!, '確認して下さい')).toBe('確認してください');
    expect(applyRule(miru!, 'やって見てください')).toBe('やってみてください');
    expect(applyRule(miru!, '本件について見ていると')).toBe('本件について見ていると');
  });

  it('matches a rule without pattern in any case and width, and wordBoundary wraps it in \\b', () => {
    const [jquery, web] = rules('rules:\n  - expected: jQuery\n  - { expected: Web, wordBoundary: true }\n');
    expect(applyRule(jquery!, 'jquery と ＪＱＵＥＲＹ と jQuery')).toBe('jQuery と jQuery と jQuery');
    expect(applyRule(web!, 'web と website')).toBe('Web と website');
  });

  it('combines patterns into one alternation; literal strings are matched as written', () => {
    const [player] = rules('rules:\n  - expected: プレーヤ\n    patterns: [プレーヤー, プレイヤー, プレイヤ, "a.b"]\n');
    expect(applyRule(player!, 'プレイヤーとプレイヤとa.bとaxb')).toBe('プレーヤとプレーヤとプレーヤとaxb');
  });

  it('keeps prh’s choice among overlapping matches: same start → longer, else the earlier start', () => {
    const list = rules('rules:\n  - { expected: A, pattern: ab }\n  - { expected: B, pattern: abc }\n  - { expected: C, pattern: cd }\n');
    const everyOffset = (text: string) => new Uint8Array(text.length + 1).fill(1);
    expect(findRuleHits(list, 'abcd', everyOffset).map((hit) => `${hit.surface}→${hit.replacement}`)).toEqual(['abc→B']);
  });

  it('runs specs at load: a failing spec is an error at its line', async () => {
    expect(
      await errorOf(() =>
        rules('rules:\n  - expected: で\n    pattern: /(?<!ま)でで(?!(きる|きます|す))/\n    specs:\n      - { from: そこでで、, to: そこで、 }\n      - { from: Aまでです, to: Aまでで }\n'),
      ),
    ).toBe('glossary/rules.yaml:6:9: spec of the rule for "で" fails: "Aまでです" becomes "Aまでです", not "Aまでで"');
  });

  it('reports an invalid pattern, mixed flags and a bad regexpMustEmpty at their place', async () => {
    expect(await errorOf(() => rules('rules:\n  - { expected: x, pattern: "/(a/" }\n'))).toMatch(/^glossary\/rules.yaml:2:29: invalid pattern: /);
    expect(await errorOf(() => rules('rules:\n  - { expected: x, patterns: [/a/i, b] }\n'))).toMatch(
      /^glossary\/rules.yaml:2:37: invalid pattern: combining different flags/,
    );
    expect(await errorOf(() => rules('rules:\n  - { expected: x, pattern: /(a)/, regexpMustEmpty: $2 }\n'))).toBe(
      'glossary/rules.yaml:2:53: regexpMustEmpty $2 names a group the pattern does not have',
    );
    expect(await errorOf(() => rules('rules:\n  - { expected: x, pattern: a, prh: note }\n'))).toMatch(/^glossary\/rules.yaml:2:32: unknown field "prh" in a rule/);
  });

  it('does not report a match that starts or ends inside a kuromoji token', async () => {
    const tokenizer = await loadTokenizer();
    const list = rules('rules:\n  - { expected: 行う, pattern: 行なう }\n  - { expected: 米国, pattern: 米 }\n');
    const inside: string[] = [];
    const edges = (text: string) => tokenEdges(tokenizer.tokenize(text), text.length);
    const hits = findRuleHits(list, '米国で調査を行なう。', edges, (hit) => inside.push(hit.surface));
    expect(hits.map((hit) => `${hit.surface}→${hit.replacement}`)).toEqual(['行なう→行う']);
    expect(inside).toEqual(['米']);
  });

  it('insideWords: a rule that rewrites part of a word is reported only when it says so', async () => {
    const tokenizer = await loadTokenizer();
    const edges = (text: string) => tokenEdges(tokenizer.tokenize(text), text.length);
    const [strict, partial] = rules(`rules:
  - { expected: $1くださ, pattern: "/(て|[いん]で)下さ/" }
  - { expected: $1くださ, pattern: "/(て|[いん]で)下さ/", insideWords: true }
`);
    // 確認|し|て|下さい: the match て下さ ends inside 下さい.
    expect(findRuleHits([strict!], '確認して下さい', edges)).toEqual([]);
    expect(findRuleHits([partial!], '確認して下さい', edges).map((hit) => `${hit.surface}→${hit.replacement}`)).toEqual(['て下さ→てくださ']);
  });
});

describe('source rules in check and fix', () => {
  const project = () => {
    const root = makeProject({
      'yakugo.config.yaml': 'languages: [en]\n',
      'glossary/rules.yaml': `rules:
  - expected: $1ください
    pattern: /(て|[いん]で)下さい/
    note: 補助動詞はかな書きにします
  - expected: Web
    wordBoundary: true
`,
      'source/a.md': '# 設定\n\n設定を確認して下さい。詳しくは web を見て下さい。`確認して下さい` はコードです。\n',
    });
    roots.push(root);
    return root;
  };

  it('source/variant reports each change with prh’s replacement and the rule’s note', async () => {
    const root = project();
    const run = await runCli(['--root', root, 'check', '--lang', 'ja', '--rule', 'source/variant', '--format', 'json']);
    const problems = (JSON.parse(run.stdout) as { problems: Array<{ line: number; column: number; message: string }> }).problems;
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
      '3:7 “て下さい” should be “てください”: 補助動詞はかな書きにします (rule at glossary/rules.yaml:2)',
      '3:17 “web” should be “Web” (rule at glossary/rules.yaml:5)',
      '3:23 “て下さい” should be “てください”: 補助動詞はかな書きにします (rule at glossary/rules.yaml:2)',
    ]);
  });

  it('yakugo fix applies them in the prose and leaves code alone', async () => {
    const root = project();
    const run = await runCli(['--root', root, 'fix']);
    expect(run.code).toBe(0);
    expect(read(root, 'source/a.md')).toBe('# 設定\n\n設定を確認してください。詳しくは Web を見てください。`確認して下さい` はコードです。\n');
    const again = await runCli(['--root', root, 'check', '--lang', 'ja', '--rule', 'source/variant', '--format', 'json']);
    expect((JSON.parse(again.stdout) as { problems: unknown[] }).problems).toEqual([]);
  });
});

describe('importing prh rules next to existing ones', () => {
  it('reports a rule with the same pattern and another expected with both places; --skip-conflicts skips exactly it', async () => {
    const root = makeProject({
      'yakugo.config.yaml': 'languages: [en]\n',
      'glossary/style.yaml': 'rules:\n  - { expected: $1ください, pattern: "/(て|で)下さい/" }\n',
      'prh.yml': 'version: 1\nrules:\n  - expected: $1下さい\n    pattern: /(て|で)下さい/\n  - expected: $1み$2\n    pattern: /(て|で)見(る|た)/\n',
    });
    roots.push(root);
    const refused = await runCli(['--root', root, 'glossary', 'import', `${root}/prh.yml`, '--into', `${root}/glossary/imported.yaml`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${root}/prh.yml:3:5: conflict: the rule for "$1下さい" has the same pattern /(て|で)下さい/ as the rule for "$1ください" (glossary/style.yaml:2:5)`,
    );
    const skipped = await runCli(['--root', root, 'glossary', 'import', `${root}/prh.yml`, '--into', `${root}/glossary/imported.yaml`, '--skip-conflicts']);
    expect(skipped.code).toBe(0);
    expect(read(root, 'glossary/imported.yaml')).toBe('concepts: []\nrules:\n  - expected: $1み$2\n    pattern: /(て|で)見(る|た)/\n');
  });
});
