import { foldCase } from '../normalize.js';

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{N}]/u;

/**
 * Substring search for languages written without spaces between words (Chinese, Japanese, Thai…).
 * Where the term begins or ends with a Latin letter or digit, the neighbouring character must not be one,
 * so `AI` is not found inside `OpenAI`.
 */
export function findSubstrings(text: string, term: string, options: { caseSensitive: boolean }): Array<{ start: number; end: number }> {
  const haystack = options.caseSensitive ? text : foldCase(text);
  const needle = options.caseSensitive ? term : foldCase(term);
  const hits: Array<{ start: number; end: number }> = [];
  if (!needle) return hits;
  const checkBefore = LATIN_OR_DIGIT.test(term[0] ?? '');
  const checkAfter = LATIN_OR_DIGIT.test(term.at(-1) ?? '');
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (checkBefore && at > 0 && LATIN_OR_DIGIT.test(text[at - 1]!)) continue;
    if (checkAfter && end < text.length && LATIN_OR_DIGIT.test(text[end]!)) continue;
    // A number does not end where a decimal part follows (`Llama 3` is not in `Llama 3.1`).
    if (/\p{N}/u.test(term.at(-1) ?? '') && /^[.,]\p{N}/u.test(text.slice(end, end + 2))) continue;
    hits.push({ start: at, end });
  }
  return hits;
}
