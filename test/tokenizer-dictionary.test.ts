/**
 * The tokenizer reads kuromoji's dictionary from arrays in shared memory (one copy for all worker
 * threads of a run): it must tokenize exactly as kuromoji built the usual way does.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
import { describe, expect, it } from 'vitest';
import { loadDictionaryBuffers, loadTokenizer } from '../src/glossary/tokenizer.js';
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
});
