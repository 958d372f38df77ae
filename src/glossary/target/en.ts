import { isAcronym } from '../normalize.js';
import type { TargetLanguage } from './types.js';
import { findAll, wordPattern } from './words.js';

/**
 * English: whole words, case-insensitive unless the concept is case-sensitive or the term is an acronym
 * (GPU, H800), hyphen/space variants, and the regular plural and verb forms of the last word
 * (model → models, company → companies, distill → distills / distilled / distilling). Irregular forms
 * go in the concept's `forms`.
 */
export const english: TargetLanguage = {
  find(text, term, options) {
    const key = `${options.caseSensitive ? 'c' : 'i'}:${term}`;
    let pattern = patterns.get(key);
    if (!pattern) {
      pattern = wordPattern(term, { caseSensitive: options.caseSensitive, inflect: englishForms });
      patterns.set(key, pattern);
    }
    return findAll(pattern, text);
  },
};

const patterns = new Map<string, RegExp>();

/** Regular inflections of one English word (over-generation is harmless: only real words occur in text). */
export function englishForms(word: string): string[] {
  if (isAcronym(word)) return [`${word}s`];
  if (!/^[a-z]+$/i.test(word)) return [];
  const forms: string[] = [];
  const last = word.at(-1)!;
  const consonantY = /[^aeiou]y$/i.test(word);
  const doubled = /[^aeiou][aeiou][^aeiouwxy]$/i.test(word) ? word + last : undefined;
  // Plural and third person.
  if (/(?:s|x|z|ch|sh)$/i.test(word)) forms.push(`${word}es`);
  else if (consonantY) forms.push(`${word.slice(0, -1)}ies`);
  else forms.push(`${word}s`);
  if (/o$/i.test(word)) forms.push(`${word}es`);
  // Past and participles.
  if (/e$/i.test(word)) forms.push(`${word}d`);
  else if (consonantY) forms.push(`${word.slice(0, -1)}ied`);
  else forms.push(`${word}ed`);
  if (/ie$/i.test(word)) forms.push(`${word.slice(0, -2)}ying`);
  else if (/[^e]e$/i.test(word)) forms.push(`${word.slice(0, -1)}ing`);
  else forms.push(`${word}ing`);
  if (doubled) forms.push(`${doubled}ed`, `${doubled}ing`);
  return forms;
}
