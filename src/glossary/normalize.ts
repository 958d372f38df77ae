/**
 * Normalization for term matching, with a map back to the original text.
 *
 * Japanese is written with width variants (ＡＩ / AI, ｶﾞ / ガ), enclosed forms (㈱) and optional spaces
 * between Japanese and Latin words (フィジカル AI / フィジカルAI). Terms and texts are compared after:
 *
 * 1. NFKC, applied per normalization cluster (a starter and every code point that composes with it), so
 *    each output character is known to come from one stretch of the original text;
 * 2. hyphen-like characters NFKC keeps (‐ ‑ ‒ – −) folded to `-`;
 * 3. whitespace removed next to CJK characters and collapsed to one space between other words
 *    (`Claude Sonnet 3.5` keeps its spaces, `物理 AI` becomes `物理AI`).
 *
 * Case folding is a separate, length-preserving step (`foldCase`) because it depends on the concept.
 */

/** A normalized text and, for each of its UTF-16 code units, the stretch of the original it came from. */
export interface NormalizedText {
  text: string;
  /** `starts[i]`: original offset where the cluster that produced `text[i]` starts. */
  starts: Int32Array;
  /** `ends[i]`: original offset where that cluster ends. */
  ends: Int32Array;
  /** Length of the original text. */
  originalLength: number;
}

const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const SPACE = /\s/u;
const MARK = /^\p{M}/u;

/** True for characters of scripts written without spaces between words (and their punctuation). */
export function isCjkChar(char: string): boolean {
  return CJK.test(char);
}

/**
 * Code points below U+0300, and the common Japanese letters, never compose with what precedes them under
 * NFKC, so a new cluster always starts there. Everything else is checked by normalizing.
 */
function alwaysStartsCluster(code: number): boolean {
  return (
    code < 0x300 ||
    (code >= 0x3000 && code <= 0x3029) || // CJK punctuation (not the tone marks after it)
    (code >= 0x3041 && code <= 0x3096) || // hiragana
    (code >= 0x30a1 && code <= 0x30fa) || // katakana
    code === 0x30fc || // ー
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0xff01 && code <= 0xff9d) // full-width ASCII, half-width katakana (not the voicing marks ﾞﾟ)
  );
}

/** Splits text into NFKC clusters: [start, end) ranges such that normalizing each one alone is exact. */
function clusters(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (i > start) {
      let split = alwaysStartsCluster(code);
      if (!split) {
        const before = text.slice(start, i);
        const char = text.slice(i, i + width);
        // A combining mark (or what normalizes to one, like ﾞ) may reorder with the marks before it and
        // compose with their starter, so it stays in the cluster; others start one unless they compose (ｶ + ﾞ).
        split = !MARK.test(char.normalize('NFKC')) && (before + char).normalize('NFKC') === before.normalize('NFKC') + char.normalize('NFKC');
      }
      if (split) {
        ranges.push([start, i]);
        start = i;
      }
    }
    i += width;
  }
  if (i > start) ranges.push([start, i]);
  return ranges;
}

/** Normalizes `text` for matching and keeps the map back to it. */
export function normalizeWithMap(text: string): NormalizedText {
  return alreadyNormal(text) ?? normalizeClusters(text);
}

/**
 * Characters NFKC leaves as they are, that are no hyphen to fold, no space, not CJK and never part of a
 * longer cluster: printable ASCII, the Latin-1 letters and the curly quotes of English prose.
 */
const STABLE_WORDS = /^[\x21-\x7e\u00c0-\u00ff\u2018\u2019\u201c\u201d]+(?: [\x21-\x7e\u00c0-\u00ff\u2018\u2019\u201c\u201d]+)*$/;

/**
 * Most translated English is already normal: such characters, single spaces between words, no space at
 * either end. Its normalized text is itself and its map the identity, known without walking its clusters.
 */
function alreadyNormal(text: string): NormalizedText | undefined {
  if (!STABLE_WORDS.test(text)) return undefined;
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text, starts, ends, originalLength: text.length };
}

/** The general case of `normalizeWithMap`: cluster by cluster (exported for the tests that compare the two). */
export function normalizeClusters(text: string): NormalizedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // A run of whitespace waiting for the next visible character to decide whether it stays as one space.
  let pendingSpace: { start: number; end: number } | undefined;
  let previous = '';
  const push = (char: string, start: number, end: number) => {
    out.push(char);
    for (let k = 0; k < char.length; k++) {
      starts.push(start);
      ends.push(end);
    }
  };
  for (const [start, end] of clusters(text)) {
    const cluster = text.slice(start, end);
    const normalized = isPlainAscii(cluster) ? cluster : foldHyphens(cluster.normalize('NFKC'));
    for (const char of normalized) {
      if (SPACE.test(char)) {
        pendingSpace ??= { start, end };
        pendingSpace.end = end;
        continue;
      }
      if (pendingSpace) {
        if (previous && !isCjkChar(previous) && !isCjkChar(char)) push(' ', pendingSpace.start, pendingSpace.end);
        pendingSpace = undefined;
      }
      push(char, start, end);
      previous = char;
    }
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends), originalLength: text.length };
}

/**
 * Hyphens and minus signs NFKC leaves alone (‐ ‑ ‒ – −) become `-`: word processors put them in
 * `GPT‐4o` and `S&P‐500` where the glossary has a plain hyphen. One character each, so offsets hold.
 */
function foldHyphens(text: string): string {
  return HYPHENS.test(text) ? text.replace(HYPHENS_ALL, '-') : text;
}

const HYPHENS = /[\u2010-\u2013\u2212]/;
const HYPHENS_ALL = /[\u2010-\u2013\u2212]/g;

function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) return false;
  return true;
}

/**
 * The normalized form of a term or text, without the offset map: NFKC of the whole string and the spacing
 * rule. Normalizing cluster by cluster (`normalizeWithMap`) gives the same text; the tests check that.
 */
export function normalizeText(text: string): string {
  const nfkc = foldHyphens(text.normalize('NFKC'));
  if (!SPACE.test(nfkc)) return nfkc;
  const chars = [...nfkc];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (!SPACE.test(char)) {
      out += char;
      continue;
    }
    let next = i;
    while (next < chars.length && SPACE.test(chars[next]!)) next++;
    const before = chars[i - 1];
    const after = chars[next];
    if (before !== undefined && after !== undefined && !isCjkChar(before) && !isCjkChar(after)) out += ' ';
    i = next - 1;
  }
  return out;
}

/** Original [start, end) of the normalized range [start, end). */
export function originalRange(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < normalized.text.length ? normalized.starts[start]! : normalized.originalLength;
    return { start: at, end: at };
  }
  return { start: normalized.starts[start]!, end: normalized.ends[end - 1]! };
}

/**
 * Lowercases letters whose lowercase has the same length (all of Latin, Greek, Cyrillic and the
 * full-width forms NFKC leaves), so offsets stay valid. Other characters are kept as they are.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let folded = '';
  for (const char of text) {
    const candidate = char.toLowerCase();
    folded += candidate.length === char.length ? candidate : char;
  }
  return folded;
}

/**
 * An acronym or code name written in capitals and digits (AI, GPU, H800, S&P 500): such terms match
 * case-sensitively even in case-insensitive concepts, so `AI` does not match the `ai` of `01.ai`.
 */
export function isAcronym(term: string): boolean {
  return /\p{Lu}/u.test(term) && !/\p{Ll}/u.test(term) && /^[\p{Lu}\p{N}][\p{Lu}\p{N}\s&.+\-/]*$/u.test(term);
}
