import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetMessages } from '../src/util/i18n.js';
import { loadProject } from '../src/config/load.js';
import { runGlossaryLint } from '../src/glossary/maintain/lint/run.js';
import { lintRules } from '../src/glossary/maintain/lint/rules/index.js';
import { makeProject } from './helpers/project.js';

/**
 * Runs the `@example ok` / `@example not-ok` blocks in each glossary lint rule's doc comment, as
 * remark-lint does: `glossary:` becomes glossary/test.yaml (same lines and columns), `source:`
 * source/example.md, and the problems must be exactly `expect:` (none for an ok example).
 */
const rulesDir = join(import.meta.dirname, '..', 'src', 'glossary', 'maintain', 'lint', 'rules');

interface Example {
  rule: string;
  kind: 'ok' | 'not-ok';
  block: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const name of readdirSync(rulesDir).filter((file) => file.endsWith('.ts') && file !== 'index.ts' && file !== 'util.ts')) {
    const text = readFileSync(join(rulesDir, name), 'utf8');
    const rule = /id: '([^']+)'/.exec(text)?.[1];
    const doc = /^\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? '';
    const lines = doc.split('\n').map((line) => line.replace(/^ \* ?/, ''));
    const body = lines.join('\n');
    for (const match of body.matchAll(/@example (ok|not-ok)\n```yaml\n([\s\S]*?)```/g)) {
      found.push({ rule: rule!, kind: match[1] as 'ok' | 'not-ok', block: match[2]! });
    }
  }
  return found;
}

/** The `glossary:` lines of a block as a glossary file, keeping their lines and columns. */
function glossaryFile(block: string): string {
  const lines = block.split('\n');
  const start = lines.indexOf('glossary:');
  let end = start + 1;
  while (end < lines.length && /^\s/.test(lines[end]!)) end++;
  // A `rules:` list right after the concepts is the file's source rules (prh rules).
  if (lines[end] === 'rules:') for (end++; end < lines.length && /^\s/.test(lines[end]!); ) end++;
  return ['concepts:', ...lines.slice(start + 1, end)].join('\n') + '\n';
}

beforeEach(() => {
  process.env['LC_ALL'] = 'en_US.UTF-8';
  resetMessages();
});

describe('glossary lint rule examples', () => {
  const all = examples();
  it('every rule documents an ok and a not-ok example', () => {
    for (const rule of lintRules) {
      expect(all.filter((example) => example.rule === rule.id).map((example) => example.kind).sort(), rule.id).toEqual(['not-ok', 'ok']);
    }
  });

  for (const example of all) {
    it(`${example.rule} ${example.kind}`, async () => {
      const data = parse(example.block) as { source?: string; severity?: string; expect?: string[] };
      
      const root = makeProject({
        'yakugo.config.yaml': `languages: [en, zh-Hans]\nrequired: [en]\n${data.severity ? `rules: { ${example.rule}: ${data.severity} }\n` : ''}`,
        'glossary/test.yaml': glossaryFile(example.block),
        ...(data.source ? { 'source/example.md': data.source } : {}),
      });
      const result = await runGlossaryLint(loadProject(root), { rules: [example.rule] });
      const problems = result.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`);
      expect(problems).toEqual(example.kind === 'ok' ? [] : (data.expect ?? []));
      if (example.kind === 'not-ok') expect(problems.length).toBeGreaterThan(0);
    });
  }
});
