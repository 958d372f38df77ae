import { type Hash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { YakugoError } from './errors.js';
import { inputMessage } from './input-messages.js';

/**
 * Writes a file atomically: the bytes go to a temporary file in the same folder, which is then renamed
 * over the target, so a crash or an error never leaves a half-written file.
 */
export function writeFileAtomic(file: string, contents: string): void {
  writeFileAtomicIf(file, contents, () => true);
}

/**
 * Like writeFileAtomic, but asks `stillValid` once the new bytes are on disk, just before the rename, and
 * leaves the target untouched when it answers false. The window between that question and the rename is
 * as small as the file system allows; callers use it to refuse overwriting a file somebody saved meanwhile.
 */
export function writeFileAtomicIf(file: string, contents: string, stillValid: () => boolean): boolean {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = temporaryPathFor(file);
  try {
    writeFileSync(temporary, contents, 'utf8');
    if (!stillValid()) {
      rmSync(temporary, { force: true });
      return false;
    }
    renameSync(temporary, file);
    return true;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Marker in the name of every temporary file yakugo writes (`<file>.yakugo-tmp-<pid>-<random>`). */
export const TEMPORARY_MARKER = '.yakugo-tmp-';

function temporaryPathFor(file: string): string {
  return `${file}${TEMPORARY_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The bytes of a file, or null when it does not exist: a snapshot to compare with before overwriting. */
export function readBytesIfExists(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Adds a file to a content hash: a name for it (its path, or a name that is the same on every machine for
 * hashes that are committed), then its bytes, or that it is missing, so a missing file and an empty one differ.
 */
export function hashFile(hash: Hash, file: string, name = file): void {
  const bytes = readBytesIfExists(file);
  hash.update('\0').update(name).update(bytes === null ? '\0missing' : '\0present').update(bytes ?? '');
}

export function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  return a === null || b === null ? a === b : a.equals(b);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a UTF-8 text file. A BOM is dropped; bytes that are not UTF-8 are an input error naming the
 * line and column of the first bad byte.
 */
export function readTextFile(file: string, displayPath = file): string {
  return decodeTextFile(readFileSync(file), displayPath);
}

/** True when the bytes start with the UTF-8 byte order mark (decodeTextFile drops it from the text). */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Decodes the bytes of a text file as readTextFile does (BOM dropped, bad UTF-8 an input error). */
export function decodeTextFile(bytes: Buffer, displayPath: string): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) throw new YakugoError(inputMessage(utf16.bom ? 'utf16Bom' : 'utf16', { encoding: utf16.encoding }), { file: displayPath, place: { line: 1, column: 1 } });
  try {
    const text = decoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8Byte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = before.split('\n');
    throw new YakugoError(inputMessage('notUtf8', { byte: (bytes[bad] ?? 0).toString(16).padStart(2, '0') }), {
      file: displayPath,
      place: { line: lines.length, column: (lines.at(-1) ?? '').length + 1 },
    });
  }
}

/**
 * UTF-16 by its byte order mark, or without one by the NUL pattern of mostly-ASCII text (every other byte 0).
 * ASCII text in UTF-16LE is valid UTF-8 full of NULs, so it would otherwise be read as garbage.
 */
export function utf16Encoding(bytes: Uint8Array): { encoding: 'UTF-16LE' | 'UTF-16BE'; bom: boolean } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16LE', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', bom: true };
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  const pairs = sample.length / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return { encoding: 'UTF-16LE', bom: false };
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return { encoding: 'UTF-16BE', bom: false };
  return undefined;
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
