import type { Concept } from '../types.js';

/** The id pattern of the glossary format. */
export const CONCEPT_ID = /^[a-z0-9][a-z0-9.+-]*$/;

/**
 * A concept id from an English (or any Latin-script) term: NFKC, lower case, every run of other characters
 * becomes one `-`. `physical AI` → `physical-ai`, `GPT-4o` → `gpt-4o`, `S&P 500` → `s-p-500`.
 * Returns undefined when nothing Latin is left (a Japanese-only term).
 */
export function idFromLatin(term: string): string | undefined {
  const id = term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9.+]+/g, '-')
    .replace(/^[^a-z0-9]+|[-.]+$/g, '');
  return id && CONCEPT_ID.test(id) ? id : undefined;
}

/** Hepburn romaji of each katakana mora; small kana combine with the one before. */
const KANA: Record<string, string> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o', カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko',
  サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so', タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to',
  ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no', ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho',
  マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo', ヤ: 'ya', ユ: 'yu', ヨ: 'yo',
  ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro', ワ: 'wa', ヰ: 'i', ヱ: 'e', ヲ: 'o', ン: 'n',
  ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go', ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo',
  ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do', バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo',
  パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po', ヴ: 'vu',
  ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ャ: 'ya', ュ: 'yu', ョ: 'yo', ヮ: 'wa',
};

/** Combinations where a small kana changes the mora rather than adding one (シャ → sha, ティ → ti, ファ → fa). */
function combine(previous: string, small: string): string | undefined {
  const consonant = previous.slice(0, -1);
  if ('ャュョ'.includes(small)) {
    const vowel = KANA[small]!.slice(1);
    if (previous === 'shi' || previous === 'chi' || previous === 'ji') return previous.slice(0, -1) + vowel;
    if (previous.endsWith('i')) return consonant + 'y' + vowel;
  }
  if ('ァィゥェォ'.includes(small)) {
    const vowel = KANA[small]!;
    if (previous === 'fu') return 'f' + vowel;
    if (previous === 'vu') return 'v' + vowel;
    if (previous === 'te' || previous === 'de') return previous[0] + vowel;
    if (previous === 'to' || previous === 'do') return previous[0] + vowel;
    if (previous === 'shi' || previous === 'chi' || previous === 'ji') return previous.slice(0, -1) + vowel;
    if (previous === 'u') return 'w' + vowel;
    if (previous.endsWith('u')) return consonant + vowel;
  }
  return undefined;
}

/**
 * Romaji of a katakana reading (kuromoji's `reading`), without long-vowel marks: `ジョウリュウ` → `jouryuu`,
 * `サーバー` → `saba`. Characters that are not katakana are kept if Latin or digits, dropped otherwise.
 */
export function romanizeKatakana(reading: string): string {
  const morae: string[] = [];
  let geminate = false;
  for (const char of reading.normalize('NFKC')) {
    if (char === 'ッ') {
      geminate = true;
      continue;
    }
    if (char === 'ー') continue;
    const small = 'ャュョァィゥェォ'.includes(char) && morae.length > 0 ? combine(morae.at(-1)!, char) : undefined;
    if (small !== undefined) {
      morae[morae.length - 1] = small;
      continue;
    }
    let roman = KANA[char] ?? (/[A-Za-z0-9]/.test(char) ? char.toLowerCase() : /\s/.test(char) ? '-' : '');
    if (geminate && roman) {
      roman = (roman.startsWith('ch') ? 't' : roman[0]) + roman;
      geminate = false;
    }
    morae.push(roman);
  }
  return morae.join('');
}

/** Converts hiragana to katakana (for readings typed in hiragana). */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60));
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The preferred term of `lng`: the first term that is neither deprecated nor forbidden. */
export function preferredText(concept: Concept, lng: string): string | undefined {
  return concept.terms[lng]?.find((term) => term.status === 'preferred' || term.status === 'admitted')?.text;
}
