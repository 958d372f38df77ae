import { test } from 'vitest';
import { loadTokenizer } from '../src/glossary/tokenizer.js';
import { normalizeText } from '../src/glossary/normalize.js';
test('x', async () => {
  const t = await loadTokenizer();
  for (const s of ['大規模言語モデルの性能向上', 'フィジカル AI へ', 'エージェント化や自動運転、ヒューマノイドロボットなどの物理 AI', 'OpenAI の GPT-4o、S&P 500 も急落', 'Llama 3.1、Claude Sonnet 3.5 を超える', '600 万ドル未満という驚異的な低コスト', '基盤モデルの学習時だけでなく', 'サティア・ナデラ氏', '価格引き下げを迫られ', '投資回収期間の長期化が懸念され','言語モデ','これは言語モデです。']) {
    const n = normalizeText(s);
    console.log(n, t.tokenize(n).map((k) => `${k.surface}/${k.pos}-${k.pos1}${k.known ? '' : '?'}`).join(' '));
  }
});
