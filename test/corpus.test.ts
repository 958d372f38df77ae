/**
 * The real Japanese documentation pages of shared/corpus (VitePress Markdown and Astro MDX), copied into a
 * throw-away project: every page extracts and builds, the source edition of every page is its file byte
 * for byte, and a pseudo-translated edition of every page has exactly the source's structure.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { extract } from '../src/catalog/extract.js';
import { parseMarkdown, syntaxOf } from '../src/markdown/parse.js';
import { makeProject, read, readJson, repositoryRoot, write } from './helpers/project.js';
import { shapeOf } from './helpers/shape.js';

/** shared/ lies beside the repository (in CI and on the team's machines). */
const corpus = [join(repositoryRoot, '..', 'shared', 'corpus'), join(repositoryRoot, '..', '..', 'shared', 'corpus')].find((dir) => existsSync(dir));

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u30FC\u3005]/u;

/** Each Japanese character replaced by another Han character; the rest (and markup) untouched. */
function swap(text: string): string {
  return [...text].map((char) => (JAPANESE.test(char) ? String.fromCodePoint(0x4e00 + ((char.codePointAt(0)! * 7919) % 20000)) : char)).join('');
}

/**
 * A pseudo-translation that leaves markup as it is: link destinations, code spans, tags and
 * `{expressions}` keep their bytes, every other run of Japanese changes (link texts and reference labels too).
 */
function pseudoTranslate(text: string): string {
  return text
    .split(/(\]\([^)]*\)|`+[^`]*`+|<[^>]*>|\{[^}]*\}|https?:\/\/\S+)/)
    .map((part, index) => (index % 2 === 1 ? part : swap(part)))
    .join('');
}

describe('the real pages of shared/corpus', () => {
  // Not a silent skip: a checkout without the corpus beside it fails here, saying where it looked.
  it('finds shared/corpus beside the repository', () => {
    expect(corpus, `no shared/corpus in ${join(repositoryRoot, '..')} or ${join(repositoryRoot, '..', '..')}`).toBeDefined();
  });
  if (corpus === undefined) return;
  const root = makeProject({ 'yakugo.config.yaml': 'languages: [en]\n' });
  const files: string[] = [];
  for (const dir of readdirSync(corpus!).sort()) {
    if (dir.includes('.')) continue;
    for (const name of readdirSync(join(corpus!, dir)).sort()) {
      if (!/\.mdx?$/.test(name)) continue;
      // yakugo skips hidden files and folders, as site generators do: `.github__x.md` is copied as `github__x.md`.
      const file = `${dir}/${name.replace(/^\.+/, '')}`;
      mkdirSync(join(root, 'source', dir), { recursive: true });
      cpSync(join(corpus!, dir, name), join(root, 'source', file));
      files.push(file);
    }
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('holds both kinds of page', () => {
    expect(files.filter((file) => file.endsWith('.mdx')).length).toBeGreaterThan(100);
    expect(files.filter((file) => file.endsWith('.md')).length).toBeGreaterThan(50);
  });

  it('every page extracts and builds: the source edition is its file byte for byte, a pseudo-translated one has its structure', () => {
    const extracted = extract({ root });
    expect(extracted.articles).toHaveLength(files.length);
    for (const file of files) {
      const catalog = `locales/en/${file.replace(/\.mdx?$/, '.json')}`;
      const source = readJson(root, `locales/ja/${file.replace(/\.mdx?$/, '.json')}`);
      write(root, catalog, JSON.stringify(Object.fromEntries(Object.entries(source).map(([key, text]) => [key, pseudoTranslate(text)]))));
    }
    const result = build({ root });
    expect(result.failures).toEqual([]);
    for (const file of files) {
      const sourceText = read(root, `source/${file}`);
      expect(readFileSync(join(root, 'out/ja', file)).equals(readFileSync(join(root, 'source', file))), file).toBe(true);
      const edition = read(root, `out/en/${file}`);
      // A page whose segments the pseudo-translation changes (a few pages are still in English) has changed.
      const changed = Object.values(readJson(root, `locales/ja/${file.replace(/\.mdx?$/, '.json')}`)).some((text) => pseudoTranslate(text) !== text);
      expect(edition !== sourceText, file).toBe(changed);
      const syntax = syntaxOf(file);
      expect(shapeOf(parseMarkdown(edition, syntax)), file).toBe(shapeOf(parseMarkdown(sourceText, syntax)));
    }
  }, 600_000);
});
