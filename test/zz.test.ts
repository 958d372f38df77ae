import { test, expect } from 'vitest';
import { guardedLiteral, prhPattern } from '../src/glossary/interchange/prh.js';
test('g', () => {
  expect(guardedLiteral('サーバ(?!ー)', 'サーバー')).toBe('サーバ');
  expect(guardedLiteral('(?<!データ・)センター', 'データ・センター')).toBe('センター');
  expect(guardedLiteral('サーバ(?!ー)', 'サーバーズ')).toBeUndefined();
  expect(prhPattern('サーバ', 'サーバー')).toBe('/サーバ(?!ー)/');
  expect(prhPattern('a.b', 'x')).toBe('/a\\.b/');
});
