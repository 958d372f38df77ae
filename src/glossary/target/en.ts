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

/**
 * The finder of one term. `fullScan` runs the pattern over the whole text, as the tests compare; otherwise
 * the pattern is tried only where the text can begin a match (see `candidateStarts`), which finds the same.
 */
export function makeFinder(term: string, caseSensitive: boolean, fullScan = false): Finder {
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
      return `(${[...irregularFormsOf(lower).map(escapeRegExp), `${escapeRegExp(leadOf(lower))}\\p{L}*`].join('|')})`;
    })
    .join(SEPARATOR);
  const heads = words.filter((_, index) => inflected[index]).map((word) => word.toLowerCase());
  const before = /^[\p{L}\p{N}]/u.test(term) ? '(?<![\\p{L}\\p{N}])' : '';
  const pattern = new RegExp(`${before}${body}(?![\\p{L}\\p{N}])`, 'giu');
  const anchored = new RegExp(pattern.source, 'iuy');
  const openings = fullScan ? undefined : firstWordOpenings(words[0] ?? '', inflected[0] === true);
  const accept = (found: RegExpExecArray, hits: Array<{ start: number; end: number }>) => {
    if (heads.every((head, index) => isEnglishFormOf(head, found[index + 1]!.toLowerCase()))) hits.push({ start: found.index, end: found.index + found[0].length });
  };
  return (text) => {
    const hits: Array<{ start: number; end: number }> = [];
    const starts = openings && candidateStarts(text, openings);
    if (!starts) {
      for (const found of text.matchAll(pattern)) accept(found, hits);
      return hits;
    }
    // What the global scan does, tried only where a match can start: a match (kept or not) consumes the
    // text up to its end, and the scan goes on from there.
    let scannedTo = 0;
    for (const start of starts) {
      if (start < scannedTo) continue;
      anchored.lastIndex = start;
      const found = anchored.exec(text);
      if (!found) continue;
      accept(found, hits);
      scannedTo = start + found[0].length;
    }
    return hits;
  };
}

/**
 * Where in `text` a match can start: every offset at which one of the openings of the term's first word
 * occurs (compared in lower case), in order. Most translations hold few of them, so the Unicode pattern is
 * tried a few times instead of being run over the whole text for every term of every segment. Undefined
 * when lower-casing changes the text's length (offsets would not line up): the whole text is scanned then.
 */
function candidateStarts(text: string, openings: readonly string[]): number[] | undefined {
  const lower = lowerCased(text);
  if (lower.length !== text.length) return undefined;
  const starts = new Set<number>();
  for (const opening of openings) {
    for (let at = lower.indexOf(opening); at !== -1; at = lower.indexOf(opening, at + 1)) starts.add(at);
  }
  return [...starts].sort((a, b) => a - b);
}

function isPlainWord(word: string): boolean {
  return /^[a-z]+$/i.test(word);
}

/** The first letters every accepted form of a (lower-case) word shares: up to three, never the whole word. */
function leadOf(lower: string): string {
  return lower.slice(0, Math.max(1, Math.min(3, lower.length - 1)));
}

/**
 * How a match of the first word can begin, in lower case: its irregular forms and its first letters when
 * it inflects, else the word itself. Undefined when any of them is not plain ASCII: the pre-check compares
 * lower-cased text, which for ASCII letters is exactly what the case-insensitive pattern accepts once the
 * text is NFKC-normalized (the Kelvin sign and long s, the other characters that fold to ASCII letters,
 * are gone by then); for other letters lower-casing and case folding can differ (final sigma).
 */
function firstWordOpenings(word: string, inflects: boolean): string[] | undefined {
  const lower = word.toLowerCase();
  const openings = inflects ? [...irregularFormsOf(lower), leadOf(lower)] : [lower];
  return openings.every((opening) => /^[\x20-\x7e]+$/.test(opening)) ? openings : undefined;
}

// The finders of one concept run over the same text one after another: lower-case it once.
let lastText = '';
let lastLower = '';
function lowerCased(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}
