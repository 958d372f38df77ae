import { isAcronym } from '../normalize.js';
import { englishForms, irregularFormsOf, isEnglishFormOf } from './en-morphology.js';
import type { TargetLanguage } from './types.js';
import { escapeRegExp, findAll, SEPARATOR, splitWords, wordPattern } from './words.js';

export { englishForms } from './en-morphology.js';

/**
 * English: whole words, case-insensitive unless the concept is case-sensitive or the term is an acronym
 * (GPU, H800), hyphen/space variants, and the forms of each word (`trait objects`, `took ownership`):
 * regular inflection, irregular forms, and same-stem forms that differ only by an inflectional or
 * adverb ending (see `en-morphology.ts`). Acronyms, case-sensitive concepts and words with digits or
 * symbols keep the exact spelling plus regular plural and verb endings. Anything else goes in `forms`.
 */
export const english: TargetLanguage = {
  find(text, term, options) {
    const key = `${options.caseSensitive ? 'c' : 'i'}:${term}`;
    let finder = finders.get(key);
    if (!finder) {
      finder = makeFinder(term, options.caseSensitive);
      finders.set(key, finder);
    }
    return finder(text);
  },
};

type Finder = (text: string) => Array<{ start: number; end: number }>;

const finders = new Map<string, Finder>();

function makeFinder(term: string, caseSensitive: boolean): Finder {
  const words = splitWords(term);
  const last = words.at(-1) ?? '';
  if (caseSensitive || isAcronym(last) || !isPlainWord(last)) {
    const pattern = wordPattern(term, { caseSensitive, inflect: englishForms });
    return (text) => findAll(pattern, text);
  }
  // Each plain word becomes a capture group of candidates: its irregular forms, and any word that starts
  // like it (every other accepted form shares its first letters); each captured word is then checked by
  // `isEnglishFormOf`. Words with digits or symbols, and acronyms, stay as written.
  const inflected = words.map((word) => isPlainWord(word) && !isAcronym(word));
  const body = words
    .map((word, index) => {
      if (!inflected[index]) return escapeRegExp(word);
      const lower = word.toLowerCase();
      const lead = lower.slice(0, Math.max(1, Math.min(3, lower.length - 1)));
      return `(${[...irregularFormsOf(lower).map(escapeRegExp), `${escapeRegExp(lead)}\\p{L}*`].join('|')})`;
    })
    .join(SEPARATOR);
  const heads = words.filter((_, index) => inflected[index]).map((word) => word.toLowerCase());
  const before = /^[\p{L}\p{N}]/u.test(term) ? '(?<![\\p{L}\\p{N}])' : '';
  const pattern = new RegExp(`${before}${body}(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => {
    const hits: Array<{ start: number; end: number }> = [];
    for (const found of text.matchAll(pattern)) {
      if (heads.every((head, index) => isEnglishFormOf(head, found[index + 1]!.toLowerCase()))) {
        hits.push({ start: found.index, end: found.index + found[0].length });
      }
    }
    return hits;
  };
}

function isPlainWord(word: string): boolean {
  return /^[a-z]+$/i.test(word);
}
