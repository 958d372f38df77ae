import { extname } from 'node:path';
import { YakugoError } from '../../util/errors.js';
import { idFromLatin, romanizeKatakana, uniqueId } from '../maintain/ids.js';
import { glossaryMessage, listText } from '../messages.js';
import type { Tokenizer } from '../tokenizer.js';
import type { Concept } from '../types.js';
import { exportDelimited, parseDelimited } from './csv.js';
import { exportPrh, type PrhFileReader, parsePrh } from './prh.js';
import { exportTbx, parseTbx } from './tbx.js';
import type { ExportOptions, ImportedConcept, ImportOptions, ImportResult } from './types.js';

export type InterchangeFormat = 'tbx' | 'csv' | 'tsv' | 'prh';
export const INTERCHANGE_FORMATS: readonly InterchangeFormat[] = ['tbx', 'csv', 'tsv', 'prh'];

/** The format of a file from its extension: .tbx/.xml, .csv, .tsv/.tab/.txt, .yml/.yaml (prh). */
export function formatOfFile(file: string): InterchangeFormat | undefined {
  const extension = extname(file).toLowerCase();
  if (extension === '.tbx' || extension === '.xml') return 'tbx';
  if (extension === '.csv') return 'csv';
  if (extension === '.tsv' || extension === '.tab' || extension === '.txt') return 'tsv';
  if (extension === '.yml' || extension === '.yaml') return 'prh';
  return undefined;
}

export function exportGlossary(concepts: Concept[], format: InterchangeFormat, options: ExportOptions): string {
  switch (format) {
    case 'tbx':
      return exportTbx(concepts, options);
    case 'csv':
      return exportDelimited(concepts, options, ',');
    case 'tsv':
      return exportDelimited(concepts, options, '\t');
    case 'prh':
      return exportPrh(concepts, options);
  }
}

export function parseInterchange(text: string, format: InterchangeFormat, displayPath: string, options: ImportOptions & { readFile?: PrhFileReader }): ImportResult {
  switch (format) {
    case 'tbx':
      return parseTbx(text, displayPath, options);
    case 'csv':
      return parseDelimited(text, ',', displayPath, options);
    case 'tsv':
      return parseDelimited(text, '\t', displayPath, options);
    case 'prh':
      return parsePrh(text, displayPath, options);
  }
}

/**
 * Gives every concept the file did not name an id: from its English preferred term (`physical-ai`), else
 * from the romanized reading of its source term (`蒸留` → `jouryuu`), made unique against `taken`.
 */
export function assignIds(imported: ImportedConcept[], taken: Set<string>, tokenizer: Tokenizer, sourceLanguage: string): void {
  for (const { concept, idGiven } of imported) if (idGiven) taken.add(concept.id);
  for (const entry of imported) {
    if (entry.idGiven) continue;
    const concept = entry.concept;
    const english = concept.terms['en']?.find((term) => term.status === 'preferred' || term.status === 'admitted')?.text;
    const source = concept.terms[sourceLanguage]?.find((term) => term.status === 'preferred' || term.status === 'admitted')?.text ?? '';
    const base = (english && idFromLatin(english)) || idFromLatin(source) || idFromLatin(readingOf(source, tokenizer)) || 'term';
    concept.id = uniqueId(base, taken);
    taken.add(concept.id);
  }
}

/** Romaji reading of a Japanese term through kuromoji (katakana words and unknown words read as written). */
export function readingOf(text: string, tokenizer: Tokenizer): string {
  return tokenizer
    .tokenize(text.normalize('NFKC'))
    .map((token) => romanizeKatakana(token.reading ?? token.surface))
    .join('-');
}

export function requireFormat(value: string | undefined, file: string | undefined): InterchangeFormat {
  const format = value ?? (file ? formatOfFile(file) : undefined);
  if (format && (INTERCHANGE_FORMATS as readonly string[]).includes(format)) return format as InterchangeFormat;
  throw new YakugoError(
    value
      ? glossaryMessage('unknownFormat', { format: value, formats: listText(INTERCHANGE_FORMATS) })
      : glossaryMessage('formatUnknownFor', { file, formats: INTERCHANGE_FORMATS.join('|') }),
  );
}
