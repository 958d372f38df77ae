/**
 * The floor for `check`: load kuromoji and tokenize the prose of every segment of the project once (each
 * distinct text once), nothing else. Reports wall time and peak RSS as JSON on fd 3.
 */
import { writeSync } from 'node:fs';
import { loadProject } from '../src/config/load.js';
import { loadTokenizer } from '../src/glossary/tokenizer.js';
import { listArticles, loadArticle } from '../src/project/articles.js';
import { configureCache } from '../src/cache/store.js';

const started = performance.now();
configureCache({ enabled: false });
const project = loadProject(process.argv[2]!);
const texts = new Set<string>();
for (const file of listArticles(project)) {
  for (const segment of loadArticle(project, file).segments) for (const run of segment.runs) texts.add(run.text.normalize('NFKC'));
}
const parsed = performance.now();
const tokenizer = await loadTokenizer();
let tokens = 0;
for (const text of texts) tokens += tokenizer.tokenize(text).length;
const ms = performance.now() - started;
writeSync(3, JSON.stringify({ code: 0, ms, parseMs: parsed - started, tokens, rssMiB: process.resourceUsage().maxRSS / 1024 }));
