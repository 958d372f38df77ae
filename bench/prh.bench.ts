import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { assignIds, parseInterchange } from '../src/glossary/interchange/index.js';
import { markInsideWords } from '../src/glossary/interchange/inside-words.js';
import { parseGlossaryDocument } from '../src/glossary/load.js';
import { createMatcher } from '../src/glossary/match.js';
import { appendRulesToYaml, conceptsToYamlFile } from '../src/glossary/maintain/yaml.js';
import { loadTokenizer } from '../src/glossary/tokenizer.js';
import { segmentMarkdown } from '../src/markdown/segment.js';
import { type Measurement, report } from './harness.js';

/**
 * `source/variant` against textlint + textlint-rule-prh with the same dictionary (prh/rules'
 * WEB+DB_PRESS.yml, 1,292 rules) on the same files (the prh comparison corpus of the test suite, each
 * file 20× so a file is article-sized). Both sides are built once (textlint: the linter with its rule;
 * yakugo: the imported glossary and its matcher); the timed operation is finding the variants in every
 * file, which is what a CI run repeats per article.
 */
export default async function prhBench(root: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const dictionary = join(dirname(require.resolve('prh/package.json')), 'prh-rules', 'media', 'WEB+DB_PRESS.yml');
  const corpusDir = join(root, 'test', 'fixtures', 'prh', 'corpus');
  const files = readdirSync(corpusDir)
    .sort()
    .map((name) => ({ name, text: Array.from({ length: 20 }, () => readFileSync(join(corpusDir, name), 'utf8')).join('\n') }));

  // yakugo: the dictionary imported as `glossary import` writes it, then loaded.
  const imported = parseInterchange(readFileSync(dictionary, 'utf8'), 'prh', dictionary, { sourceLanguage: 'ja', languages: [] });
  const tokenizer = await loadTokenizer();
  assignIds(imported.concepts, new Set(), tokenizer, 'ja');
  markInsideWords(imported.rules ?? [], tokenizer);
  const yaml = appendRulesToYaml(conceptsToYamlFile(imported.concepts.map((entry) => entry.concept), ['ja']), (imported.rules ?? []).map((entry) => entry.rule), 'prh.yaml');
  const document = parseGlossaryDocument(yaml, 'glossary/prh.yaml');
  const matcher = await createMatcher({ concepts: document.concepts, rules: document.rules, files: ['glossary/prh.yaml'] });
  let yakugoCount = 0;
  const runYakugo = async () => {
    yakugoCount = 0;
    for (const file of files) {
      const runs = segmentMarkdown(file.text, { frontMatter: [] }).segments.flatMap((segment) => segment.runs);
      yakugoCount += matcher.findInRuns(runs).filter((match) => match.term.status === 'deprecated' || match.term.status === 'forbidden').length;
      yakugoCount += matcher.findRulesInRuns(runs).length;
    }
  };

  // textlint with textlint-rule-prh, configured as its README says.
  const dir = mkdtempSync(join(tmpdir(), 'yakugo-bench-textlint-'));
  try {
    const configFilePath = join(dir, '.textlintrc.json');
    writeFileSync(configFilePath, JSON.stringify({ rules: { prh: { rulePaths: [dictionary] } } }));
    const { createLinter, loadTextlintrc } = (await import('textlint')) as typeof import('textlint');
    const descriptor = await loadTextlintrc({ configFilePath, node_modulesDir: join(root, 'node_modules') });
    const linter = createLinter({ descriptor, cwd: dir });
    let textlintCount = 0;
    const runTextlint = async () => {
      textlintCount = 0;
      for (const file of files) textlintCount += (await linter.lintText(file.text, join(dir, file.name))).messages.length;
    };
    // The two are timed in alternation, so a change in the machine's load affects both alike.
    const [textlint, yakugo] = (await alternate([
      ['textlint + textlint-rule-prh', runTextlint],
      ['yakugo source/variant', runYakugo],
    ])) as [Measurement, Measurement];
    // One paragraph of 1 MB (the articles' prose, blank lines removed), timed once: it must grow linearly.
    const characters = files.reduce((sum, file) => sum + file.text.length, 0);
    let paragraph = files.map((file) => file.text.replace(/^#.*$|^\s*[-\d.]+\s/gm, '').replace(/\s*\n\s*/g, '')).join('');
    while (paragraph.length < 1_000_000) paragraph += paragraph;
    paragraph = paragraph.slice(0, 1_000_000);
    const started = performance.now();
    const bigRuns = segmentMarkdown(`${paragraph}\n`, { frontMatter: [] }).segments.flatMap((segment) => segment.runs);
    const hits = matcher.findInRuns(bigRuns).filter((match) => match.term.status === 'deprecated').length + matcher.findRulesInRuns(bigRuns).length;
    const big = { name: 'yakugo source/variant, one 1 MB paragraph', ms: performance.now() - started, per: 1_000_000 / characters };
    report(`prh dictionary WEB+DB_PRESS.yml on ${files.length} articles (${characters} characters)`, textlint, [
      { ...textlint, note: `${textlintCount} finding(s)` },
      { ...yakugo, note: `${yakugoCount} finding(s); fewer than textlint's where a prh match cuts a word` },
      { ...big, note: `${hits} finding(s); per character of the articles: near the row above when cost is linear (${(big.ms / 1000).toFixed(1)} s)` },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median time of each operation, run in turn (2 warm-up rounds, then rounds for about `budgetMs`, at least 7). */
async function alternate(operations: Array<[string, () => Promise<unknown>]>, budgetMs = 8000): Promise<Measurement[]> {
  const samples = operations.map((): number[] => []);
  for (let round = 0; round < 2; round++) for (const [, operation] of operations) await operation();
  const started = performance.now();
  while (samples[0]!.length < 7 || performance.now() - started < budgetMs) {
    for (const [index, [, operation]] of operations.entries()) {
      const start = performance.now();
      await operation();
      samples[index]!.push(performance.now() - start);
    }
  }
  return operations.map(([name], index) => {
    const sorted = samples[index]!.sort((a, b) => a - b);
    return { name, ms: sorted[Math.floor(sorted.length / 2)]! };
  });
}
