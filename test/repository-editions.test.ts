import { describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../src/markdown/parse.js';
import { listArticles, loadArticle } from '../src/project/articles.js';
import { loadProject } from '../src/config/load.js';
import { repositoryRoot, read } from './helpers/project.js';
import { shapeOf } from './helpers/shape.js';

// This repository's showcase articles. A content project is a repository of its own (`yakugo init`), with
// its own `npm test`; these tests hold only for the articles shipped here.
describe("this repository's showcase articles", () => {
  it('out/ is up to date: building again would change no byte (run `npx yakugo build` after editing)', () => {
    const result = build({ root: repositoryRoot, dryRun: true });
    expect(result.missing).toEqual([]);
    const stale = result.editions.filter((edition) => edition.status !== 'unchanged').map((edition) => `${edition.file} (${edition.status})`);
    expect(stale).toEqual([]);
  });

  it('every shipped language is fully translated', () => {
    const result = build({ root: repositoryRoot, dryRun: true });
    for (const edition of result.editions) expect(edition.fallback, `${edition.file}`).toEqual([]);
  });

  it('the ja edition of every article is its source file, byte for byte', () => {
    const project = loadProject(repositoryRoot);
    for (const file of listArticles(project)) {
      const article = loadArticle(project, file);
      expect(readFileSync(join(repositoryRoot, `out/ja/${article.id}.md`)).equals(readFileSync(file)), article.path).toBe(true);
    }
  });

  it('every translated edition has the source structure: it differs from the source only inside segments', () => {
    const project = loadProject(repositoryRoot);
    for (const file of listArticles(project)) {
      const article = loadArticle(project, file);
      for (const lng of project.config.languages) {
        const edition = read(repositoryRoot, `out/${lng}/${article.id}.md`);
        expect(shapeOf(parseMarkdown(edition), { inlineOrder: false }), `${lng} ${article.path}`).toEqual(shapeOf(parseMarkdown(article.source), { inlineOrder: false }));
      }
    }
  });

  it('the source catalogs hold exactly the segments of the sources', () => {
    const project = loadProject(repositoryRoot);
    for (const file of listArticles(project)) {
      const article = loadArticle(project, file);
      const catalog = JSON.parse(read(repositoryRoot, `locales/ja/${article.id}.json`)) as Record<string, string>;
      expect(catalog).toEqual(Object.fromEntries(article.segments.map((segment) => [segment.key, segment.text])));
    }
  });
});
