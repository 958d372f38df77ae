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
      else resolvePromise({ tokenize: (text) => toTokens(tokenizer.tokenize(tokenizable(text)), text) });
    });
  });
  return pending;
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
