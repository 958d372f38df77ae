/**
 * A generated corpus for the scale benchmarks: many articles of realistic Japanese prose (sentences of the
 * shipped articles recombined by a seeded generator), with headings, lists, tables, code, links, footnotes
 * and MDX-like HTML blocks, the shipped glossary, and catalogs half translated. Deterministic for a seed;
 * written to a temporary folder, never committed.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** mulberry32: a small seeded generator, so every run benchmarks the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentencesOf(markdown: string): string[] {
  return markdown
    .replace(/^---[\s\S]*?---\n/, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^(#|```|\||>|\[\^|-|\d+\.)/.test(line.trim()))
    .flatMap((line) => line.split(/(?<=。)/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 8);
}

export interface Corpus {
  root: string;
  articles: number;
  bytes: number;
}

export function generateCorpus(repositoryRoot: string, options: { articles: number; seed: number }): Corpus {
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sentences = [
    ...sentencesOf(readFileSync(join(repositoryRoot, 'source/deepseek-shock.md'), 'utf8')),
    ...sentencesOf(readFileSync(join(repositoryRoot, 'source/explainers/distillation.md'), 'utf8')),
  ];
  const paragraph = (count: number) => Array.from({ length: count }, () => pick(sentences)).join('');
  const root = mkdtempSync(join(tmpdir(), 'yakugo-bench-corpus-'));
  cpSync(join(repositoryRoot, 'glossary'), join(root, 'glossary'), { recursive: true });
  writeFileSync(join(root, 'yakugo.config.yaml'), 'languages: [en, zh-Hans]\nrequired: [en]\n');
  let bytes = 0;
  for (let index = 0; index < options.articles; index++) {
    const blocks: string[] = [`---\ntitle: ${JSON.stringify(pick(sentences).slice(0, 30))}\ntags: [AI, 半導体]\n---`, `# ${pick(sentences).slice(0, 24)}`];
    const sections = 3 + Math.floor(next() * 6);
    for (let section = 0; section < sections; section++) {
      blocks.push(`## ${pick(sentences).slice(0, 20)}`, paragraph(2 + Math.floor(next() * 4)));
      const extra = next();
      if (extra < 0.25) blocks.push(Array.from({ length: 3 }, () => `- ${paragraph(1)}`).join('\n'));
      else if (extra < 0.4) blocks.push(`| 項目 | 内容 |\n| --- | --- |\n| ${pick(sentences).slice(0, 12)} | ${pick(sentences).slice(0, 16)} |\n| コスト | 約 558 万ドル |`);
      else if (extra < 0.55) blocks.push('```ts\nconst student = distill(teacher, { temperature: 2 });\n```');
      else if (extra < 0.7) blocks.push(`<Note title="補足">\n\n${paragraph(1)}\n\n</Note>`);
      else if (extra < 0.8) blocks.push(`${paragraph(1)}[詳しくはこちら](https://example.com/${index}/${section})を参照。[^${section}]\n\n[^${section}]: ${paragraph(1)}`);
      blocks.push(paragraph(1 + Math.floor(next() * 3)));
    }
    const text = `${blocks.join('\n\n')}\n`;
    bytes += Buffer.byteLength(text);
    const file = join(root, 'source', `section-${index % 10}`, `article-${String(index).padStart(4, '0')}.md`);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return { root, articles: options.articles, bytes };
}
