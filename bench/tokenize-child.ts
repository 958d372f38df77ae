/**
 * The floor for `check`: load kuromoji and tokenize the prose of every segment of the project once (each
 * distinct text once, NFKC-normalized as yakugo matches it), nothing else. By default this is kuromoji as
 * its README shows it (`kuromoji.builder({ dicPath }).build()`, then `tokenize(text)`); with `--yakugo`,
 * yakugo's own tokenizer (the shared dictionary arrays, the trie walk of `trie-search.ts`, texts cut into
 * pieces, V8's pretenuring off as in the CLI). Reports wall time, the time spent parsing (not part of the floor) and peak RSS as JSON on fd 3.
 */
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
import { configureCache } from '../src/cache/store.js';
import { loadProject } from '../src/config/load.js';
import { loadTokenizer } from '../src/glossary/tokenizer.js';
import { listArticles, loadArticle } from '../src/project/articles.js';
import { allocateYoung } from '../src/util/heap.js';

const started = performance.now();
configureCache({ enabled: false });
const project = loadProject(process.argv[2]!);
const texts = new Set<string>();
for (const file of listArticles(project)) {
  for (const segment of loadArticle(project, file).segments) for (const run of segment.runs) texts.add(run.text.normalize('NFKC'));
}
const parsed = performance.now();
let tokens = 0;
if (process.argv.includes('--yakugo')) {
  allocateYoung(); // as the yakugo CLI does
  const tokenizer = await loadTokenizer();
  for (const text of texts) tokens += tokenizer.tokenize(text).length;
} else {
  const dicPath = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
  const tokenizer = await new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve, reject) =>
    kuromoji.builder({ dicPath }).build((error, built) => (error ? reject(error) : resolve(built))),
  );
  for (const text of texts) tokens += tokenizer.tokenize(text).length;
}
const ms = performance.now() - started;
writeSync(3, JSON.stringify({ code: 0, ms, parseMs: parsed - started, tokens, rssMiB: process.resourceUsage().maxRSS / 1024 }));
