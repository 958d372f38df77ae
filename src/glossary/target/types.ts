/**
 * One target language's way of finding a term in a translated segment. Both strings are already
 * normalized (NFKC, spaces next to CJK dropped, other runs of spaces collapsed to one); ranges are offsets
 * in `text`. A new language is one small module implementing this and one line in `index.ts`.
 */
export interface TargetLanguage {
  find(text: string, term: string, options: { caseSensitive: boolean }): Array<{ start: number; end: number }>;
}
