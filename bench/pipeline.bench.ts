import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEdition } from '../src/build/edition.js';
import { parseMarkdown } from '../src/markdown/parse.js';
import { segmentMarkdown } from '../src/markdown/segment.js';
import { measure, report } from './harness.js';

/** Parsing, segmenting and rendering the first article, and how the cost grows with article length. */
export default async function pipelineBench(root: string): Promise<void> {
  const article = readFileSync(join(root, 'source/deepseek-shock.md'), 'utf8');
  const body = article.replace(/^---[\s\S]*?---\n/, '');
  const long = article + `\n${body}`.repeat(19); // 20× the body, one front matter
  const catalog = JSON.parse(readFileSync(join(root, 'locales/en/deepseek-shock.json'), 'utf8')) as Record<string, string>;
  const frontMatter = ['title', 'description', 'tags'];

  const parse = measure('parse (remark, all plugins)', () => parseMarkdown(article));
  const segment = measure('segment', () => segmentMarkdown(article, { frontMatter }));
  const render = measure('render + verify en edition', () =>
    renderEdition({ source: article, frontMatter, textOf: (s) => catalog[s.key] || s.text }),
  );
  const segmentLong = measure('segment 20× article, per article', () => segmentMarkdown(long, { frontMatter }));
  report('pipeline (deepseek-shock.md)', parse, [
    segment,
    { ...render, note: 'segment + splice + one batched parse of the translations + re-parse to verify' },
    { ...segmentLong, per: 20, note: 'at or below the segment row: cost grows linearly with length' },
  ]);
}
