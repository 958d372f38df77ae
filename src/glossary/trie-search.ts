/**
 * kuromoji looks up the dictionary words that start at each character of a sentence with the `doublearray`
 * package's `commonPrefixSearch(rest of the sentence)`, which first encodes the whole rest of the sentence
 * into a new UTF-8 buffer. That makes every sentence quadratic in time and in garbage: a 48-character piece
 * encodes about 1,200 characters and allocates about 4.7 KB for a lookup that reads a few bytes, and it was a
 * fifth of all tokenizing time. `commonPrefixSearch` below walks the same trie, encoding one character at a
 * time and stopping where the trie has no branch, and returns the very same records: `v` the word's id (or
 * no `v` where the word's node is not a leaf, exactly as the original) and `k` the word itself.
 *
 * Words in the trie are whole UTF-8 strings, so a word can only end after the last byte of a character; and
 * no word holds a lone surrogate, so the walk stops at one (the original gives up on the whole sentence).
 */

/** The parts of a `doublearray` trie the walk uses (the package's own names). */
export interface DoubleArrayTrie {
  bc: { getBase(index: number): number; getCheck(index: number): number };
}

export interface PrefixRecord {
  /** The id of the word's token infos, when its node is a leaf (always, for kuromoji's dictionary). */
  v?: number;
  /** The word: a prefix of the key. */
  k: string;
}

/** The byte that marks the end of a word in `doublearray`, and its root node. */
const TERM_CODE = 0;
const ROOT_ID = 0;

/**
 * The dictionary words that are prefixes of `key.slice(start)`, shortest first, as `doublearray`'s
 * `commonPrefixSearch(key.slice(start))` returns them.
 */
export function commonPrefixSearch(trie: DoubleArrayTrie, key: string, start = 0): PrefixRecord[] {
  const { bc } = trie;
  const result: PrefixRecord[] = [];
  const bytes = [0, 0, 0, 0];
  let parent = ROOT_ID;
  let index = start;
  while (index < key.length) {
    let code = key.charCodeAt(index);
    let units = 1;
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = key.charCodeAt(index + 1);
      if (code > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) break;
      code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      units = 2;
    }
    const length = utf8(code, bytes);
    for (let byte = 0; byte < length; byte++) {
      const child = bc.getBase(parent) + bytes[byte]!;
      if (bc.getCheck(child) !== parent) return result;
      parent = child;
    }
    index += units;
    const end = bc.getBase(parent) + TERM_CODE;
    if (bc.getCheck(end) === parent) {
      const base = bc.getBase(end);
      const record: PrefixRecord = { k: key.slice(start, index) };
      if (base <= 0) record.v = -base - 1;
      result.push(record);
    }
  }
  return result;
}

/** Writes the UTF-8 bytes of one code point into `bytes` and returns how many there are. */
function utf8(code: number, bytes: number[]): number {
  if (code < 0x80) {
    bytes[0] = code;
    return 1;
  }
  if (code < 0x800) {
    bytes[0] = 0xc0 | (code >> 6);
    bytes[1] = 0x80 | (code & 0x3f);
    return 2;
  }
  if (code < 0x10000) {
    bytes[0] = 0xe0 | (code >> 12);
    bytes[1] = 0x80 | ((code >> 6) & 0x3f);
    bytes[2] = 0x80 | (code & 0x3f);
    return 3;
  }
  bytes[0] = 0xf0 | (code >> 18);
  bytes[1] = 0x80 | ((code >> 12) & 0x3f);
  bytes[2] = 0x80 | ((code >> 6) & 0x3f);
  bytes[3] = 0x80 | (code & 0x3f);
  return 4;
}
