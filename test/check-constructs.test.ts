/**
 * No false positives on real Markdown: an article using every construct yakugo segments (front matter,
 * emphasis next to Japanese punctuation, reference links, autolinks, footnotes, block quotes, lists,
 * tables, images, inline HTML, escapes), translated faithfully into en and zh-Hans — in places with the
 * freedom a translator has (a reference link written inline, markup reordered) — must check clean after
 * `extract` and `build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { extract } from '../src/catalog/extract.js';
import { runCheck } from '../src/check/run.js';
import { loadProject } from '../src/config/load.js';
import { makeProject, read, repositoryRoot, write } from './helpers/project.js';

const fixture = (name: string) => readFileSync(join(repositoryRoot, 'test/fixtures/check/constructs', name), 'utf8');

it('checks clean with every Markdown construct in both languages', async () => {
  const root = makeProject({
    'yakugo.config.yaml': 'languages: [en, zh-Hans]\nrequired: [en, zh-Hans]\n',
    'source/constructs.md': fixture('source.md'),
    'glossary/ai.yaml': fixture('glossary.yaml'),
  });
  extract({ root });
  for (const lng of ['en', 'zh-Hans']) {
    const file = `locales/${lng}/constructs.json`;
    const keys = Object.keys(JSON.parse(read(root, file)) as Record<string, string>);
    const values = JSON.parse(fixture(`${lng}.json`)) as string[];
    expect(values).toHaveLength(keys.length);
    write(root, file, `${JSON.stringify(Object.fromEntries(keys.map((key, index) => [key, values[index]])), null, 2)}\n`);
  }
  build({ root });
  const { problems } = await runCheck(loadProject(root));
  expect(problems.map((problem) => `${problem.rule} ${problem.file}:${problem.line} ${problem.message}`)).toEqual([]);
});
