import { hasUtf8Bom } from '../../util/fs.js';

/** `text` with a BOM in front when `original` (the file's bytes as read) started with one, so a rewrite changes only what it meant to. */
export function withBom(text: string, original: Buffer | null): string {
  return original !== null && hasUtf8Bom(original) ? `\ufeff${text}` : text;
}
