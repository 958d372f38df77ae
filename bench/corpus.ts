/**
 * A generated corpus for the scale benchmarks: many articles of realistic Japanese prose (clauses of the
 * shipped articles recombined by a seeded generator into new sentences, so that, as in real documentation,
 * almost no two paragraphs are the same), with headings, lists, tables, code, links, footnotes and MDX-like
 * HTML blocks, the shipped glossary, and English catalogs half translated with English prose. Deterministic
 * for a seed; written to a temporary folder, never committed.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The clauses (between 、 and 。) of the prose lines of a Japanese article. */
function clausesOf(markdown: string): string[] {
  return sentencesOf(markdown)
    .flatMap((sentence) => sentence.replace(/。$/, '').split(/(?<=、)/))
    .map((clause) => clause.replace(/、$/, '').trim())
    .filter((clause) => clause.length > 4);
}

function sentencesOf(markdown: string): string[] {
  return markdown
    .replace(/^---[\s\S]*?---\n/, '')
    .replace(/^```[\s\S]*?^```$/gm, '')
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
  const clauses = [
    ...clausesOf(readFileSync(join(repositoryRoot, 'source/deepseek-shock.md'), 'utf8')),
    ...clausesOf(readFileSync(join(repositoryRoot, 'source/explainers/distillation.md'), 'utf8')),
  ];
  // A sentence is one to three clauses: a few hundred clauses give millions of sentences, so texts repeat
  // about as rarely as in real documentation and no cache of distinct texts makes the corpus look small.
  const sentence = () => `${Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(clauses)).join('、')}。`;
  const paragraph = (count: number) => Array.from({ length: count }, sentence).join('');
  const root = mkdtempSync(join(tmpdir(), 'yakugo-bench-corpus-'));
  cpSync(join(repositoryRoot, 'glossary'), join(root, 'glossary'), { recursive: true });
  writeFileSync(join(root, 'yakugo.config.yaml'), 'languages: [en, zh-Hans]\nrequired: [en]\n');
  let bytes = 0;
  for (let index = 0; index < options.articles; index++) {
    const blocks: string[] = [`---\ntitle: ${JSON.stringify(sentence().slice(0, 30))}\ntags: [AI, 半導体]\n---`, `# ${sentence().slice(0, 24)}`];
    const sections = 6 + Math.floor(next() * 9);
    for (let section = 0; section < sections; section++) {
      blocks.push(`## ${sentence().slice(0, 20)}`, paragraph(3 + Math.floor(next() * 6)));
      const extra = next();
      if (extra < 0.25) blocks.push(Array.from({ length: 3 }, () => `- ${paragraph(1)}`).join('\n'));
      else if (extra < 0.4) blocks.push(`| 項目 | 内容 |\n| --- | --- |\n| ${sentence().slice(0, 12)} | ${sentence().slice(0, 16)} |\n| コスト | 約 558 万ドル |`);
      else if (extra < 0.55) blocks.push('```ts\nconst student = distill(teacher, { temperature: 2 });\n```');
      else if (extra < 0.7) blocks.push(`<Note title="補足">\n\n${paragraph(1)}\n\n</Note>`);
      else if (extra < 0.8) blocks.push(`${paragraph(1)}[詳しくはこちら](https://example.com/${index}/${section})を参照。[^${section}]\n\n[^${section}]: ${paragraph(1)}`);
      blocks.push(paragraph(2 + Math.floor(next() * 4)));
    }
    const text = `${blocks.join('\n\n')}\n`;
    bytes += Buffer.byteLength(text);
    const file = join(root, 'source', `section-${index % 10}`, `article-${String(index).padStart(4, '0')}.md`);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return { root, articles: options.articles, bytes };
}

/** English sentences of the shipped English catalogs, for filling target catalogs with English prose. */
function englishSentences(repositoryRoot: string): string[] {
  const sentences: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) {
        for (const value of Object.values(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>)) {
          sentences.push(...value.split(/(?<=[.!?])\s+/).filter((sentence) => /^[A-Z][^[\]`<>*_]+[.!?]$/.test(sentence)));
        }
      }
    }
  };
  walk(join(repositoryRoot, 'locales/en'));
  return sentences;
}

/**
 * Fills every value of every other English catalog (after `extract`) with one to three English sentences of
 * the shipped translations, picked by a seeded generator: the target-side rules then do their real work,
 * term matching in English prose, and report what a half-translated project has (missing terms, missing
 * segments), not an error on every segment.
 */
export function translateHalf(repositoryRoot: string, corpus: Corpus, seed: number): void {
  const next = random(seed);
  const english = englishSentences(repositoryRoot);
  const enDir = join(corpus.root, 'locales/en');
  for (const folder of readdirSync(enDir).sort()) {
    const names = readdirSync(join(enDir, folder))
      .filter((file) => file.endsWith('.json'))
      .sort();
    for (const name of names.filter((_, index) => index % 2 === 0)) {
      const file = join(enDir, folder, name);
      const catalog = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      const source = JSON.parse(readFileSync(join(corpus.root, 'locales/ja', folder, name), 'utf8')) as Record<string, string>;
      // Segments with markup (links, code, footnotes, HTML) stay untranslated: English prose in their place
      // would drop the markup, and the edition could not be built.
      for (const key of Object.keys(catalog)) {
        if (/[[\]`<>*_{}!]/.test(source[key] ?? '[')) continue;
        catalog[key] = Array.from({ length: 1 + Math.floor(next() * 3) }, () => english[Math.floor(next() * english.length)]!).join(' ');
      }
      writeFileSync(file, `${JSON.stringify(catalog, null, 2)}\n`);
    }
  }
}
