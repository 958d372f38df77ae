import { describe, expect, it } from 'vitest';
import { parseGlossaryFile } from '../src/glossary/load.js';
import { glossaryCovers, suggestFromRuns } from '../src/glossary/maintain/suggest.js';
import { createMatcher } from '../src/glossary/match.js';
import { loadTokenizer } from '../src/glossary/tokenizer.js';
import type { Glossary } from '../src/glossary/types.js';
import type { TextRun } from '../src/markdown/types.js';

function runs(...texts: string[]): TextRun[] {
  return texts.map((text) => ({ text, offsets: Array.from({ length: text.length + 1 }, (_, index) => index) }));
}

const sentences = [
  '昨年末から、大規模言語モデルの性能向上は徐々に頭打ちになるという見方が強まっています。',
  '大規模言語モデルの学習には巨額の投資が必要です。',
  '2024 年の焦点は、エージェント化や自動運転、ヒューマノイドロボットなどの物理 AI(フィジカル AI)へとシフトしつつあります。',
  'フィジカル AI の分野では、ヒューマノイドロボットの開発が進んでいます。',
  'Meta の Llama 3.1、OpenAI の GPT-4o を超える性能を示しました。NASDAQ、S&P 500 も急落しました。',
  'GPT-4o の後継も、S&P 500 の指数も、長期化が懸念されています。',
  '投資回収期間の長期化が懸念され、審査は厳格化すると予想されます。',
  '生徒モデル(Qwen2.5-32B がベース)と 01.ai のモデル。GPU 1 時間あたり 2 ドル。',
];

async function suggest(glossary: Glossary, texts: string[] = sentences) {
  const tokenizer = await loadTokenizer();
  const matcher = await createMatcher(glossary);
  return suggestFromRuns([{ id: 'news', runs: runs(...texts) }], tokenizer, glossaryCovers(glossary, matcher));
}

const empty: Glossary = { concepts: [], files: [] };

describe('glossary suggest', () => {
  it('keeps compound nouns whole, joins a katakana word and a Latin word, and counts Latin names', async () => {
    const terms = (await suggest(empty)).map((candidate) => candidate.term);
    expect(terms).toEqual(expect.arrayContaining(['大規模言語モデル', 'フィジカル AI', 'ヒューマノイドロボット', 'GPT-4o', 'S&P 500', 'Llama 3.1', 'エージェント化', '物理 AI', 'Qwen2.5-32B', '01.ai', 'GPU']));
    // A number followed by a counter is a quantity, not part of the name.
    expect(terms).not.toContain('GPU 1');
    // Function-like suffixes and general words derived with 化 from kanji stems are not terms.
    expect(terms).not.toContain('長期化');
    expect(terms).not.toContain('厳格化');
    expect(terms.some((term) => term.endsWith('など') || term.endsWith('的'))).toBe(false);
    // Parts of a longer compound are not candidates of their own.
    expect(terms).not.toContain('言語モデル');
  });

  it('ranks by FLR: frequent compounds whose parts combine with many others come first', async () => {
    const candidates = await suggest(empty);
    const byTerm = new Map(candidates.map((candidate) => [candidate.term, candidate]));
    const model = byTerm.get('大規模言語モデル')!;
    expect(model.frequency).toBe(2);
    expect(model.parts).toEqual(['大', '規模', '言語', 'モデル']);
    expect(model.score).toBeGreaterThan(byTerm.get('ヒューマノイドロボット')!.score);
    expect(candidates.map((candidate) => candidate.score)).toEqual([...candidates.map((candidate) => candidate.score)].sort((a, b) => b - a));
  });

  it('computes FLR = frequency × geometric mean of (left + 1)(right + 1) over the parts', async () => {
    const candidates = await suggest(empty, ['言語モデルと言語処理。', '言語モデルを作る。']);
    // 言語: left 0, right 3 (モデル twice, 処理 once); モデル: left 2, right 0; 処理: left 1, right 0.
    expect(candidates.map(({ term, frequency, score }) => ({ term, frequency, score }))).toEqual([
      { term: '言語モデル', frequency: 2, score: Math.round(2 * ((0 + 1) * (3 + 1) * (2 + 1) * (0 + 1)) ** (1 / 4) * 100) / 100 },
      { term: '言語処理', frequency: 1, score: Math.round(((0 + 1) * (3 + 1) * (1 + 1) * (0 + 1)) ** (1 / 4) * 100) / 100 },
    ]);
  });

  it('gives the articles and one example sentence with the candidate located in it', async () => {
    const candidate = (await suggest(empty)).find((item) => item.term === 'フィジカル AI')!;
    expect(candidate.articles).toEqual(['news']);
    expect(candidate.example.sentence).toBe('2024 年の焦点は、エージェント化や自動運転、ヒューマノイドロボットなどの物理 AI(フィジカル AI)へとシフトしつつあります。');
    expect(candidate.example.sentence.slice(candidate.example.start, candidate.example.end)).toBe('フィジカル AI');
  });

  it('never lists what the glossary already has, in any variant', async () => {
    const glossary: Glossary = {
      concepts: parseGlossaryFile(
        [
          'concepts:',
          '  - { id: llm, ja: 大規模言語モデル, en: large language model }',
          '  - { id: physical-ai, ja: [フィジカルAI, { term: 物理 AI, status: admitted }], en: physical AI }',
          '  - { id: humanoid, ja: ヒューマノイド・ロボット, en: humanoid robot }',
          '  - { id: gpt-4o, translate: false, ja: ＧＰＴ－４ｏ }',
        ].join('\n'),
        'glossary/test.yaml',
      ),
      files: ['glossary/test.yaml'],
    };
    const terms = (await suggest(glossary)).map((candidate) => candidate.term);
    for (const known of ['大規模言語モデル', 'フィジカル AI', '物理 AI', 'GPT-4o']) expect(terms).not.toContain(known);
    expect(terms).toContain('S&P 500');
  });
});
