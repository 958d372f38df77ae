import { isMap, isSeq, parseDocument } from 'yaml';
import { glossaryFiles, parseGlossaryDocument, parseGlossaryFile } from '../../load.js';
import type { Concept, SourceRule } from '../../types.js';
import { YakugoError } from '../../../util/errors.js';
import { readTextFile } from '../../../util/fs.js';
import { relative, resolve, sep } from 'node:path';

/**
 * Reads every glossary file the way the loader does, but concept by concept, so problems the loader
 * stops at (a duplicate id, a Japanese term in two concepts) become lint problems listing every
 * occurrence. Each concept is parsed by the loader from its file's header plus the concept's own lines,
 * then its places are shifted back to the lines it has in the file: the loader's validation runs and
 * every place stays exact. A file that is not valid on its own terms (bad YAML, an unknown field) still
 * fails with file:line.
 */
export function readConceptsForLint(root: string, dir: string, languages: string[]): { concepts: Concept[]; rules: SourceRule[]; files: string[] } {
  const concepts: Concept[] = [];
  const rules: SourceRule[] = [];
  const files: string[] = [];
  for (const file of glossaryFiles(resolve(root, dir))) {
    const shown = relative(root, file).split(sep).join('/');
    files.push(shown);
    const text = readTextFile(file, shown);
    // Source rules are read with the whole file (their places are exact; unsafe ones are kept for the lint rule).
    if (/^rules\s*:/m.test(text)) for (const rule of parseGlossaryDocument(text, shown, { languages, skipCrossCheck: true }).rules) rules.push(rule);
    for (const { text: part, lineShift } of conceptParts(text)) {
      let parsed: Concept[];
      try {
        parsed = parseGlossaryFile(part, shown, { languages });
      } catch (error) {
        if (!(error instanceof YakugoError) || !error.place || lineShift === 0) throw error;
        throw new YakugoError(error.reason, { file: error.file, place: { ...error.place, line: error.place.line + lineShift }, cause: error });
      }
      for (const concept of parsed) concepts.push(shiftPlaces(concept, lineShift));
    }
  }
  return { concepts, rules, files };
}

/**
 * One text per concept item of a block `concepts:` list: the lines before the list's first item, then the
 * item's own lines; `lineShift` is how many lines lie between them in the file. The whole text when the
 * list is not in block style.
 */
export function conceptParts(text: string): Array<{ text: string; lineShift: number }> {
  const document = parseDocument(text);
  const list = isMap(document.contents) ? document.contents.get('concepts', true) : undefined;
  if (document.errors.length > 0 || !isSeq(list) || list.flow || list.items.length < 2) return [{ text: withoutRules(text), lineShift: 0 }];
  const spans: Array<[number, number]> = [];
  for (const item of list.items) {
    const range = (item as { range?: [number, number, number] }).range;
    if (!range) return [{ text, lineShift: 0 }];
    // From the start of the line of the `-` that opens the item to the end of the item's value.
    spans.push([text.lastIndexOf('\n', range[0] - 1) + 1, range[1]]);
  }
  const headerEnd = spans[0]![0];
  const header = withoutRules(text.slice(0, headerEnd));
  let lineShift = 0;
  let previousStart = headerEnd;
  return spans.map(([start, end]) => {
    for (let i = previousStart; i < start; i++) if (text.charCodeAt(i) === 10) lineShift++;
    previousStart = start;
    return { text: header + text.slice(start, end) + '\n', lineShift };
  });
}

/**
 * The text with a block `rules:` list blanked out (same lines, so places hold): source rules are read once
 * per file, not once per concept.
 */
function withoutRules(text: string): string {
  return text.replace(/^rules\s*:.*(?:\r?\n(?:[ \t#].*|)(?=\r?\n|$))*/m, (block) => block.replace(/[^\r\n]/g, ' ').replace(/^ /, '#'));
}

function shiftPlaces(concept: Concept, lines: number): Concept {
  if (lines === 0) return concept;
  const shift = <T extends { line: number }>(place: T | undefined): T | undefined => (place ? { ...place, line: place.line + lines } : place);
  if (concept.place) concept.place = shift(concept.place)!;
  for (const terms of Object.values(concept.terms)) for (const term of terms) if (term.place) term.place = shift(term.place)!;
  const places = concept.examples?.places;
  if (places) {
    places.match = places.match.map((place) => shift(place)!);
    places.noMatch = places.noMatch.map((place) => shift(place)!);
  }
  return concept;
}
