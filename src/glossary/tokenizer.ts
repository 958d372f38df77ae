import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { bestPathWords, type KuromojiParts, type PathWord } from './best-path.js';
import { buildLatticesLinearly, type KuromojiViterbiBuilder } from './lattice.js';

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

/** kuromoji's dictionary files, decompressed: file name → bytes, in memory that worker threads can share. */
export type DictionaryBuffers = Readonly<Record<string, SharedArrayBuffer>>;

/** The files kuromoji's `DictionaryLoader` asks for. */
const DICTIONARY_FILES = [
  'base.dat.gz',
  'check.dat.gz',
  'tid.dat.gz',
  'tid_pos.dat.gz',
  'tid_map.dat.gz',
  'cc.dat.gz',
  'unk.dat.gz',
  'unk_pos.dat.gz',
  'unk_map.dat.gz',
  'unk_char.dat.gz',
  'unk_compat.dat.gz',
  'unk_invoke.dat.gz',
] as const;

const require = createRequire(import.meta.url);
/** The dictionary folder of the installed kuromoji package, never one in the working folder. */
const dictionaryFolder = () => join(dirname(require.resolve('kuromoji/package.json')), 'dict');

/**
 * Reads and decompresses kuromoji's dictionary (about 100 MB) into shared memory. kuromoji reads these
 * arrays and never writes them while tokenizing, so the worker threads of one run all tokenize from the
 * one copy their parent loaded, instead of each holding its own.
 */
export async function loadDictionaryBuffers(): Promise<DictionaryBuffers> {
  const folder = dictionaryFolder();
  const entries = await Promise.all(DICTIONARY_FILES.map(async (name) => [name, await gunzipShared(join(folder, name))] as const));
  return Object.fromEntries(entries);
}

/**
 * Decompresses a gzip file straight into shared memory of its decompressed size (the gzip trailer's
 * ISIZE), chunk by chunk: the 100 MB are never held twice.
 */
async function gunzipShared(file: string): Promise<SharedArrayBuffer> {
  const compressed = await readFile(file);
  const size = compressed.length >= 4 ? compressed.readUInt32LE(compressed.length - 4) : 0;
  const shared = new SharedArrayBuffer(size);
  const view = new Uint8Array(shared);
  let offset = 0;
  await pipeline(
    Readable.from([compressed]),
    createGunzip({ chunkSize: 1 << 20 }),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (offset + chunk.length > size) return done(new Error(`${file}: longer than its gzip trailer says`));
        view.set(chunk, offset);
        offset += chunk.length;
        done();
      },
    }),
  );
  if (offset !== size) throw new Error(`${file}: shorter than its gzip trailer says`);
  return shared;
}

let dictionary: Promise<DictionaryBuffers> | undefined;

/**
 * The dictionary of this thread: the arrays a parent thread handed over, else read once. The tokenizer of
 * this thread and the worker threads it starts all read this one copy.
 */
export function sharedDictionary(): Promise<DictionaryBuffers> {
  dictionary ??= loadDictionaryBuffers();
  return dictionary;
}

/** This thread's tokenizer will read the dictionary from `buffers` (loaded by its parent) instead of the files. */
export function useDictionaryBuffers(buffers: DictionaryBuffers): void {
  dictionary ??= Promise.resolve(buffers);
}

/** kuromoji's `Tokenizer`: built from the loaded dictionaries; cuts its input into sentences at 、 and 。. */
interface KuromojiTokenizerClass {
  new (dictionaries: unknown): object;
  splitByPunctuation(text: string): string[];
}

/** The parts of kuromoji's loader used here (`kuromoji.builder` offers no way to hand over the arrays). */
interface KuromojiDictionaryLoader {
  loadArrayBuffer(file: string, callback: (error: unknown, buffer?: ArrayBufferLike) => void): void;
  load(callback: (error: unknown, dictionaries: unknown) => void): void;
}

let pending: Promise<Tokenizer> | undefined;

/**
 * The tokenizer of this thread. Building kuromoji's tables takes about 0.5 s and 300 MB (the dictionary
 * arrays, about 100 MB of it, may be shared with other threads), so it is built once per thread, from the
 * installed package's files or from the arrays a parent thread shared.
 */
export function loadTokenizer(): Promise<Tokenizer> {
  pending ??= (async () => {
    const buffers = await sharedDictionary();
    const DictionaryLoader = require('kuromoji/src/loader/DictionaryLoader.js') as new (path: string) => KuromojiDictionaryLoader;
    const KuromojiTokenizer = require('kuromoji/src/Tokenizer.js') as KuromojiTokenizerClass;
    const loader = new DictionaryLoader(dictionaryFolder());
    // kuromoji asks for each file by path and wraps what it gets in typed-array views, without copying.
    loader.loadArrayBuffer = (file, callback) => {
      const buffer = buffers[basename(file)];
      if (buffer) callback(null, buffer);
      else callback(new Error(`kuromoji dictionary file ${basename(file)} was not loaded`));
    };
    const dictionaries = await new Promise<unknown>((resolvePromise, reject) => {
      loader.load((error, loaded) => (error ? reject(error) : resolvePromise(loaded)));
    });
    const tokenizer = new KuromojiTokenizer(dictionaries) as unknown as KuromojiParts & { viterbi_builder: KuromojiViterbiBuilder };
    // kuromoji's own tokens, faster: see lattice.ts and best-path.ts.
    buildLatticesLinearly(tokenizer.viterbi_builder);
    const words = bestPathWords(tokenizer);
    const sentenceWords = (text: string) => KuromojiTokenizer.splitByPunctuation(text).flatMap(words);
    return { tokenize: (text: string) => tokenizeInPieces(sentenceWords, text) };
  })();
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

function tokenizeInPieces(sentenceWords: (text: string) => PathWord[], text: string): Token[] {
  if (text.length <= SOFT_LIMIT) return toTokens(sentenceWords(tokenizable(text)), text, 0, []);
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
    toTokens(sentenceWords(tokenizable(piece)), piece, start, tokens);
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
 * Appends the tokens of `text` (which starts at `base` in the whole text) to `tokens`. kuromoji's
 * `word_position` counts code points, not UTF-16 units, so offsets are computed by adding up surface
 * lengths instead.
 */
export function toTokens(words: readonly PathWord[], text: string, base: number, tokens: Token[]): Token[] {
  let offset = 0;
  for (const word of words) {
    const surface = text.slice(offset, offset + word.surface.length);
    tokens.push({
      surface,
      basic: word.basic === '*' || !word.basic ? surface : word.basic,
      pos: word.pos ?? '',
      pos1: word.pos1 ?? '',
      reading: word.reading && word.reading !== '*' ? word.reading : undefined,
      known: word.known,
      start: base + offset,
      end: base + offset + surface.length,
    });
    offset += surface.length;
  }
  return tokens;
}
