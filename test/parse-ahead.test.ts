/**
 * `build --jobs` and `extract --jobs`: the articles are parsed ahead on worker threads, and what the commands
 * write and print is byte for byte what one thread writes and prints. These run the compiled code (the
 * worker modules exist only there), with the workers started at once (`YAKUGO_PARALLEL_AFTER_MS=0`): the
 * test projects are far too small for them to be worth it otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, repositoryRoot, write } from './helpers/project.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const cli = join(repositoryRoot, 'dist/cli/main.js');
const dist = (path: string) => join(repositoryRoot, 'dist', path);

/** One project as a writer and a translator leave it: 24 articles, one with a broken front matter, some translated. */
function project(): string {
  const root = makeProject({ 'yakugo.config.yaml': 'languages: [en, zh-Hans]\nrequired: [en]\n' });
  roots.push(root);
  for (let i = 0; i < 24; i++) {
    const table = i % 3 === 0 ? '\n| 項目 | 値 |\n| --- | --- |\n| 蒸留 | あり |\n' : '';
    write(root, `source/part-${i % 4}/a${i}.md`, `---\ntitle: 記事 ${i}\n---\n\n# 記事 ${i}\n\n米国の[輸出規制][r]の下で蒸留が使われた。${table}\n${'AI 業界の動き。'.repeat((i % 5) + 1)}\n\n[r]: https://example.com/${i}\n`);
  }
  write(root, 'source/part-3/broken.md', '---\ntitle: [unclosed\n---\n\n本文。\n');
  return root;
}

/** Every file under `folder` (relative path → bytes), to compare two trees. */
function tree(root: string, folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path, 'latin1'));
    }
  };
  walk(join(root, folder));
  return files;
}

function run(root: string, jobs: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli, '--root', root, ...args, '--jobs', jobs], {
    encoding: 'utf8',
    env: { ...process.env, YAKUGO_PARALLEL_AFTER_MS: '0', NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('build --jobs and extract --jobs', () => {
  it('write and print byte for byte what one thread does, with the cache off and on', () => {
    expect(existsSync(cli), `${cli} is built by npm install (prepare); run npm run build:ts`).toBe(true);
    const one = project();
    const two = project();
    const extractOne = run(one, '1', '--no-cache', 'extract');
    const extractTwo = run(two, '2', '--no-cache', 'extract');
    // The broken article is reported at its place and the others are extracted, on any number of threads.
    expect(extractOne.status).toBe(2);
    expect(extractOne.stderr).toContain('source/part-3/broken.md:2:');
    expect(extractTwo).toEqual(extractOne);
    expect(tree(two, 'locales')).toEqual(tree(one, 'locales'));
    expect(tree(one, 'locales').size).toBeGreaterThan(24 * 3);

    // A translator fills some English segments; both projects get the same catalogs.
    for (const root of [one, two]) {
      for (let i = 0; i < 24; i += 2) {
        const file = join(root, `locales/en/part-${i % 4}/a${i}.json`);
        const source = JSON.parse(readFileSync(join(root, `locales/ja/part-${i % 4}/a${i}.json`), 'utf8')) as Record<string, string>;
        const catalog = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
        // The source text with its markup kept (a link stays a link), as a translation must.
        for (const key of Object.keys(catalog)) catalog[key] = source[key]!.replace('米国の', 'Under US ').replace('記事', 'Article');
        write(root, relative(root, file), `${JSON.stringify(catalog, null, 2)}\n`);
      }
    }
    const buildOne = run(one, '1', '--no-cache', 'build');
    const buildTwo = run(two, '2', '--no-cache', 'build');
    expect(buildOne.status).toBe(1); // untranslated required segments, and the broken article
    expect(buildOne.stdout).toContain('en (required): 24 article(s)');
    expect(buildTwo).toEqual(buildOne);
    expect(tree(two, 'out')).toEqual(tree(one, 'out'));
    expect([...tree(one, 'out').keys()]).toContain('out/en/part-0/a0.md');

    // With the cache: out/ removed and built again on two threads, cold and then warm.
    rmSync(join(two, 'out'), { recursive: true });
    expect(run(two, '2', 'build')).toEqual(buildOne);
    expect(run(two, '2', 'extract')).toEqual(run(one, '1', '--no-cache', 'extract'));
    expect(tree(two, 'out')).toEqual(tree(one, 'out'));
    expect(tree(two, 'locales')).toEqual(tree(one, 'locales'));

    expect(run(one, '0', 'build').stderr).toContain('--jobs expects a whole number of at least 1');
    expect(run(one, 'x', 'extract').status).toBe(2);
  }, 120_000);

  it('parses on worker threads what one thread parses, and leaves a broken article to its reader', async () => {
    const root = project();
    const previous = process.env['YAKUGO_PARALLEL_AFTER_MS'];
    process.env['YAKUGO_PARALLEL_AFTER_MS'] = '0';
    try {
      const { configureCache } = (await import(dist('cache/store.js'))) as typeof import('../src/cache/store.js');
      const { loadProject } = (await import(dist('config/load.js'))) as typeof import('../src/config/load.js');
      const articles = (await import(dist('project/articles.js'))) as typeof import('../src/project/articles.js');
      const { parseAhead } = (await import(dist('project/parse-ahead.js'))) as typeof import('../src/project/parse-ahead.js');
      const { segmentMarkdown } = (await import(dist('markdown/segment.js'))) as typeof import('../src/markdown/segment.js');
      configureCache({ enabled: false });
      const loaded = loadProject(root);
      const files = articles.listArticles(loaded);
      expect(await parseAhead(loaded, files, 2)).toBe(2);
      const good = files.filter((file) => !file.endsWith('broken.md'));
      for (const file of good) {
        const article = articles.loadArticle(loaded, file);
        const { segments } = segmentMarkdown(article.source, {
          frontMatter: [...loaded.config.frontMatter],
          file: article.path,
          syntax: article.syntax,
          attributes: loaded.config.attributes,
          htmlSegments: loaded.config.htmlSegments,
          limits: loaded.config.limits,
        });
        expect(article.segments, article.path).toEqual(segments);
      }
      expect(() => articles.loadArticle(loaded, files.find((file) => file.endsWith('broken.md'))!)).toThrow(/front matter/);
      // Nothing is left to parse a second time: every article's facts are known now.
      expect(good.filter((file) => articles.needsParsing(loaded, file))).toEqual([]);
      expect(await parseAhead(loaded, good, 2)).toBe(0);
    } finally {
      if (previous === undefined) delete process.env['YAKUGO_PARALLEL_AFTER_MS'];
      else process.env['YAKUGO_PARALLEL_AFTER_MS'] = previous;
    }
  }, 60_000);
});
