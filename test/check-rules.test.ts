/**
 * Runs the ok and not-ok examples in every check rule's doc comment (like remark-lint's rule docs): each
 * example is turned into a small project, checked with that rule alone, and the problems must be exactly
 * the `expect` lines (`file:line:column severity message`), none for an ok example.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatCatalog } from '../src/catalog/catalog.js';
import { formatState } from '../src/catalog/state.js';
import { runCheck } from '../src/check/run.js';
import { rules } from '../src/check/rules/index.js';
import { resetMessages } from '../src/util/i18n.js';
import { loadProject } from '../src/config/load.js';
import { segmentMarkdown, shortHash } from '../src/markdown/segment.js';
import { makeProject, repositoryRoot } from './helpers/project.js';

interface Example {
  kind: 'ok' | 'not-ok';
  /** The YAML text of the example. */
  yaml: string;
}

interface ExampleData {
  config?: Record<string, unknown>;
  source: string;
  out?: Record<string, string>;
  state?: Record<string, Array<string | null>>;
  /** Per language and segment: the sidecar's draft origin (`machine:…`, `tm`), or null for a reviewed one. */
  origins?: Record<string, Array<string | null>>;
  orphans?: Record<string, Record<string, string>>;
  expect?: string[];
  [lng: string]: unknown;
}

const DEFAULT_CONFIG = { languages: ['en', 'zh-Hans'], required: ['en'] };
const FRONT_MATTER = ['title', 'description', 'tags'];

/** The `@example ok|not-ok` YAML blocks of the doc comment at the top of a rule module. */
function examplesOf(moduleText: string): Example[] {
  const doc = /\/\*\*([\s\S]*?)\*\//.exec(moduleText)?.[1] ?? '';
  const lines = doc.split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = /^@example (ok|not-ok)\s*$/.exec(lines[i]!)?.[1] as Example['kind'] | undefined;
    if (!kind) continue;
    const open = lines.indexOf('```yaml', i);
    const close = lines.indexOf('```', open + 1);
    examples.push({ kind, yaml: lines.slice(open + 1, close).join('\n') });
    i = close;
  }
  return examples;
}

/** Writes the example as a project: config, source/example.md, glossary, catalogs, sidecars, editions. */
function projectOf(example: Example): string {
  const document = parseDocument(example.yaml);
  const data = document.toJS() as ExampleData;
  const config = { ...DEFAULT_CONFIG, ...data.config } as { languages: string[] };
  const files: Record<string, string> = {
    'yakugo.config.yaml': JSON.stringify(config),
    'source/example.md': data.source,
  };
  // The glossary is written as the example spells it, so glossary places in messages match the example.
  const glossary = document.get('glossary', true) as { range?: [number, number, number] } | undefined;
  if (glossary?.range) files['glossary/example.yaml'] = `concepts:\n  ${example.yaml.slice(glossary.range[0], glossary.range[1]).trimEnd()}\n`;
  const { segments } = segmentMarkdown(data.source, { frontMatter: FRONT_MATTER });
  for (const lng of config.languages) {
    const translations = data[lng] as Array<string | null> | undefined;
    if (!translations && !data.orphans?.[lng]) continue;
    const entries: Array<[string, string]> = [];
    segments.forEach((segment, index) => {
      const value = translations?.[index];
      if (typeof value === 'string') entries.push([segment.key, value]);
    });
    entries.push(...Object.entries(data.orphans?.[lng] ?? {}));
    files[`locales/${lng}/example.json`] = formatCatalog(entries);
    const old = data.state?.[lng];
    const origins = data.origins?.[lng];
    if (old || origins) {
      const state = new Map(
        segments.flatMap((segment, index) => {
          const before = old ? old[index] : segment.text;
          const translation = translations?.[index];
          const origin = origins?.[index];
          if (typeof before !== 'string' || typeof translation !== 'string') return [];
          const entry = { source: shortHash(before), target: shortHash(translation) };
          return [[segment.key, typeof origin === 'string' ? { ...entry, origin } : entry] as const];
        }),
      );
      files[`locales/${lng}/example.state.yaml`] = formatState(state);
    }
  }
  for (const [lng, text] of Object.entries(data.out ?? {})) files[`out/${lng}/example.md`] = text;
  return makeProject(files);
}

function expected(example: Example): string[] {
  return [...((parseDocument(example.yaml).toJS() as ExampleData).expect ?? [])].sort();
}

beforeAll(() => {
  process.env['LC_ALL'] = 'en_US.UTF-8';
  resetMessages();
});

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id) => {
  const file = join(repositoryRoot, 'src/check/rules', `${id.replace('/', '-')}.ts`);
  const examples = examplesOf(readFileSync(file, 'utf8'));

  it('documents an ok and a not-ok example', () => {
    expect(examples.map((example) => example.kind).sort()).toEqual(['not-ok', 'ok']);
    for (const example of examples.filter((candidate) => candidate.kind === 'not-ok')) expect(expected(example).length).toBeGreaterThan(0);
  });

  it.each(examples.map((example) => [example.kind, example] as const))('%s example', async (_kind, example) => {
    const root = projectOf(example);
    const { problems } = await runCheck(loadProject(root), { rules: [id] });
    const found = problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`).sort();
    expect(found).toEqual(expected(example));
    for (const problem of problems) expect(problem.rule).toBe(id);
  });
});
