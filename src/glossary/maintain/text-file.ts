/** `text` with a BOM in front when `original` (the file's bytes as read) started with one, so a rewrite changes only what it meant to. */
export function withBom(text: string, original: Buffer | null): string {
  return original !== null && original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf ? `\ufeff${text}` : text;
}
