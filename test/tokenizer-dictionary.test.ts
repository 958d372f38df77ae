/**
 * The tokenizer reads kuromoji's dictionary from arrays in shared memory (one copy for all worker
 * threads of a run): it must tokenize exactly as kuromoji built the usual way does.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import kuromoji from 'kuromoji';
import { describe, expect, it } from 'vitest';
import { loadDictionaryBuffers, loadTokenizer, toTokens } from '../src/glossary/tokenizer.js';
import { buildLatticesLinearly, type KuromojiViterbiBuilder } from '../src/glossary/lattice.js';
import { commonPrefixSearch, type DoubleArrayTrie, type PrefixRecord } from '../src/glossary/trie-search.js';
import { readTextFile } from '../src/util/fs.js';
import { repositoryRoot } from './helpers/project.js';

function kuromojiAsUsual(): Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>> {
  const dicPath = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
  return new Promise((resolve, reject) => kuromoji.builder({ dicPath }).build((error, tokenizer) => (error ? reject(error) : resolve(tokenizer))));
}

describe('kuromoji dictionary in shared memory', () => {
  it('is every dictionary file, decompressed, in SharedArrayBuffers', async () => {
    const buffers = await loadDictionaryBuffers();
    expect(Object.keys(buffers).sort()).toEqual([
      'base.dat.gz',
      'cc.dat.gz',
      'check.dat.gz',
      'tid.dat.gz',
      'tid_map.dat.gz',
      'tid_pos.dat.gz',
      'unk.dat.gz',
      'unk_char.dat.gz',
      'unk_compat.dat.gz',
      'unk_invoke.dat.gz',
      'unk_map.dat.gz',
      'unk_pos.dat.gz',
    ]);
    for (const buffer of Object.values(buffers)) expect(buffer).toBeInstanceOf(SharedArrayBuffer);
    // Decompressed: the connection-cost matrix alone is 3.4 MB.
    expect(buffers['cc.dat.gz']!.byteLength).toBe(3_463_716);
  });

  it('tokenizes the shipped articles exactly as kuromoji built from its files does', async () => {
    const [ours, usual] = await Promise.all([loadTokenizer(), kuromojiAsUsual()]);
    const lines = ['source/deepseek-shock.md', 'source/explainers/distillation.md']
      .flatMap((file) => readTextFile(join(repositoryRoot, file)).split('\n'))
      .map((line) => line.normalize('NFKC').trim())
      // Short lines, so that yakugo's cutting of long texts into pieces plays no part.
      .filter((line) => line !== '' && line.length <= 48);
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) {
      const expected = usual.tokenize(line).map((token) => [token.surface_form, token.basic_form === '*' ? token.surface_form : token.basic_form, token.pos, token.pos_detail_1]);
      expect(ours.tokenize(line).map((token) => [token.surface, token.basic, token.pos, token.pos1]), line).toEqual(expected);
    }
  });

  // Characters of the kinds real text mixes: kanji and kana that start many dictionary words, long-vowel
  // marks, ASCII and full-width Latin, digits, punctuation, and characters outside the BMP (surrogate pairs).
  const characters = [...'日本語の形態素解析を行う東京都大学生物学者ひらがなカタカナー、。・「」（）人工知能推論学習abcXYZ 019ＡＢＣ１２!?-_/😀𠮷'];
  const mixedText = fc.array(fc.constantFrom(...characters), { maxLength: 60 }).map((chars) => chars.join(''));
  // Runs of one character class (katakana, Latin, digits) make kuromoji group unknown words, and characters
  // outside the BMP exercise its code-point positions.
  const groupingText = fc
    .array(fc.constantFrom(...characters, 'アイウエオ', 'ヴァヴィ', 'yakugo', '2026', '𠮷𠮷', '😀😀😀'), { maxLength: 30 })
    .map((parts) => parts.join(''));

  it('looks words up in the trie exactly as kuromoji\'s own search does, for any text', async () => {
    const usual = await kuromojiAsUsual();
    const trie = (usual as unknown as { viterbi_builder: { trie: DoubleArrayTrie & { commonPrefixSearch(key: string): PrefixRecord[] } } }).viterbi_builder.trie;
    fc.assert(
      fc.property(mixedText, fc.nat(), (text, at) => {
        expect(commonPrefixSearch(trie, text)).toEqual(trie.commonPrefixSearch(text));
        // From an offset, as the lattice builder asks (never inside a surrogate pair there).
        const start = at % (text.length + 1);
        if (!/[\uDC00-\uDFFF]/.test(text[start] ?? '')) expect(commonPrefixSearch(trie, text, start)).toEqual(trie.commonPrefixSearch(text.slice(start)));
      }),
      { numRuns: 2000 },
    );
    // Every position of a real article, as kuromoji's lattice builder asks.
    const article = readTextFile(join(repositoryRoot, 'source/deepseek-shock.md')).normalize('NFKC');
    for (let at = 0; at < article.length; at += 7) {
      const rest = article.slice(at, at + 80);
      expect(commonPrefixSearch(trie, rest)).toEqual(trie.commonPrefixSearch(rest));
    }
    expect(commonPrefixSearch(trie, '東京都').map((record) => record.k)).toEqual(['東', '東京']);
  });

  it('tokenizes any short text exactly as kuromoji built from its files does', async () => {
    const [ours, usual] = await Promise.all([loadTokenizer(), kuromojiAsUsual()]);
    fc.assert(
      fc.property(
        // Without characters outside the BMP: kuromoji's own surface forms lose text after them (yakugo
        // takes surfaces from the text itself), which would make the two differ for another reason.
        mixedText.filter((text) => text.length <= 48 && !/[\uD800-\uDFFF]/.test(text)),
        (text) => {
          const expected = usual.tokenize(text).map((token) => [token.surface_form, token.pos, token.pos_detail_1, token.word_type]);
          expect(ours.tokenize(text).map((token) => [token.surface, token.pos, token.pos1, token.known ? 'KNOWN' : 'UNKNOWN'])).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("builds kuromoji's own lattice, with every quirk, so kuromoji gives its own tokens for any text", async () => {
    const [usual, faster] = await Promise.all([kuromojiAsUsual(), kuromojiAsUsual()]);
    buildLatticesLinearly((faster as unknown as { viterbi_builder: KuromojiViterbiBuilder }).viterbi_builder);
    fc.assert(
      fc.property(fc.oneof(mixedText, groupingText), (text) => {
        expect(faster.tokenize(text)).toEqual(usual.tokenize(text));
      }),
      { numRuns: 1500 },
    );
    const article = readTextFile(join(repositoryRoot, 'source/deepseek-shock.md')).normalize('NFKC');
    expect(faster.tokenize(article)).toEqual(usual.tokenize(article));
  });

  it("reads each word of the best path as kuromoji's formatter does: every field, for any text", async () => {
    const [ours, usual] = await Promise.all([loadTokenizer(), kuromojiAsUsual()]);
    const asKuromojiGives = (text: string) =>
      toTokens(
        usual.tokenize(text).map((token) => ({
          surface: token.surface_form,
          basic: token.basic_form,
          pos: token.pos,
          pos1: token.pos_detail_1,
          reading: token.reading,
          known: token.word_type === 'KNOWN',
        })),
        text,
        0,
        [],
      );
    fc.assert(
      fc.property(
        fc.oneof(mixedText, groupingText).filter((text) => text.length <= 48),
        (text) => {
          expect(ours.tokenize(text)).toEqual(asKuromojiGives(text));
        },
      ),
      { numRuns: 1500 },
    );
    const lines = readTextFile(join(repositoryRoot, 'source/deepseek-shock.md'))
      .split('\n')
      .map((line) => line.normalize('NFKC'))
      .filter((line) => line.length > 0 && line.length <= 48);
    for (const line of lines) expect(ours.tokenize(line)).toEqual(asKuromojiGives(line));
    // Readings and base forms come through: 推論 is read スイロン, 走っ has the base form 走る.
    expect(ours.tokenize('推論で走った').map((token) => [token.surface, token.basic, token.reading])).toEqual([
      ['推論', '推論', 'スイロン'],
      ['で', 'で', 'デ'],
      ['走っ', '走る', 'ハシッ'],
      ['た', 'た', 'タ'],
    ]);
  });
});
