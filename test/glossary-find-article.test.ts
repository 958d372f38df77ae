import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/main.js';
import { repositoryRoot } from './helpers/project.js';

/**
 * Every occurrence of every glossary concept in source/deepseek-shock.md, written down by reading the
 * article against glossary/*.yaml: `line  concept  surface`. Things deliberately absent: AI inside OpenAI,
 * 性能 inside 高性能 (one word), 学習 inside 機械学習 and 投資 inside 投資回収期間 (the longer concept wins),
 * 米 inside 米国, 中 of 対中, the English gloss (Distillation), and everything in author/date.
 */
const expected = `
2   deepseek-shock            DeepSeek ショック
2   ai-industry               AI 業界
6   ai                        AI
7   deepseek                  DeepSeek
8   semiconductor             半導体
9   stock-market              株式市場
12  china                     中国
12  ai                        AI
12  startup                   スタートアップ
12  deepseek                  DeepSeek
12  ai-industry               AI 業界
12  united-states             米国
12  tech-giant                巨大テック企業
12  investment                投資
12  ai                        AI
12  ai-model                  モデル
12  performance               性能
12  low-cost                  低コスト
14  stock-market              株式市場
14  ai                        AI
14  semiconductor             半導体
14  nvidia                    NVIDIA
14  share-price               株価
14  market-capitalization     時価総額
14  nasdaq                    NASDAQ
14  sp500                     S&P 500
14  stock-market              株式市場
16  deepseek                  DeepSeek
16  united-states             米国
16  export-controls           輸出規制
16  cutting-edge              最先端
16  h100                      H100
16  chip                      チップ
16  nvidia                    NVIDIA
16  h800                      H800
16  chip                      チップ
16  distillation              蒸留
16  large-model               大規模モデル
16  accuracy                  精度
16  v3                        V3
16  ai-model                  モデル
16  meta                      Meta
16  llama-3.1                 Llama 3.1
16  openai                    OpenAI
16  gpt-4o                    GPT-4o
16  anthropic                 Anthropic
16  claude-3.5-sonnet         Claude Sonnet 3.5
16  performance               性能
16  benchmark                 ベンチマーク
16  r1                        R1
16  ai-model                  モデル
16  openai                    OpenAI
16  o1                        o1
16  performance               パフォーマンス
18  silicon-valley            シリコンバレー
18  alarm                     危機感
18  switzerland               スイス
18  davos                     ダボス会議
18  microsoft                 Microsoft
18  ceo                       CEO
18  satya-nadella             サティア・ナデラ
18  deepseek                  DeepSeek
18  united-states             米国
18  tech-company              ハイテク企業
18  advantage                 優位性
18  ai-market                 AI 市場
18  china                     中国
18  competitor                競争相手
20  deepseek                  DeepSeek
20  ai                        AI
20  microsoft                 Microsoft
20  meta                      Meta
20  alphabet                  Alphabet
20  google                    Google
20  tech-giant                巨大テック企業
20  ai                        AI
20  data-center               データセンター
20  investment                投資
20  deepseek                  DeepSeek
20  investment                投資
22  china                     中国
22  ai-industry               AI 産業
22  competitiveness           競争力
22  deepseek                  DeepSeek
22  01-ai                     01.ai
22  low-cost                  低コスト
22  ai-model                  モデル
22  bytedance                 ByteDance
22  tiktok                    TikTok
22  low-cost                  低コスト
22  llm                       LLM
22  china                     中国
22  ai                        AI
22  competitiveness           競争力
22  united-states             アメリカ
22  china                     中国
22  alarm                     危機感
24  united-states             米国
24  cutting-edge              最先端
24  ai                        AI
24  chip                      チップ
24  export-controls           輸出規制
24  technological-supremacy   技術覇権
24  deepseek                  DeepSeek
24  regulation                規制
24  deepseek                  DeepSeek
24  resource                  リソース
24  ai                        AI
24  cutting-edge              最先端
24  ai-model                  モデル
24  cutting-edge              最先端
24  chip                      チップ
26  nvidia                    NVIDIA
26  chip                      チップ
26  foundation-model          基盤モデル
26  training                  学習
26  ai                        AI
26  user                      利用者
26  inference-capacity        実行環境
26  gpu                       GPU
26  demand                    需要
28  ai                        AI
28  main-battleground         主戦場
28  llm                       大規模言語モデル
28  performance               性能
28  innovation                技術革新
28  agentification            エージェント化
28  autonomous-driving        自動運転
28  humanoid-robot            ヒューマノイドロボット
28  physical-ai               物理 AI
28  physical-ai               フィジカル AI
28  machine-learning          機械学習
28  gpu                       GPU
28  demand                    需要
30  deepseek                  DeepSeek
30  ai                        AI
30  investment                投資
30  investment                投資
32  deepseek                  DeepSeek
32  bytedance                 ByteDance
32  low-cost                  低コスト
32  ai-market                 AI 市場
32  price-war                 価格破壊
32  openai                    OpenAI
32  united-states             米国
32  ai-company                AI 企業
32  competitiveness           競争力
32  price-cut                 価格引き下げ
32  earnings                  収益
32  payback-period            投資回収期間
32  investment                投資
32  scrutiny                  審査
34  deepseek                  DeepSeek
34  china                     中国
34  united-states             アメリカ
34  china                     中国
34  united-states             アメリカ
34  ai                        AI
34  regulation                規制
34  trump-administration      トランプ政権
34  previous-administration   前政権
34  safety                    安全性
34  regulation                規制
`;

interface Row {
  concept: string;
  surface: string;
  file: string;
  line: number;
  column: number;
  offset: number;
  length: number;
}

describe('yakugo glossary find source/deepseek-shock.md', () => {
  it('finds every occurrence of every concept in the article and nothing else', async () => {
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    const code = await run(['--root', repositoryRoot, 'glossary', 'find', '--format', 'json', join(repositoryRoot, 'source/deepseek-shock.md')]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Row[];
    const want = expected
      .trim()
      .split('\n')
      .map((line) => {
        const [, number, concept, surface] = /^(\d+)\s+(\S+)\s+(.+)$/.exec(line)!;
        return `${number} ${concept} ${surface}`;
      });
    expect(rows.map((row) => `${row.line} ${row.concept} ${row.surface}`)).toEqual(want);

    // Offsets, lines and columns all point at the surface in the file.
    const source = readFileSync(join(repositoryRoot, 'source/deepseek-shock.md'), 'utf8');
    const lines = source.split('\n');
    for (const row of rows) {
      expect(row.file).toBe('source/deepseek-shock.md');
      expect(source.slice(row.offset, row.offset + row.length)).toBe(row.surface);
      expect(lines[row.line - 1]!.slice(row.column - 1, row.column - 1 + row.length)).toBe(row.surface);
    }
  });
});
