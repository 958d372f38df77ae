import { YakugoError } from '../../util/errors.js';
import { CONCEPT_ID } from '../maintain/ids.js';
import { glossaryMessage, listText } from '../messages.js';
import { CONCEPT_DEFAULTS } from '../maintain/yaml.js';
import type { Concept, TermStatus } from '../types.js';
import { collapseUntranslated } from './tbx.js';
import { type ExportOptions, type ImportedConcept, type ImportNote, type ImportOptions, type ImportResult, listOf } from './types.js';

/**
 * CSV / TSV glossaries: a header row of language codes (the layout of spreadsheets and of the Google
 * Cloud Translation glossary files), one row per set of equivalent terms.
 *
 * Layout written by export (and read by import):
 *
 *     id,status,ja,en,zh-Hans,domain,definition,note
 *     server,preferred,サーバー,server,服务器,it,,
 *     server,deprecated,サーバ,,,,,
 *     server,form,,servers,,,,
 *
 * - `id` groups rows into one concept; `status` (preferred, admitted, deprecated, forbidden, or `form`
 *   for extra accepted target forms) applies to every term of the row; a concept's first row carries its
 *   domain, definition and note; a cell holds one term, an empty cell none.
 * - Import also takes files without `id` or `status` columns (a plain `ja,en` term list): each row is a
 *   concept, except that a row whose status is not preferred continues the concept of the row above.
 *   Google's `description` column is read as the definition and `pos` is ignored.
 * - Columns named like a language tag (`en`, `zh-Hans`, `pt-BR`) are languages; any other unknown
 *   column is an error.
 * - Quoting is RFC 4180 for both CSV and TSV: a field with the delimiter, a quote or a line break is
 *   quoted, quotes doubled. Export ends lines with LF; import takes LF or CRLF and a BOM.
 * - `translate: false` concepts repeat the source term in every language column (what a translation
 *   memory or machine translation glossary needs); import turns such rows back into `translate: false`.
 */

const LANGUAGE_COLUMN = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;
const META_COLUMNS = new Set(['id', 'status', 'domain', 'definition', 'note', 'description', 'pos']);
const STATUSES = new Set<string>(['preferred', 'admitted', 'deprecated', 'forbidden', 'form']);

/** One parsed field with the place it started (1-based). */
interface Cell {
  value: string;
  line: number;
  column: number;
}

/** RFC 4180 parsing with places, for `,` or `\t`. Fails on an unterminated quote with its place. */
export function parseDelimitedRows(text: string, delimiter: string, displayPath: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let line = 1;
  let column = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const atRowEnd = () => i >= text.length || text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n');
  while (i < text.length) {
    const start = { line, column };
    let value = '';
    if (text[i] === '"') {
      i++;
      column++;
      for (;;) {
        if (i >= text.length) throw new YakugoError(glossaryMessage('unterminatedQuote'), { file: displayPath, place: start });
        const char = text[i]!;
        if (char === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            column += 2;
            continue;
          }
          i++;
          column++;
          break;
        }
        if (char === '\n') {
          line++;
          column = 1;
        } else column++;
        value += char;
        i++;
      }
      if (!atRowEnd() && text[i] !== delimiter) {
        throw new YakugoError(glossaryMessage('afterQuote', { char: JSON.stringify(text[i]) }), { file: displayPath, place: { line, column } });
      }
    } else {
      while (i < text.length && text[i] !== delimiter && !atRowEnd()) {
        value += text[i];
        i++;
        column++;
      }
    }
    row.push({ value: value.replace(/\r\n/g, '\n'), ...start });
    if (text[i] === delimiter) {
      i++;
      column++;
      if (i >= text.length || atRowEnd()) row.push({ value: '', line, column });
      else continue;
    }
    if (i < text.length) {
      i += text[i] === '\r' ? 2 : 1;
      line++;
      column = 1;
    }
    if (!(row.length === 1 && row[0]!.value === '')) rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function quote(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r') ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The glossary as CSV (`,`) or TSV (`\t`) in the layout described above. */
export function exportDelimited(concepts: Concept[], options: ExportOptions, delimiter: ',' | '\t'): string {
  const languages = [options.sourceLanguage, ...options.languages.filter((lng) => lng !== options.sourceLanguage)];
  const header = ['id', 'status', ...languages, 'domain', 'definition', 'note'];
  const lines = [header.join(delimiter)];
  for (const concept of concepts) {
    const rows = conceptRows(concept, languages, options.sourceLanguage);
    rows.forEach((row, index) => {
      const meta = index === 0 ? [concept.domain ?? '', concept.definition ?? '', concept.note ?? ''] : ['', '', ''];
      lines.push([concept.id, row.status, ...languages.map((lng) => row.cells[lng] ?? ''), ...meta].map((value) => quote(value, delimiter)).join(delimiter));
    });
  }
  return lines.join('\n') + '\n';
}

/** Rows of one concept: per status, as many rows as the language with the most terms of that status needs. */
function conceptRows(concept: Concept, languages: string[], sourceLanguage: string): Array<{ status: string; cells: Record<string, string> }> {
  const terms: Record<string, Array<{ text: string; status: string }>> = {};
  for (const lng of languages) {
    const own = (concept.terms[lng] ?? []).map((term) => ({ text: term.text, status: term.status as string }));
    if (!concept.translate && lng !== sourceLanguage && own.length === 0) {
      const preferred = concept.terms[sourceLanguage]?.find((term) => term.status === 'preferred');
      if (preferred) own.push({ text: preferred.text, status: 'preferred' });
    }
    if (lng !== sourceLanguage) for (const form of concept.forms[lng] ?? []) own.push({ text: form, status: 'form' });
    terms[lng] = own;
  }
  // Walk every language's terms in order; a row takes the next term of each language whose next term has
  // the row's status, so each language keeps its term order through export and import.
  const rows: Array<{ status: string; cells: Record<string, string> }> = [];
  const next: Record<string, number> = Object.fromEntries(languages.map((lng) => [lng, 0]));
  for (;;) {
    const lead = languages.find((lng) => next[lng]! < terms[lng]!.length);
    if (lead === undefined) break;
    const status = terms[lead]![next[lead]!]!.status;
    const cells: Record<string, string> = {};
    for (const lng of languages) {
      const term = terms[lng]![next[lng]!];
      if (term && term.status === status) {
        cells[lng] = term.text;
        next[lng]!++;
      }
    }
    rows.push({ status, cells });
  }
  if (rows.length === 0) rows.push({ status: 'preferred', cells: {} });
  return rows;
}

/** Reads a CSV or TSV glossary (layout above). */
export function parseDelimited(text: string, delimiter: ',' | '\t', displayPath: string, options: ImportOptions): ImportResult {
  const rows = parseDelimitedRows(text, delimiter, displayPath);
  const [header, ...body] = rows;
  if (!header) throw new YakugoError(glossaryMessage('noHeader'), { file: displayPath, place: { line: 1, column: 1 } });
  const columns = header.map((cell) => cell.value.trim());
  columns.forEach((name, index) => {
    if (!META_COLUMNS.has(name) && !LANGUAGE_COLUMN.test(name)) {
      const cell = header[index]!;
      throw new YakugoError(glossaryMessage('unknownColumn', { name, columns: listText(META_COLUMNS) }), {
        file: displayPath,
        place: { line: cell.line, column: cell.column },
      });
    }
  });
  const seen = new Set<string>();
  for (const [index, name] of columns.entries()) {
    if (seen.has(name)) throw new YakugoError(glossaryMessage('columnTwice', { name }), { file: displayPath, place: header[index]! });
    seen.add(name);
  }
  const languageColumns = columns.map((name, index) => ({ name, index })).filter(({ name }) => !META_COLUMNS.has(name) && LANGUAGE_COLUMN.test(name));
  if (!languageColumns.some(({ name }) => name === options.sourceLanguage)) {
    throw new YakugoError(glossaryMessage('noSourceColumn', { lng: options.sourceLanguage }), { file: displayPath, place: { line: 1, column: 1 } });
  }
  const column = (name: string) => columns.indexOf(name);
  const get = (row: Cell[], name: string): Cell | undefined => {
    const index = column(name);
    return index === -1 ? undefined : row[index];
  };
  const notes: ImportNote[] = [];
  const concepts: ImportedConcept[] = [];
  const byId = new Map<string, ImportedConcept>();
  let previous: ImportedConcept | undefined;
  for (const row of body) {
    const first = row[0]!;
    if (row.length > columns.length) {
      const extra = row[columns.length]!;
      throw new YakugoError(glossaryMessage('rowTooLong', { fields: row.length, columns: columns.length }), { file: displayPath, place: { line: extra.line, column: extra.column } });
    }
    const statusCell = get(row, 'status');
    const status = statusCell?.value.trim() || 'preferred';
    if (!STATUSES.has(status)) {
      throw new YakugoError(glossaryMessage('unknownCsvStatus', { status, statuses: listText(STATUSES) }), { file: displayPath, place: statusCell ?? first });
    }
    const idCell = get(row, 'id');
    const id = idCell?.value.trim() ?? '';
    if (id && !CONCEPT_ID.test(id)) {
      throw new YakugoError(glossaryMessage('invalidCsvId', { id, pattern: CONCEPT_ID.source }), { file: displayPath, place: idCell! });
    }
    let target: ImportedConcept | undefined;
    if (id) target = byId.get(id);
    else if (status !== 'preferred' && column('id') === -1) target = previous;
    if (!target) {
      target = {
        concept: {
          id,
          translate: CONCEPT_DEFAULTS.translate,
          caseSensitive: CONCEPT_DEFAULTS.caseSensitive,
          longVowel: CONCEPT_DEFAULTS.longVowel,
          terms: {},
          forms: {},
          place: { file: displayPath, line: first.line, column: first.column },
        },
        idGiven: id !== '',
      };
      concepts.push(target);
      if (id) byId.set(id, target);
    }
    const concept = target.concept;
    const domain = get(row, 'domain')?.value;
    const definition = get(row, 'definition')?.value || get(row, 'description')?.value;
    const note = get(row, 'note')?.value;
    if (domain) concept.domain ??= domain;
    if (definition) concept.definition ??= definition;
    if (note) concept.note ??= note;
    for (const { name: lng, index } of languageColumns) {
      const cell = row[index];
      const text = cell?.value.trim();
      if (!cell || !text) continue;
      if (status === 'form') {
        if (lng === options.sourceLanguage) notes.push({ line: cell.line, column: cell.column, message: glossaryMessage('sourceForm') });
        else {
          listOf(concept.forms, lng).push(text);
          continue;
        }
      }
      const termStatus = (status === 'form' ? 'admitted' : status) as TermStatus;
      listOf(concept.terms, lng).push({ text, status: termStatus, place: { file: displayPath, line: cell.line, column: cell.column } });
    }
    previous = target;
  }
  for (const { concept } of concepts) collapseUntranslated(concept, options.sourceLanguage);
  return { concepts: concepts.filter(({ concept }) => Object.keys(concept.terms).length > 0), notes };
}
