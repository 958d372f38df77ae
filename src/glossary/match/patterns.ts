import { foldCase, isAcronym, normalizeText } from '../normalize.js';
import { SOURCE_LANGUAGE } from '../terms.js';
import type { Token, Tokenizer } from '../tokenizer.js';
import type { Concept, Glossary, Term } from '../types.js';

/**
 * What the automaton looks for. Every Japanese term gives an `exact` pattern; long-vowel concepts add
 * `variant` patterns (コンピューター ↔ コンピュータ); verbs and adjectives in dictionary form add an
 * `inflected` pattern whose key is the part every conjugation shares (引き下げる → 引き下げ).
 */
export interface Pattern {
  /** Case-folded normalized key inserted in the automaton. */
  key: string;
  concept: Concept;
  term: Term;
  kind: 'exact' | 'variant' | 'inflected';
  /** Normalized, unfolded text the occurrence must equal (case-sensitive terms only). */
  exact: string | undefined;
  /** Inflected patterns: normalized dictionary form the occurrence must reconstruct to. */
  dictionaryForm: string | undefined;
  /** Inflected patterns: the last word of the term conjugates from its first character (する, 来る). */
  stemless: boolean;
}

/** Rank used to break ties between patterns that cover the same text: the term as written wins. */
export const KIND_RANK: Record<Pattern['kind'], number> = { exact: 0, variant: 1, inflected: 2 };

/** Builds the patterns of a glossary. The tokenizer is only used for the few terms that need it. */
export function buildPatterns(glossary: Glossary, tokenizer: Tokenizer): Pattern[] {
  const patterns: Pattern[] = [];
  for (const concept of glossary.concepts) {
    for (const term of concept.terms[SOURCE_LANGUAGE] ?? []) {
      const normalized = normalizeText(term.text);
      if (!normalized) continue;
      const caseSensitive = concept.caseSensitive || isAcronym(normalized);
      const base = { concept, term, exact: caseSensitive ? normalized : undefined, dictionaryForm: undefined, stemless: false };
      patterns.push({ ...base, key: foldCase(normalized), kind: 'exact' });
      // Verbs and adjectives in dictionary form end in hiragana; nothing else needs tokenizing.
      const tokens = concept.longVowel || endsInHiragana(normalized) ? tokenizer.tokenize(normalized) : [];
      if (concept.longVowel) {
        for (const variant of longVowelVariants(normalized, tokens)) {
          patterns.push({ ...base, exact: caseSensitive ? variant : undefined, key: foldCase(variant), kind: 'variant' });
        }
      }
      const inflected = inflectedPattern(normalized, tokens);
      if (inflected) patterns.push({ ...base, exact: undefined, ...inflected, key: foldCase(inflected.key), kind: 'inflected' });
    }
  }
  return patterns;
}

function endsInHiragana(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0x3041 && last <= 0x309f;
}

const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc]+$/;
const SMALL_KANA = /[\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee\u30f5\u30f6]$/;

/**
 * Spellings of the term with the long-vowel mark ー added to or dropped from the end of each katakana word
 * (JIS Z 8301 and the 外来語の表記 guideline let both stand: サーバ / サーバー, コンピュータ / コンピューター).
 * Words are kuromoji tokens, so ユーザーインターフェース varies in both of its words.
 */
export function longVowelVariants(term: string, tokens: Token[]): string[] {
  const ends = tokens.filter((token) => KATAKANA_WORD.test(token.surface) && token.surface.length >= 2).map((token) => token.end);
  const spellings = new Set<string>([term]);
  // Each word end toggles independently (four words give at most sixteen spellings). Ends are taken from
  // last to first, so the changes already made lie after `end` and its offset holds in every spelling.
  for (const end of ends.slice(-4).reverse()) {
    for (const spelling of [...spellings]) {
      const before = spelling.slice(0, end);
      const after = spelling.slice(end);
      if (before.endsWith('ー') && before.length >= 3) spellings.add(before.slice(0, -1) + after);
      else if (!before.endsWith('ー') && !SMALL_KANA.test(before)) spellings.add(before + 'ー' + after);
    }
  }
  spellings.delete(term);
  return [...spellings];
}

/**
 * For a term whose last word is a verb or adjective in dictionary form: the key shared by its
 * conjugations (the term minus the final kana of that word) and the form to reconstruct.
 */
function inflectedPattern(term: string, tokens: Token[]): { key: string; dictionaryForm: string; stemless: boolean } | undefined {
  const last = tokens.at(-1);
  if (!last || (last.pos !== '動詞' && last.pos !== '形容詞') || last.basic !== last.surface || last.end !== term.length) return undefined;
  const stem = last.basic.slice(0, -1);
  // する and くる change their first kana too (し, さ, こ, き): the key stops before the word.
  const stemless = stem === 'す' || stem === 'く' || stem === '';
  const key = term.slice(0, last.start) + (stemless ? '' : stem);
  if (!key) return undefined;
  return { key, dictionaryForm: term, stemless };
}
