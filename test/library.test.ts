import { describe, expect, it } from 'vitest';
import * as yakugo from '../src/index.js';
import { makeProject, read } from './helpers/project.js';

describe('library', () => {
  it('extract and build do what the CLI does', () => {
    const root = makeProject({ 'source/a.md': '# 題\n\n本文。\n' });
    const extracted = yakugo.extract({ root });
    expect(extracted.articles.map((article) => article.id)).toEqual(['a']);
    const built = yakugo.build({ root });
    expect(built.languages.map((language) => language.lng)).toEqual(['ja', 'en', 'zh-Hans']);
    expect(read(root, 'out/ja/a.md')).toBe('# 題\n\n本文。\n');
  });
});
