/**
 * Mutations of the shipped translations, each made in a temporary copy of the repository: every one must
 * be caught by the right rule at the right line of the right file, and nothing else may change except
 * `edition/outdated` (any catalog edit makes the committed editions outdated until `yakugo build`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import { extract } from '../src/catalog/extract.js';
import { runCheck } from '../src/check/run.js';
import type { Problem } from '../src/check/types.js';
import { resetMessages } from '../src/util/i18n.js';
import { loadProject } from '../src/config/load.js';
import { copyRepository, read, repositoryRoot, write } from './helpers/project.js';

const EN = 'locales/en/deepseek-shock.json';
const EN_DISTILLATION = 'locales/en/explainers/distillation.json';

/** A problem as a comparable line. */
function line(problem: Problem): string {
  return `${problem.rule} ${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}

async function problemsOf(root: string): Promise<Problem[]> {
  return (await runCheck(loadProject(root))).problems;
}

/** Problems after `mutate` that were not there before, edition/outdated left out. */
async function newProblems(mutate: (root: string) => void): Promise<Problem[]> {
  const root = copyRepository();
  const before = new Set((await problemsOf(root)).map(line));
  mutate(root);
  return (await problemsOf(root)).filter((problem) => !before.has(line(problem)) && problem.rule !== 'edition/outdated');
}

/** 1-based line of `key` in a catalog file. */
function lineOfKey(root: string, file: string, key: string): number {
  const index = read(root, file)
    .split('\n')
    .findIndex((text) => text.startsWith(`  ${JSON.stringify(key)}:`));
  expect(index, `${key} in ${file}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** Key of the first catalog entry whose value contains `text`. */
function keyContaining(root: string, file: string, text: string): string {
  const entry = Object.entries(JSON.parse(read(root, file)) as Record<string, string>).find(([, value]) => value.includes(text));
  expect(entry, `an entry of ${file} containing ${text}`).toBeDefined();
  return entry![0];
}

/** Replaces `from` by `to` in the value of `key` (the first occurrence). */
function editEntry(root: string, file: string, key: string, edit: (value: string) => string): void {
  const catalog = JSON.parse(read(root, file)) as Record<string, string>;
  const next = edit(catalog[key]!);
  expect(next).not.toBe(catalog[key]);
  catalog[key] = next;
  write(root, file, `${JSON.stringify(catalog, null, 2)}\n`);
}

function summary(problems: Problem[]): string[] {
  return problems.map((problem) => `${problem.rule} ${problem.file}:${problem.line}`).sort();
}

beforeAll(() => {
  process.env['LC_ALL'] = 'en_US.UTF-8';
  resetMessages();
});

describe('mutations of the shipped English translation', () => {
  it('a glossary term’s translation removed → term/untranslated at that entry, naming both places', async () => {
    let key = '';
    let at = 0;
    const found = await newProblems((root) => {
      key = keyContaining(root, EN, 'known as “distillation');
      at = lineOfKey(root, EN, key);
      editEntry(root, EN, key, (value) => value.replace(/a technique known as “distillation(,?)”/, 'a clever technique$1'));
    });
    expect(summary(found)).toEqual([`term/untranslated ${EN}:${at}`]);
    const [problem] = found;
    expect(problem).toMatchObject({ lng: 'en', key, concept: 'distillation', severity: 'error' });
    expect(problem!.source!.file).toBe('source/deepseek-shock.md');
    expect(problem!.message).toMatch(new RegExp(`^“蒸留” is not translated as “distillation”.* in ${EN}:${at}:\\d+ \\(source: source/deepseek-shock\\.md:\\d+:\\d+\\)$`));
    // The source place is the word itself.
    const sourceLine = read(repositoryRoot, 'source/deepseek-shock.md').split('\n')[problem!.source!.line - 1]!;
    expect(sourceLine.slice(problem!.source!.column - 1)).toMatch(/^蒸留/);
  });

  it('a Japanese word left in → text/untranslated at that entry', async () => {
    let at = 0;
    const found = await newProblems((root) => {
      const key = keyContaining(root, EN, 'sent shockwaves through');
      at = lineOfKey(root, EN, key);
      editEntry(root, EN, key, (value) => value.replace('sent shockwaves through', 'sent 激震 through'));
    });
    expect(summary(found)).toEqual([`text/untranslated ${EN}:${at}`]);
    expect(found[0]!.message).toBe('Japanese text “激震” left in the en translation');
  });

  it('a link URL changed → markup/mismatch at that entry, and the edition is not built (its links must be the source’s)', async () => {
    let at = 0;
    const found = await newProblems((root) => {
      const key = keyContaining(root, EN_DISTILLATION, '](https://arxiv.org/abs/1503.02531');
      at = lineOfKey(root, EN_DISTILLATION, key);
      editEntry(root, EN_DISTILLATION, key, (value) => value.replace('https://arxiv.org/abs/1503.02531', 'https://arxiv.org/abs/1503.02532'));
    });
    expect(summary(found)).toEqual([`edition/unbuildable ${EN_DISTILLATION}:${at}`, `markup/mismatch ${EN_DISTILLATION}:${at}`]);
    expect(found.find((problem) => problem.rule === 'markup/mismatch')!.message).toBe(
      'Link URLs differ from the source: missing “https://arxiv.org/abs/1503.02531”, unexpected “https://arxiv.org/abs/1503.02532”',
    );
    expect(found.find((problem) => problem.rule === 'edition/unbuildable')!.message).toContain(
      'missing link https://arxiv.org/abs/1503.02531; unexpected link https://arxiv.org/abs/1503.02532',
    );
  });

  it('a segment emptied → segment/missing (an error: en is required) at that entry', async () => {
    let at = 0;
    const found = await newProblems((root) => {
      const key = keyContaining(root, EN, 'astonishingly');
      at = lineOfKey(root, EN, key);
      editEntry(root, EN, key, () => '');
    });
    expect(summary(found)).toEqual([`segment/missing ${EN}:${at}`]);
    expect(found[0]).toMatchObject({ severity: 'error', lng: 'en' });
  });

  it('a forbidden term used → term/forbidden at that entry, giving the preferred term', async () => {
    let at = 0;
    const found = await newProblems((root) => {
      // The shipped glossary has no forbidden English term yet: forbid “precision” for 精度 in the copy.
      const document = parseDocument(read(root, 'glossary/deepseek.yaml'));
      const concepts = document.get('concepts');
      expect(isSeq(concepts)).toBe(true);
      const accuracy = (concepts as { items: unknown[] }).items.find((item) => isMap(item) && item.get('id') === 'accuracy');
      expect(accuracy).toBeDefined();
      (accuracy as { set(key: string, value: unknown): void }).set('en', ['accuracy', { term: 'precision', status: 'forbidden' }]);
      write(root, 'glossary/deepseek.yaml', document.toString());
      const key = keyContaining(root, EN, 'high accuracy');
      at = lineOfKey(root, EN, key);
      editEntry(root, EN, key, (value) => value.replace('high accuracy', 'high accuracy and precision'));
    });
    expect(summary(found)).toEqual([`term/forbidden ${EN}:${at}`]);
    expect(found[0]!.message).toBe('“precision” is a forbidden en term (concept accuracy): use “accuracy”');
  });

  it('the source paragraph edited after translation, then extract → segment/stale at the carried entry', async () => {
    let at = 0;
    const found = await newProblems((root) => {
      const source = read(root, 'source/deepseek-shock.md');
      write(root, 'source/deepseek-shock.md', source.replace('わずか 2 ヶ月という短期間', 'わずか 2 ヶ月足らずという短期間'));
      extract({ root });
      at = lineOfKey(root, EN, keyContaining(root, EN, 'astonishingly'));
    });
    const stale = found.filter((problem) => problem.file === EN);
    expect(summary(stale)).toEqual([`segment/stale ${EN}:${at}`]);
    expect(stale[0]!.message).toMatch(/^The source of this en translation changed after it was written: “中国の AI スタートアップ/);
    // zh-Hans was carried over the same way.
    expect(found.filter((problem) => problem.file !== EN).map((problem) => problem.rule)).toEqual(['segment/stale']);
  });

  it('the source paragraph edited after translation, before extract → the orphaned entry is stale and the new key missing', async () => {
    let at = 0;
    const found = await newProblems((root) => {
      at = lineOfKey(root, EN, keyContaining(root, EN, 'astonishingly'));
      const source = read(root, 'source/deepseek-shock.md');
      write(root, 'source/deepseek-shock.md', source.replace('わずか 2 ヶ月という短期間', 'わずか 2 ヶ月足らずという短期間'));
    });
    const en = found.filter((problem) => problem.file === EN);
    expect(summary(en)).toEqual([`segment/missing ${EN}:1`, `segment/stale ${EN}:${at}`]);
    const stale = en.find((problem) => problem.rule === 'segment/stale')!;
    expect(stale.message).toMatch(/its source text probably became “中国の AI スタートアップ DeepSeek が/);
  });

  it('a translation that cannot be placed in the edition → reported at its entry, not a crash', async () => {
    let headingLine = 0;
    let paragraphLine = 0;
    const root = copyRepository();
    const before = new Set((await problemsOf(root)).map(line));
    const heading = Object.keys(JSON.parse(read(root, EN_DISTILLATION)) as Record<string, string>).find((key) => key.startsWith('heading.'))!;
    headingLine = lineOfKey(root, EN_DISTILLATION, heading);
    editEntry(root, EN_DISTILLATION, heading, (value) => value.replace(' ', '\n'));
    const paragraph = keyContaining(root, EN_DISTILLATION, '](https://arxiv.org/abs/1503.02531');
    paragraphLine = lineOfKey(root, EN_DISTILLATION, paragraph);
    editEntry(root, EN_DISTILLATION, paragraph, (value) => `${value}\n\nA second paragraph.`);
    const found = (await problemsOf(root)).filter((problem) => !before.has(line(problem)));
    expect(summary(found)).toEqual([`edition/unbuildable ${EN_DISTILLATION}:${headingLine}`, `markup/mismatch ${EN_DISTILLATION}:${paragraphLine}`]);
    expect(found.find((problem) => problem.rule === 'edition/unbuildable')).toMatchObject({ key: heading, lng: 'en' });
    expect(found.find((problem) => problem.rule === 'edition/unbuildable')!.message).toMatch(/a heading must stay on one line$/);
  });

  it('an edition edited by hand → edition/outdated at the first changed line', async () => {
    const root = copyRepository();
    const before = (await problemsOf(root)).filter((problem) => problem.rule === 'edition/outdated').map(line);
    const edition = read(root, 'out/en/deepseek-shock.md').split('\n');
    const target = edition.findIndex((text) => text.includes('astonishingly'));
    edition[target] = edition[target]!.replace('astonishingly', 'remarkably');
    write(root, 'out/en/deepseek-shock.md', edition.join('\n'));
    const after = (await problemsOf(root)).filter((problem) => problem.rule === 'edition/outdated' && !before.includes(line(problem)));
    expect(after.map((problem) => `${problem.file}:${problem.line}`)).toEqual([`out/en/deepseek-shock.md:${target + 1}`]);
    expect(after[0]!.column).toBe(edition[target]!.indexOf('remarkably') + 1);
  });
});
