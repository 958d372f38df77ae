import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../util/fs.js';

/** True when the file starts with a UTF-8 byte order mark (readTextFile drops it; rewrites put it back). */
export function hasBom(file: string): boolean {
  const bytes = readFileSync(file);
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Writes `text` atomically, with a BOM when `bom` is set, so a rewrite changes only what it meant to. */
export function writeTextFile(file: string, text: string, bom: boolean): void {
  writeFileAtomic(file, bom ? `\ufeff${text}` : text);
}
