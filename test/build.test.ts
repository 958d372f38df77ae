import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { extract } from '../src/catalog/extract.js';
import { compareTrees } from '../src/markdown/compare.js';
import { parseMarkdown } from '../src/markdown/parse.js';
import { makeProject, read, readJson, write } from './helpers/project.js';

const article = '---\ntitle: 題名\nslug: keep-me\n---\n\n# 見出し\n\n本文の{{name}}と$t(key)です。[リンク][ref]\n\n[ref]: https://example.com\n';

/** A project with the article extracted and `translations` filled in per language (by source text). */
function projectWith(config: string, translations: Record<string, Record<string, string>>, source = article): string {
  const root = makeProject({ 'yakugo.config.yaml': config, 'source/a.md': source });
  extract({ root });
  const ja = readJson(root, 'locales/ja/a.json');
  for (const [lng, bySource] of Object.entries(translations)) {
    const catalog = Object.fromEntries(Object.entries(ja).map(([key, text]) => [key, bySource[text] ?? '']));
    write(root, `locales/${lng}/a.json`, JSON.stringify(catalog, null, 2));
  }
  return root;
}

const english = { 題名: 'Title', 見出し: 'Heading', '本文の{{name}}と$t(key)です。[リンク][ref]': 'Text with {{name}} and $t(key). [Link][ref]' };

describe('build', () => {
  it('writes every edition, resolving translations and leaving {{…}} and $t(…) alone', () => {
    const root = projectWith('languages: [en]\nrequired: [en]\n', { en: english });
    const result = build({ root });
    expect(result.missing).toEqual([]);
    const en = read(root, 'out/en/a.md');
    expect(en).toBe('---\ntitle: Title\nslug: keep-me\n---\n\n# Heading\n\nText with {{name}} and $t(key). [Link][ref]\n\n[ref]: https://example.com\n');
    expect(compareTrees(parseMarkdown(article), parseMarkdown(read(root, 'out/ja/a.md')))).toBeUndefined();
  });

  it('is idempotent and deterministic: a second build writes nothing and the bytes are the same', () => {
    const root = projectWith('languages: [en]\n', { en: english });
    build({ root });
    const first = read(root, 'out/en/a.md');
    const again = build({ root });
    expect(again.editions.every((edition) => edition.status === 'unchanged')).toBe(true);
    expect(read(root, 'out/en/a.md')).toBe(first);
  });

  it('fails for a required language with missing translations, listing the keys, and writes no edition for it', () => {
    const root = projectWith('languages: [en]\nrequired: [en]\n', { en: { 題名: 'Title' } });
    const result = build({ root });
    expect(result.missing).toHaveLength(1);
    expect(result.missing[0]?.keys).toEqual(Object.keys(readJson(root, 'locales/ja/a.json')).slice(1));
    expect(existsSync(join(root, 'out/en/a.md'))).toBe(false);
  });

  it('falls back to the source text for an optional language and says so', () => {
    const root = projectWith('languages: [en]\n', { en: { 題名: 'Title' } });
    const result = build({ root });
    expect(result.missing).toEqual([]);
    expect(result.editions.find((edition) => edition.lng === 'en')?.fallback).toHaveLength(2);
    expect(read(root, 'out/en/a.md')).toContain('# 見出し');
  });

  it('does not build an optional language below its threshold', () => {
    const root = projectWith('languages: [en]\nthreshold: { en: 80 }\n', { en: { 題名: 'Title' } });
    const result = build({ root });
    expect(result.editions.find((edition) => edition.lng === 'en')?.belowThreshold).toEqual({ percent: 33.3, threshold: 80 });
    expect(existsSync(join(root, 'out/en/a.md'))).toBe(false);
  });

  it('follows fallback chains: en-GB takes what it lacks from en', () => {
    const root = projectWith('languages: [en, en-GB]\nrequired: [en-GB]\n', { en: english, 'en-GB': { 題名: 'Title (GB)' } });
    const result = build({ root });
    expect(result.missing).toEqual([]);
    expect(read(root, 'out/en-GB/a.md')).toContain('title: Title (GB)');
    expect(read(root, 'out/en-GB/a.md')).toContain('# Heading');
  });

  it('accepts a BOM and CRLF line endings', () => {
    const source = `\ufeff${article.replace(/\n/g, '\r\n')}`;
    const root = projectWith('languages: [en]\n', { en: english }, source);
    build({ root });
    expect(read(root, 'out/en/a.md')).toContain('Text with {{name}} and $t(key). [Link][ref]');
  });

  it('builds nested articles into the same folders under out/', () => {
    const root = makeProject({ 'source/news/2025/b.md': '本文。\n' });
    extract({ root });
    build({ root });
    // The editions, and build's record of what each was rendered from.
    expect(readdirSync(join(root, 'out'))).toEqual(['.yakugo-build.json', 'en', 'ja', 'zh-Hans']);
    expect(read(root, 'out/ja/news/2025/b.md')).toBe('本文。\n');
  });

  it('refuses an article outside the source folder, writing nothing', () => {
    const root = makeProject({ 'source/a.md': '本文。\n', 'elsewhere/b.md': '外。\n' });
    expect(() => build({ root, files: [join(root, 'elsewhere/b.md')] })).toThrow(/elsewhere\/b\.md: article is outside the source folder/);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('refuses to write through a symbolic link that leads outside out/', () => {
    const root = makeProject({ 'source/a.md': '本文。\n', 'outside/.keep': '' });
    mkdirSync(join(root, 'out'));
    symlinkSync(join(root, 'outside'), join(root, 'out/ja'));
    expect(() => build({ root })).toThrow(/leads outside out through a symbolic link/);
    expect(readdirSync(join(root, 'outside'))).toEqual(['.keep']);
  });

  it('reports a translation that cannot be placed at its catalog entry, and still writes every other edition', () => {
    const root = projectWith('languages: [en]\n', { en: { ...english, 見出し: 'Two\n\nparagraphs' } });
    const result = build({ root });
    expect(result.failures).toHaveLength(1);
    const [failure] = result.failures;
    expect(`${failure?.file}:${failure?.line}:${failure?.column}: ${failure?.message}`).toMatch(
      /^locales\/en\/a\.json:3:\d+: heading\.[0-9a-f]{8} \(source\/a\.md:6\): a heading must stay on one line/,
    );
    expect(failure?.lng).toBe('en');
    expect(existsSync(join(root, 'out/en/a.md'))).toBe(false);
    expect(read(root, 'out/ja/a.md')).toBe(article);
    expect(result.editions.find((edition) => edition.lng === 'en')?.status).toBe('failed');
  });

  it('one bad article never stops the others: bad front matter, a bad catalog, a translation that does not fit', () => {
    const root = makeProject({
      'yakugo.config.yaml': 'languages: [en]\n',
      'source/a-front.md': '---\ntitle: "unclosed\n---\n\n本文\n',
      'source/b-catalog.md': '本文です。\n',
      'source/c-fits.md': '# 見出し\n\n本文です。\n',
      'source/d-good.md': '良い記事です。\n',
    });
    write(root, 'source/a-front.md', '本文\n');
    extract({ root });
    write(root, 'source/a-front.md', '---\ntitle: "unclosed\n---\n\n本文\n');
    write(root, 'locales/en/b-catalog.json', '{ "paragraph": ');
    const c = readJson(root, 'locales/en/c-fits.json');
    write(root, 'locales/en/c-fits.json', JSON.stringify(Object.fromEntries(Object.keys(c).map((key) => [key, key.startsWith('heading') ? 'A\nB' : 'Text.']))));
    const d = readJson(root, 'locales/en/d-good.json');
    write(root, 'locales/en/d-good.json', JSON.stringify(Object.fromEntries(Object.keys(d).map((key) => [key, 'A good article.']))));

    const result = build({ root });
    const places = result.failures.map((failure) => `${failure.article} ${failure.lng ?? '-'} ${failure.file}:${failure.line}`);
    expect(places).toEqual(['source/a-front.md - source/a-front.md:2', 'source/b-catalog.md en locales/en/b-catalog.json:1', 'source/c-fits.md en locales/en/c-fits.json:1']);
    expect(read(root, 'out/en/d-good.md')).toBe('A good article.\n');
    expect(read(root, 'out/ja/b-catalog.md')).toBe('本文です。\n');
    expect(read(root, 'out/ja/c-fits.md')).toBe('# 見出し\n\n本文です。\n');
    for (const missing of ['out/ja/a-front.md', 'out/en/a-front.md', 'out/en/b-catalog.md', 'out/en/c-fits.md']) {
      expect(existsSync(join(root, missing)), missing).toBe(false);
    }
    expect(result.languages.find((summary) => summary.lng === 'en')?.failed).toBe(2);
  });
});
