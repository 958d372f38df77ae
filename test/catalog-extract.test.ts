import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/catalog/extract.js';
import { isStale, isUnreviewed, readState } from '../src/catalog/state.js';
import type { ArticleFailure } from '../src/project/failure.js';
import { makeProject, read, readJson, write } from './helpers/project.js';

const config = 'languages: [en, zh-Hans]\nrequired: [en]\n';
const article = '---\ntitle: 題名\n---\n\n# 見出し\n\n一段落目です。\n\n二段落目は長めの文章で、蒸留という技術について説明しています。\n';

function keysOf(root: string, lng: string): string[] {
  return Object.keys(readJson(root, `locales/${lng}/a.json`));
}

/** A project whose translated first paragraph was then removed from the source (extract not yet run). */
function translateThenRemoveFirstParagraph(): { root: string; removedKey: string } {
  const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article });
  extract({ root });
  const before = readJson(root, 'locales/en/a.json');
  const removedKey = Object.keys(before)[2]!;
  write(root, 'locales/en/a.json', JSON.stringify({ ...before, [removedKey]: 'This is the first paragraph.' }, null, 2));
  write(root, 'source/a.md', article.replace('一段落目です。\n\n', ''));
  return { root, removedKey };
}

describe('extract', () => {
  it('writes the source catalog and empty entries in every target catalog, in document order', () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article });
    extract({ root });
    const source = readJson(root, 'locales/ja/a.json');
    expect(Object.values(source)).toEqual(['題名', '見出し', '一段落目です。', '二段落目は長めの文章で、蒸留という技術について説明しています。']);
    expect(readJson(root, 'locales/en/a.json')).toEqual(Object.fromEntries(Object.keys(source).map((key) => [key, ''])));
    expect(keysOf(root, 'zh-Hans')).toEqual(Object.keys(source));
  });

  it('is idempotent: a second run changes no file', () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article });
    extract({ root });
    expect(extract({ root }).written).toEqual([]);
  });

  it('never overwrites a translation and adds new keys where paragraphs were inserted', () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article });
    extract({ root });
    const keys = keysOf(root, 'en');
    const translated = Object.fromEntries(keys.map((key, index) => [key, `English ${index}`]));
    write(root, 'locales/en/a.json', JSON.stringify(translated, null, 2));
    write(root, 'source/a.md', article.replace('一段落目です。', '一段落目です。\n\n新しく入れた段落です。'));
    const result = extract({ root });
    const en = readJson(root, 'locales/en/a.json');
    for (const [key, value] of Object.entries(translated)) expect(en[key]).toBe(value);
    expect(result.languages.find((report) => report.lng === 'en')?.added).toHaveLength(1);
    expect(Object.values(en).filter((value) => value === '')).toHaveLength(1);
  });

  it('carries the translation of an edited paragraph to its new key and marks it stale', () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article });
    extract({ root });
    const before = readJson(root, 'locales/en/a.json');
    const oldKey = Object.keys(before)[3]!;
    write(root, 'locales/en/a.json', JSON.stringify({ ...before, [oldKey]: 'The second paragraph explains distillation.' }, null, 2));
    extract({ root });
    write(root, 'source/a.md', article.replace('説明しています。', '詳しく説明しています。'));
    const result = extract({ root });
    const report = result.languages.find((entry) => entry.lng === 'en')!;
    expect(report.carried).toHaveLength(1);
    expect(report.carried[0]?.from).toBe(oldKey);
    const en = readJson(root, 'locales/en/a.json');
    const newKey = report.carried[0]!.to;
    expect(en[newKey]).toBe('The second paragraph explains distillation.');
    expect(oldKey in en).toBe(false);
    const state = readState(`${root}/locales/en/a.state.yaml`, 'a.state.yaml');
    const sourceText = readJson(root, 'locales/ja/a.json')[newKey]!;
    expect(isStale(state.get(newKey), sourceText, en[newKey]!)).toBe(true);
    // Editing the translation counts as reviewing it.
    write(root, 'locales/en/a.json', JSON.stringify({ ...en, [newKey]: 'The second paragraph explains distillation in detail.' }, null, 2));
    extract({ root });
    const after = readState(`${root}/locales/en/a.state.yaml`, 'a.state.yaml');
    expect(isStale(after.get(newKey), sourceText, 'The second paragraph explains distillation in detail.')).toBe(false);
  });

  it('keeps the translation of a removed paragraph and reports it', () => {
    const { root, removedKey } = translateThenRemoveFirstParagraph();
    const result = extract({ root });
    expect(result.languages.find((entry) => entry.lng === 'en')?.orphans.map((orphan) => orphan.key)).toEqual([removedKey]);
    expect(readJson(root, 'locales/en/a.json')[removedKey]).toBe('This is the first paragraph.');
  });

  it('removes the translation of a removed paragraph only when --prune is asked for', () => {
    const { root, removedKey } = translateThenRemoveFirstParagraph();
    extract({ root });
    expect(readJson(root, 'locales/en/a.json')[removedKey]).toBe('This is the first paragraph.');
    const pruned = extract({ root, prune: true });
    expect(pruned.languages.find((entry) => entry.lng === 'en')?.pruned).toEqual([removedKey]);
    expect(removedKey in readJson(root, 'locales/en/a.json')).toBe(false);
  });

  it('extracts the other articles when one catalog is invalid, and leaves every file of that article as it is', () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article, 'source/b.md': '本文。\n', 'locales/en/b.json': '{ "x": 1 }' });
    const result = extract({ root });
    expect(result.failures.map(failureText)).toEqual([expect.stringMatching(/^locales\/en\/b\.json:1:8: the value of "x" must be a string/)]);
    expect(result.failures[0]!.article).toBe('source/b.md');
    expect(result.articles.map((entry) => entry.id)).toEqual(['a']);
    expect(Object.values(readJson(root, 'locales/ja/a.json'))).toContain('一段落目です。');
    expect(read(root, 'locales/en/b.json')).toBe('{ "x": 1 }');
    expect(() => read(root, 'locales/ja/b.json')).toThrow();
    expect(() => read(root, 'locales/zh-Hans/b.json')).toThrow();
  });

  it('extracts the other articles when one source file cannot be read, and names its place', () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article, 'source/b.md': '---\ntitle: [unclosed\n---\n\n本文。\n' });
    const result = extract({ root });
    expect(result.failures).toHaveLength(1);
    expect(failureText(result.failures[0]!)).toMatch(/^source\/b\.md:\d+:\d+: /);
    expect(Object.keys(readJson(root, 'locales/en/a.json'))).toHaveLength(4);
    expect(() => read(root, 'locales/ja/b.json')).toThrow();
  });
});

function failureText(failure: ArticleFailure): string {
  return `${failure.where}: ${failure.message}`;
}

describe('catalog errors name file, line and column', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['invalid JSON', '{\n  "a": "x",\n}', /locales\/en\/a\.json:3:1: invalid JSON/],
    ['a value that is not a string', '{\n  "a": ["x"]\n}', /locales\/en\/a\.json:2:8: the value of "a" must be a string/],
    ['a key given twice', '{\n  "a": "x",\n  "a": "y"\n}', /locales\/en\/a\.json:3:3: key "a" appears twice/],
    ['a root that is not an object', '[]', /locales\/en\/a\.json:1:1: a catalog must be a JSON object/],
  ];
  for (const [name, contents, message] of cases) {
    it(name, () => {
      const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article, 'locales/en/a.json': contents });
      expect(extract({ root }).failures.map(failureText)).toEqual([expect.stringMatching(message)]);
    });
  }

  it('a file that is not UTF-8', () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': '' });
    writeFileSync(`${root}/source/a.md`, Buffer.concat([Buffer.from('一行目\n二行目', 'utf8'), Buffer.from([0xff]), Buffer.from('\n')]));
    expect(extract({ root }).failures.map(failureText)).toEqual(['source/a.md:2:4: not UTF-8: invalid byte 0xff']);
  });
});

describe('machine-draft origin in the sidecar', () => {
  it('survives extract while the draft is untouched, and is dropped when a person edits the translation', () => {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article });
    extract({ root });
    const catalog = readJson(root, 'locales/en/a.json');
    const key = Object.keys(catalog)[2]!;
    write(root, 'locales/en/a.json', JSON.stringify({ ...catalog, [key]: 'The first paragraph.' }, null, 2));
    extract({ root });
    const recorded = readState(`${root}/locales/en/a.state.yaml`, 'a.state.yaml').get(key)!;
    write(root, 'locales/en/a.state.yaml', read(root, 'locales/en/a.state.yaml').replace(`target: "${recorded.target}" }`, `target: "${recorded.target}", origin: "machine:openai/gpt-4o" }`));

    extract({ root });
    const draft = readState(`${root}/locales/en/a.state.yaml`, 'a.state.yaml').get(key);
    expect(draft?.origin).toBe('machine:openai/gpt-4o');
    expect(isUnreviewed(draft, 'The first paragraph.')).toBe(true);

    write(root, 'locales/en/a.json', JSON.stringify({ ...readJson(root, 'locales/en/a.json'), [key]: 'This is the first paragraph.' }, null, 2));
    extract({ root });
    const reviewed = readState(`${root}/locales/en/a.state.yaml`, 'a.state.yaml').get(key);
    expect(reviewed?.origin).toBeUndefined();
    expect(isUnreviewed(reviewed, 'This is the first paragraph.')).toBe(false);
  });

  it('refuses an origin that is not a string, at its line', () => {
    const root = makeProject({ 'locales/en/a.state.yaml': '"paragraph.1": { source: "a", target: "b", origin: 3 }\n' });
    expect(() => readState(`${root}/locales/en/a.state.yaml`, 'locales/en/a.state.yaml')).toThrow(/locales\/en\/a\.state\.yaml:1:1: .*origin/);
  });
});

describe('draft origin and translator notes across edits', () => {
  /** A project with the long paragraph translated, and its sidecar entry given `extra` (`origin: …`, `note: …`). */
  function translatedLongParagraph(extra: string): { root: string; key: string } {
    const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': article });
    extract({ root });
    const key = keysOf(root, 'en')[3]!;
    write(root, 'locales/en/a.json', JSON.stringify({ ...readJson(root, 'locales/en/a.json'), [key]: 'The second paragraph explains distillation.' }, null, 2));
    extract({ root });
    write(root, 'locales/en/a.state.yaml', read(root, 'locales/en/a.state.yaml').replace(/(target: "[0-9a-f]+") \}\n$/, `$1, ${extra} }\n`));
    return { root, key };
  }

  it('a machine draft carried to the edited paragraph’s new key stays an unreviewed draft, and stale', () => {
    const { root, key } = translatedLongParagraph('origin: "machine:deepl/quality_optimized"');
    write(root, 'source/a.md', article.replace('説明しています。', '詳しく説明しています。'));
    extract({ root });
    const newKey = keysOf(root, 'en')[3]!;
    expect(newKey).not.toBe(key);
    const entry = readState(`${root}/locales/en/a.state.yaml`, 'a.state.yaml').get(newKey);
    expect(entry?.origin).toBe('machine:deepl/quality_optimized');
    expect(isStale(entry, '二段落目は長めの文章で、蒸留という技術について詳しく説明しています。', 'The second paragraph explains distillation.')).toBe(true);
  });

  it('a translator’s note is kept through extract, an edit of the translation and a carry to a new key', () => {
    const { root } = translatedLongParagraph('note: "2024 is kept as the source has it"');
    const noteOf = () => readState(`${root}/locales/en/a.state.yaml`, 'a.state.yaml').get(keysOf(root, 'en')[3]!)?.note;
    extract({ root });
    expect(noteOf()).toBe('2024 is kept as the source has it');
    const key = keysOf(root, 'en')[3]!;
    write(root, 'locales/en/a.json', JSON.stringify({ ...readJson(root, 'locales/en/a.json'), [key]: 'The second paragraph is about distillation.' }, null, 2));
    extract({ root });
    expect(noteOf()).toBe('2024 is kept as the source has it');
    write(root, 'source/a.md', article.replace('説明しています。', '詳しく説明しています。'));
    extract({ root });
    expect(keysOf(root, 'en')[3]).not.toBe(key);
    expect(noteOf()).toBe('2024 is kept as the source has it');
    expect(read(root, 'locales/en/a.state.yaml')).toContain(', note: "2024 is kept as the source has it" }');
  });

  it('refuses a note that is not a string, at its line', () => {
    const root = makeProject({ 'locales/en/a.state.yaml': '"paragraph.1": { source: "a", target: "b", note: [x] }\n' });
    expect(() => readState(`${root}/locales/en/a.state.yaml`, 'locales/en/a.state.yaml')).toThrow(/locales\/en\/a\.state\.yaml:1:1: .*note/);
  });
});
