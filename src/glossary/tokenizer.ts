import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';

/** One kuromoji token with exact UTF-16 offsets into the text that was tokenized. */
export interface Token {
  surface: string;
  /** Dictionary form (`basic_form`); equals `surface` for unknown words, whose kuromoji `basic_form` is `*`. */
  basic: string;
  /** Part of speech (品詞) and its first subdivision (品詞細分類1), e.g. `名詞` / `固有名詞`. */
  pos: string;
  pos1: string;
  /** Reading in katakana, or undefined for unknown words. */
  reading: string | undefined;
  known: boolean;
  /** UTF-16 offsets in the tokenized string: `text.slice(start, end) === surface`. */
  start: number;
  end: number;
}

export type Tokenizer = { tokenize(text: string): Token[] };

let pending: Promise<Tokenizer> | undefined;

/**
 * The process-wide tokenizer. Building kuromoji's dictionary takes about 0.9 s and 400 MB, so it is built
 * once per process. The dictionary is resolved from the installed package, never from the working folder.
 */
export function loadTokenizer(): Promise<Tokenizer> {
  pending ??= new Promise<Tokenizer>((resolvePromise, reject) => {
    const require = createRequire(import.meta.url);
    const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
    kuromoji.builder({ dicPath }).build((error, tokenizer) => {
      if (error) reject(error);
      else resolvePromise({ tokenize: (text) => tokenizeInPieces(tokenizer, text) });
    });
  });
  return pending;
}

/**
 * kuromoji splits its input only at 、 and 。, and its lattice builder is quadratic in the length of what
 * is left (it re-encodes the rest of the sentence at every character): a 50,000-character paragraph
 * without those marks takes a minute. The text is therefore handed over in pieces that end after a
 * sentence mark, a line break or, past 48 characters, a space; a piece with none of those is cut at
 * 256 characters (never inside a surrogate pair). Pieces end where kuromoji would end a token anyway,
 * except at such a forced cut.
 */
const PIECE_END = /[。、．！？!?\n]/;
const SOFT_LIMIT = 48;
const HARD_LIMIT = 256;

function tokenizeInPieces(tokenizer: kuromoji.Tokenizer<kuromoji.IpadicFeatures>, text: string): Token[] {
  if (text.length <= SOFT_LIMIT) return toTokens(tokenizer.tokenize(tokenizable(text)), text);
  const tokens: Token[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length) {
      const char = text[end]!;
      end++;
      if (PIECE_END.test(char) || (end - start >= SOFT_LIMIT && (char === ' ' || char === '\u3000'))) break;
      if (end - start >= HARD_LIMIT) {
        if (/[\uD800-\uDBFF]/.test(char)) end++;
        break;
      }
    }
    const piece = text.slice(start, end);
    for (const token of toTokens(tokenizer.tokenize(tokenizable(piece)), piece)) {
      tokens.push({ ...token, start: token.start + start, end: token.end + start });
    }
    start = end;
  }
  return tokens;
}

/**
 * kuromoji throws on NUL and on a lone high surrogate; each is replaced by U+FFFD (same length) for
 * tokenizing, and the tokens get their surfaces back from the original text.
 */
function tokenizable(text: string): string {
  return text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * kuromoji's `word_position` counts code points, not UTF-16 units, so offsets are computed by adding up
 * surface lengths instead.
 */
function toTokens(features: kuromoji.IpadicFeatures[], text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const feature of features) {
    const surface = text.slice(offset, offset + feature.surface_form.length);
    const known = feature.word_type === 'KNOWN';
    tokens.push({
      surface,
      basic: feature.basic_form === '*' || !feature.basic_form ? surface : feature.basic_form,
      pos: feature.pos,
      pos1: feature.pos_detail_1,
      reading: feature.reading && feature.reading !== '*' ? feature.reading : undefined,
      known,
      start: offset,
      end: offset + surface.length,
    });
    offset += surface.length;
  }
  return tokens;
}
