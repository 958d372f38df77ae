import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary, parseGlossaryFile } from '../src/glossary/load.js';
import { createMatcher, type Matcher } from '../src/glossary/match.js';
import { foldCase, normalizeText } from '../src/glossary/normalize.js';
import type { Glossary } from '../src/glossary/types.js';
import { segmentMarkdown } from '../src/markdown/segment.js';
import { repositoryRoot } from './helpers/project.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'glossary');

let matcher: Matcher;
let glossary: Glossary;

beforeAll(async () => {
  glossary = await loadGlossary(join(fixtures, 'basic'));
  matcher = await createMatcher(glossary);
});

/** `concept:surface@start` for every match, the form the assertions read best in. */
function found(text: string, using: Matcher = matcher): string[] {
  return using.find(text).map((match) => `${match.concept.id}:${match.surface}@${match.start}`);
}

async function matcherOf(yaml: string): Promise<Matcher> {
  return createMatcher({ concepts: parseGlossaryFile(yaml, 'test.yaml'), files: ['test.yaml'] });
}

describe('token boundaries', () => {
  it('does not find AI inside OpenAI', () => {
    expect(found('OpenAI の発表と AI の話')).toEqual(['openai:OpenAI@0', 'ai:AI@12']);
    expect(found('OpenAIの発表')).toEqual(['openai:OpenAI@0']);
  });

  it('does not find データ inside データベース', () => {
    expect(found('データベースを作る')).toEqual([]);
    expect(found('データベースとデータ')).toEqual(['data:データ@7']);
  });

  it('does not find 米 inside 米国 but finds it alone', () => {
    expect(found('米国の輸出')).toEqual([]);
    expect(found('米の関税')).toEqual(['us:米@0']);
  });

  it('finds a term whose start falls on a token boundary inside a longer compound (対|中|輸出|規制)', () => {
    expect(found('最先端の AI チップの対中輸出規制を通じて')).toEqual(['ai:AI@5', 'export-controls:輸出規制@14']);
  });

  it('does not find a name inside a longer name where kuromoji splits letters from digits', async () => {
    const local = await matcherOf('concepts:\n  - id: gpt-4\n    ja: GPT-4\n  - id: llama-3\n    ja: Llama 3\n  - id: r1\n    ja: R1\n');
    expect(found('GPT-4o と Llama 3.1 と GPT-4 と Llama 3。DeepSeek-R1 と R1 モデル', local)).toEqual([
      'gpt-4:GPT-4@21',
      'llama-3:Llama 3@29',
      'r1:R1@46',
      'r1:R1@51',
    ]);
    expect(found('GPT‐4 は', local)).toEqual(['gpt-4:GPT‐4@0']);
  });

  it('never finds a term that ends inside a token', async () => {
    const local = await matcherOf('concepts:\n  - id: dat\n    ja: データベ\n');
    expect(found('データベースを作る', local)).toEqual([]);
  });
});

describe('longest match', () => {
  it('prefers 大規模言語モデル over 言語モデル and still finds 言語モデル alone', () => {
    expect(found('大規模言語モデルと言語モデル')).toEqual(['llm:大規模言語モデル@0', 'language-model:言語モデル@9']);
  });

  it('prefers a longer occurrence that starts later over a shorter one it overlaps', async () => {
    const local = await matcherOf('concepts:\n  - id: a\n    ja: 大規模\n  - id: b\n    ja: 規模言語モデル\n');
    expect(found('大規模言語モデル', local)).toEqual(['b:規模言語モデル@1']);
  });
});

describe('width and spacing variants', () => {
  it('matches full-width letters (ＡＩ = AI)', () => {
    expect(found('ＡＩ の利用')).toEqual(['ai:ＡＩ@0']);
  });

  it('matches with or without the space between Japanese and Latin (フィジカル AI = フィジカルAI)', () => {
    expect(found('フィジカルAIとフィジカル AIとフィジカル　AI')).toEqual([
      'physical-ai:フィジカルAI@0',
      'physical-ai:フィジカル AI@8',
      'physical-ai:フィジカル　AI@17',
    ]);
  });

  it('matches across a soft line break inside a Japanese term', () => {
    expect(found('大規模言語\nモデルの性能')).toEqual(['llm:大規模言語\nモデル@0']);
  });

  it('matches half-width katakana, with offsets in the original text (ｶﾞｽ is 3 units, ガス 2)', () => {
    expect(found('ｶﾞｽとAI')).toEqual(['gas:ｶﾞｽ@0', 'ai:AI@4']);
    expect(found('ﾌｨｼﾞｶﾙAI')).toEqual(['physical-ai:ﾌｨｼﾞｶﾙAI@0']);
  });

  it('keeps offsets exact after normalization that lengthens the text (㈱ → (株))', () => {
    const matches = matcher.find('㈱AIの発表');
    expect(matches.map((match) => [match.surface, match.start, match.end])).toEqual([['AI', 1, 3]]);
  });

  it('keeps offsets exact after surrogate pairs (𠮷 is two UTF-16 units)', () => {
    const text = '𠮷野家のAIと𠮷野家';
    const matches = matcher.find(text);
    expect(matches.map((match) => [match.concept.id, match.start, match.end])).toEqual([
      ['yoshinoya', 0, 4],
      ['ai', 5, 7],
      ['yoshinoya', 8, 12],
    ]);
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.surface);
  });
});

describe('case', () => {
  it('matches an acronym only in capitals, so AI is not the ai of 01.ai', () => {
    expect(found('01.ai の AI')).toEqual(['ai:AI@8']);
  });

  it('matches other Latin terms in any case unless the concept is case-sensitive', async () => {
    expect(found('deepseek と DEEPSEEK')).toEqual(['deepseek:deepseek@0', 'deepseek:DEEPSEEK@11']);
    const local = await matcherOf('concepts:\n  - id: meta\n    caseSensitive: true\n    ja: Meta\n');
    expect(found('Meta と META と meta', local)).toEqual(['meta:Meta@0']);
  });
});

describe('katakana long vowels', () => {
  it('matches コンピュータ and コンピューター for a longVowel concept', () => {
    expect(found('コンピュータとコンピューター')).toEqual(['computer:コンピュータ@0', 'computer:コンピューター@7']);
  });

  it('reports the deprecated spelling when the glossary lists it (サーバ), the preferred one otherwise', () => {
    const statuses = matcher.find('サーバとサーバー').map((match) => [match.surface, match.term.text, match.term.status]);
    expect(statuses).toEqual([
      ['サーバ', 'サーバ', 'deprecated'],
      ['サーバー', 'サーバー', 'preferred'],
    ]);
  });

  it('does not vary long vowels without longVowel', async () => {
    const local = await matcherOf('concepts:\n  - id: copy\n    ja: コピー\n');
    expect(found('コピとコピー', local)).toEqual(['copy:コピー@3']);
  });

  it('varies each katakana word of a compound term', async () => {
    const local = await matcherOf('concepts:\n  - id: ui\n    longVowel: true\n    ja: ユーザーインターフェース\n');
    expect(found('ユーザインタフェースではなくユーザインターフェース', local)).toEqual(['ui:ユーザインターフェース@14']);
  });
});

describe('inflection through basic forms', () => {
  it('matches conjugated forms of a verb term (引き下げる → 引き下げた, 引き下げられる)', () => {
    expect(found('価格を引き下げた。さらに引き下げられる。引き下げる')).toEqual([
      'lower:引き下げ@3',
      'lower:引き下げ@12',
      'lower:引き下げる@20',
    ]);
  });

  it('does not take the noun 引き下げ for the verb', () => {
    expect(found('価格引き下げを迫られ')).toEqual([]);
  });

  it('matches a する verb in every form (圧縮する → 圧縮し, 圧縮さ)', () => {
    expect(found('データを圧縮し、圧縮された')).toEqual(['data:データ@0', 'compress:圧縮し@4', 'compress:圧縮さ@8']);
  });

  it('matches an adjective term in its conjugations', async () => {
    const local = await matcherOf('concepts:\n  - id: fast\n    ja: 速い\n');
    expect(found('速かった。速くない。速い', local)).toEqual(['fast:速かっ@0', 'fast:速く@5', 'fast:速い@10']);
  });
});

describe('what is not text', () => {
  it('skips URLs and e-mail addresses in plain text', () => {
    expect(found('https://example.com/AI/ と www.example.com/ai と ai@example.com の AI')).toEqual(['ai:AI@64']);
  });

  it('searches Markdown runs only, never code, and maps to file offsets', () => {
    const source = '# AI の話\n\n`AI` と [AI](https://example.com/AI) と **大規模言語モデル**\n\n```\nAI\n```\n';
    const runs = segmentMarkdown(source, { frontMatter: [] }).segments.flatMap((segment) => segment.runs);
    const matches = matcher.findInRuns(runs);
    expect(matches.map((match) => [match.concept.id, source.slice(match.fileStart, match.fileEnd), match.fileStart])).toEqual([
      ['ai', 'AI', 2],
      ['ai', 'AI', 17],
      ['llm', '大規模言語モデル', 49],
    ]);
  });

  it('maps through escapes and entities in Markdown', () => {
    const source = 'A\\*B の AI&amp;データ\n';
    const runs = segmentMarkdown(source, { frontMatter: [] }).segments.flatMap((segment) => segment.runs);
    const matches = matcher.findInRuns(runs);
    expect(matches.map((match) => source.slice(match.fileStart, match.fileEnd))).toEqual(['AI', 'データ']);
  });
});

describe('odd input', () => {
  it('survives characters kuromoji cannot tokenize (NUL, lone surrogates) with offsets intact', () => {
    expect(found('AI\u0000データ\uD800AI\uDC00米')).toEqual(['ai:AI@0', 'data:データ@3', 'ai:AI@7', 'us:米@10']);
  });

  it('finds nothing in empty or blank text', () => {
    expect(found('')).toEqual([]);
    expect(found(' \n\t　')).toEqual([]);
  });
});

describe('real sentences from source/deepseek-shock.md', () => {
  it('finds the terms of the seed glossary in the article sentences', async () => {
    const seed = await createMatcher(await loadGlossary(join(repositoryRoot, 'glossary')));
    expect(found('同社は、米国の輸出規制により最先端の H100 チップが使用できない中、NVIDIA の H800 チップを使用。', seed)).toEqual([
      'united-states:米国@4',
      'export-controls:輸出規制@7',
      'cutting-edge:最先端@14',
      'h100:H100@19',
      'chip:チップ@24',
      'nvidia:NVIDIA@36',
      'h800:H800@45',
      'chip:チップ@50',
    ]);
    expect(found('2024 年の技術革新の焦点は、エージェント化や自動運転、ヒューマノイドロボットなどの物理 AI(フィジカル AI)へとシフトしつつあります。', seed)).toEqual([
      'innovation:技術革新@7',
      'agentification:エージェント化@16',
      'autonomous-driving:自動運転@24',
      'humanoid-robot:ヒューマノイドロボット@29',
      'physical-ai:物理 AI@43',
      'physical-ai:フィジカル AI@49',
    ]);
  });
});

describe('every match', () => {
  const pieces = ['AI', 'ＡＩ', 'データ', 'ベース', '米', '国', '大規模', '言語', 'モデル', 'フィジカル', ' ', '　', '\n', '㈱', 'ｶﾞｽ', '𠮷野家', 'の', 'OpenAI', 'サーバ', 'ー', '引き下げ', 'た', 'る', '圧縮', 'し', 'https://x.jp/', '。'];

  it('is the original text at its offsets, in order, without overlaps, and spells a term of its concept', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        const matches = matcher.find(text);
        let previousEnd = 0;
        for (const match of matches) {
          expect(text.slice(match.start, match.end)).toBe(match.surface);
          expect(match.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = match.end;
          const spelling = foldCase(normalizeText(match.surface)).replaceAll('ー', '');
          const term = foldCase(normalizeText(match.term.text)).replaceAll('ー', '');
          // Exact and long-vowel matches spell the term; inflected ones share its stem.
          expect(spelling === term || (spelling.length > 0 && term.startsWith(spelling.slice(0, -1)))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('glossary size', () => {
  it('finds exactly the same occurrences in the article with 10,000 extra concepts', async () => {
    const seedDir = join(repositoryRoot, 'glossary');
    const seed = await loadGlossary(seedDir);
    const article = readFileSync(join(repositoryRoot, 'source', 'deepseek-shock.md'), 'utf8');
    const small = await createMatcher(seed);
    const synthetic = syntheticConcepts(10_000);
    const large = await createMatcher({ concepts: [...seed.concepts, ...synthetic.concepts], files: seed.files });
    const ids = (using: Matcher) => using.find(article).map((match) => `${match.concept.id}@${match.start}`);
    expect(ids(large)).toEqual(ids(small));
    expect(ids(small).length).toBeGreaterThan(100);
    // And the synthetic concepts are found where they occur.
    const probe = synthetic.concepts[9_999]!.terms['ja']![0]!.text;
    expect(large.find(`これは${probe}です`).map((match) => match.concept.id)).toEqual(['synthetic-9999']);
  });
});

/** Concepts with made-up katakana terms that do not occur in the article. */
function syntheticConcepts(count: number): Glossary {
  const kana = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';
  const lines = ['concepts:'];
  for (let i = 0; i < count; i++) {
    let word = '';
    for (let n = i + 1; n > 0; n = Math.floor(n / kana.length)) word += kana[n % kana.length];
    lines.push(`  - id: synthetic-${i}`, `    ja: ヅ${word}ヂ`, `    en: synthetic ${i}`);
  }
  return { concepts: parseGlossaryFile(lines.join('\n'), 'synthetic.yaml'), files: ['synthetic.yaml'] };
}
