import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../src/catalog/extract.js';
import { loadProject } from '../src/config/load.js';
import { buildReview } from '../src/review/model.js';
import { exportXliff } from '../src/xliff/export.js';
import { makeProject, readJson, write } from './helpers/project.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const before = '# 題名\n\n蒸留は小さなモデルを作る技術です。\n';
const after = '# 題名\n\n蒸留は小さなモデルを安く作る技術です。\n';

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-C', root, '-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { stdio: 'ignore' });
}

/** A project in git whose translated paragraph was edited and re-extracted: the old text is only in git. */
function editedAfterCommit(): string {
  const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n', 'source/a.md': before });
  roots.push(root);
  extract({ root });
  const en = readJson(root, 'locales/en/a.json');
  const [heading, paragraph] = Object.keys(en);
  write(root, 'locales/en/a.json', `${JSON.stringify({ [heading!]: 'Title', [paragraph!]: 'Distillation is a technique for making small models.' }, null, 2)}\n`);
  extract({ root });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'translated');
  write(root, 'source/a.md', after);
  extract({ root });
  git(root, 'commit', '-q', '-a', '-m', 'source edited');
  return root;
}

describe('the source a stale translation was made from', () => {
  it('is found by its sidecar hash in the git history of the source catalog, for XLIFF and the review page', async () => {
    const root = editedAfterCommit();
    expect(Object.values(readJson(root, 'locales/ja/a.json'))).not.toContain('蒸留は小さなモデルを作る技術です。');
    const [document] = await exportXliff(loadProject(root));
    expect(document!.text).toContain('<note category="previous-source" appliesTo="source">previous source: 蒸留は小さなモデルを作る技術です。</note>');
    const [page] = await buildReview(loadProject(root));
    const row = page!.rows.find((candidate) => candidate.status === 'stale');
    expect(row?.previousSource).toBe('蒸留は小さなモデルを作る技術です。');
  });

  it('is absent, not guessed, without git history', async () => {
    const root = editedAfterCommit();
    rmSync(`${root}/.git`, { recursive: true, force: true });
    const [document] = await exportXliff(loadProject(root));
    expect(document!.text).toContain('subState="yakugo:stale"');
    expect(document!.text).not.toContain('previous-source');
    const [page] = await buildReview(loadProject(root));
    expect(page!.rows.find((candidate) => candidate.status === 'stale')?.previousSource).toBeUndefined();
  });
});

describe("a translator's note on a sidecar entry", () => {
  it('goes into the XLIFF unit notes and under the translation on the review page', async () => {
    const root = editedAfterCommit();
    const file = 'locales/en/a.state.yaml';
    const state = readFileSync(`${root}/${file}`, 'utf8').replace(/^("heading\.[0-9a-f]+": \{ .*) \}$/m, '$1, note: "The title stays short on purpose." }');
    writeFileSync(`${root}/${file}`, state);
    const [document] = await exportXliff(loadProject(root));
    expect(document!.text).toMatch(/name="heading\.[0-9a-f]+">\s*<notes>[\s\S]*?<note category="translator" appliesTo="target">The title stays short on purpose\.<\/note>/);
    const [page] = await buildReview(loadProject(root));
    expect(page!.rows.find((row) => row.key.startsWith('heading.'))?.note).toBe('The title stays short on purpose.');
  });
});
