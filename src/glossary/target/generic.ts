import { isCjkChar } from '../normalize.js';
import { findSubstrings } from './substring.js';
import type { TargetLanguage } from './types.js';
import { findAll, wordPattern } from './words.js';

/**
 * Any language without its own module: terms written in a script without spaces (CJK, Thai, Lao,
 * Khmer, Myanmar) are found as substrings, others as whole words (hyphen/space variants, no inflection).
 */
export const generic: TargetLanguage = {
  find(text, term, options) {
    if ([...term].some((char) => isCjkChar(char) || SPACELESS.test(char))) return findSubstrings(text, term, options);
    const key = `${options.caseSensitive ? 'c' : 'i'}:${term}`;
    let pattern = patterns.get(key);
    if (!pattern) {
      pattern = wordPattern(term, options);
      patterns.set(key, pattern);
    }
    return findAll(pattern, text);
  },
};

const SPACELESS = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const patterns = new Map<string, RegExp>();
