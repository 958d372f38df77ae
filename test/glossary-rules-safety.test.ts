import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isCatastrophic } from '../src/glossary/rules/safety.js';
import { runCli } from './helpers/cli.js';
import { makeProject } from './helpers/project.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', ...files });
  roots.push(root);
  return root;
}

describe('regular expressions that could hang check', () => {
  it('tells catastrophic patterns from the ones real dictionaries use', () => {
    expect(isCatastrophic(/([ァ-ヶー]+)+でした/gmu)).toBe(true);
    expect(isCatastrophic(/(\w+\s?)+$/gmu)).toBe(true);
    expect(isCatastrophic(/(a+)+b/gmu)).toBe(true);
    // prh/rules typo.yml: a lookbehind is not a reason to refuse.
    expect(isCatastrophic(/(?<!ま)でで(?!(きる|きます|す))/gmu)).toBe(false);
    expect(isCatastrophic(/((つい)?て|[いん]で)見(て|た|よ|る|ま|な|れ|ろ|ず|つつ|ながら)/gmu)).toBe(false);
  });

  it('check refuses a glossary with such a rule at once, naming its place; glossary lint lists it', async () => {
    const root = project({
      'glossary/rules.yaml': 'rules:\n  - { expected: です, pattern: "/([ァ-ヶー]+)+でした/" }\n',
      // A line that almost matches: exponential for the pattern above.
      'source/a.md': `${'サーバー'.repeat(40)}です\n`,
    });
    const check = await runCli(['--root', root, 'check', '--lang', 'ja']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('glossary/rules.yaml:2:5: the pattern /([ァ-ヶー]+)+でした/ can backtrack catastrophically');
    const lint = await runCli(['--root', root, 'glossary', 'lint', '--rule', 'glossary/regex-unsafe', '--format', 'json']);
    expect(lint.code).toBe(1);
    expect((JSON.parse(lint.stdout) as { problems: Array<{ rule: string; line: number }> }).problems.map((problem) => `${problem.rule}:${problem.line}`)).toEqual([
      'glossary/regex-unsafe:2',
    ]);
  });

  it('check goes through a 200,000-character paragraph without 、 or 。 with every ja.react.dev rule', async () => {
    const root = project({ 'source/long.md': `${'暫く待つ '.repeat(40_000)}\n` });
    const imported = await runCli(['--root', root, 'glossary', 'import', fileURLToPath(new URL('./fixtures/prh/ja.react.dev-prh.yml', import.meta.url)), '--into', `${root}/glossary/react.yaml`]);
    expect(imported.code).toBe(0);
    const check = await runCli(['--root', root, 'check', '--lang', 'ja', '--rule', 'source/variant', '--format', 'json']);
    const problems = (JSON.parse(check.stdout) as { problems: Array<{ message: string }> }).problems;
    expect(problems).toHaveLength(40_000);
    // `/暫く/` is a literal: it came in as a deprecated term of the concept しばらく.
    expect(new Set(problems.map((problem) => problem.message))).toEqual(new Set(['“暫く” is a deprecated variant of “しばらく” (concept shibaraku)']));
  });
});
