/**
 * Whole-word search for languages written with spaces. Words of a term may be joined by spaces or
 * hyphens in the text (`large-language model` = `large language model`), and the last word may take the
 * forms `inflect` gives (plurals, verb forms).
 */
export const SEPARATOR = '(?:\\s*[-\u2010\u2011\u2013]\\s*|\\s+)';
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function wordPattern(term: string, options: { caseSensitive: boolean; inflect?: (word: string) => string[] }): RegExp {
  const words = splitWords(term);
  const last = words.pop() ?? '';
  const lastForms = options.inflect ? [...new Set([last, ...options.inflect(last)])] : [last];
  // Longest first, so the alternation prefers `models` over `model`.
  lastForms.sort((a, b) => b.length - a.length);
  const body = [...words.map(escapeRegExp), `(?:${lastForms.map(escapeRegExp).join('|')})`].join(SEPARATOR);
  const before = WORD_CHAR.test(term[0] ?? '') ? '(?<![\\p{L}\\p{N}])' : '';
  // A number does not end where a decimal part follows (`Llama 3` is not in `Llama 3.1`).
  const after = /\p{N}$/u.test(term) ? '(?![\\p{L}\\p{N}]|[.,]\\p{N})' : WORD_CHAR.test(term.at(-1) ?? '') ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(before + body + after, options.caseSensitive ? 'gu' : 'giu');
}

/** The words of a term: split at spaces and hyphens. */
export function splitWords(term: string): string[] {
  return term.split(/\s*[-\u2010\u2011\u2013]\s*|\s+/u).filter(Boolean);
}

export function findAll(pattern: RegExp, text: string): Array<{ start: number; end: number }> {
  const hits: Array<{ start: number; end: number }> = [];
  for (const found of text.matchAll(pattern)) hits.push({ start: found.index, end: found.index + found[0].length });
  return hits;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
