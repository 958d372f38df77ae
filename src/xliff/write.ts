/**
 * Writes XLIFF 2.0 (OASIS, core namespace `urn:oasis:names:tc:xliff:document:2.0`): one `<file>` per
 * article and language, one `<unit>` with one `<segment>` per catalog key. Inline Markdown is kept in
 * `<originalData>` and referenced from `<pc>`/`<ph>`; text that XML 1.0 cannot hold (control characters)
 * goes into `<cp hex>`, and CR as `&#13;` so it survives the parser's line-end normalization.
 */
import { codesOf, type InlinePiece } from './inline.js';

export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

export type XliffState = 'initial' | 'translated' | 'reviewed' | 'final';

export interface XliffNote {
  category: string;
  text: string;
  appliesTo?: 'source' | 'target';
}

export interface XliffUnit {
  /** The catalog key (`paragraph.55714a72`, `meta.title`). */
  key: string;
  source: InlinePiece[];
  /** Undefined: no translation yet (no `<target>` written). */
  target: InlinePiece[] | undefined;
  state: XliffState;
  /** `prefix:value`, e.g. `yakugo:stale`. */
  subState?: string;
  notes: XliffNote[];
}

export interface XliffFile {
  srcLang: string;
  trgLang: string;
  /** The article's source file, relative to the project root (`source/deepseek-shock.md`). */
  original: string;
  units: XliffUnit[];
}

/** One XLIFF document holding one article in one language. Same input, same bytes. */
export function writeXliff(file: XliffFile): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NAMESPACE}" version="2.0" srcLang="${attribute(file.srcLang)}" trgLang="${attribute(file.trgLang)}">`,
    // canResegment="no": a unit is one catalog entry; splitting it would leave nothing to write it back to.
    `  <file id="f1" original="${attribute(file.original)}" canResegment="no">`,
  ];
  file.units.forEach((unit, index) => {
    lines.push(...writeUnit(unit, index));
  });
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

/** An XML NMTOKEN; keys such as `paragraph.55714a72` and `meta.tags.3f2a9c1b` are ones. */
const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;

function writeUnit(unit: XliffUnit, index: number): string[] {
  const id = NMTOKEN.test(unit.key) ? unit.key : `u${index + 1}`;
  const data = new DataTable();
  const ids = new CodeIds();
  const source = inline(unit.source, data, ids.forSource());
  const target = unit.target === undefined ? undefined : inline(unit.target, data, ids.forTarget());
  const out = [`    <unit id="${attribute(id)}" name="${attribute(unit.key)}">`];
  if (unit.notes.length > 0) {
    out.push('      <notes>');
    for (const note of unit.notes) {
      const applies = note.appliesTo ? ` appliesTo="${note.appliesTo}"` : '';
      out.push(`        <note category="${attribute(note.category)}"${applies}>${noteText(note.text)}</note>`);
    }
    out.push('      </notes>');
  }
  if (data.size > 0) {
    out.push('      <originalData>');
    for (const [value, dataId] of data.entries()) out.push(`        <data id="${dataId}" xml:space="preserve">${content(value)}</data>`);
    out.push('      </originalData>');
  }
  const subState = unit.subState ? ` subState="${attribute(unit.subState)}"` : '';
  out.push(`      <segment state="${unit.state}"${subState}>`);
  out.push(`        <source xml:space="preserve">${source}</source>`);
  if (target !== undefined) out.push(`        <target xml:space="preserve">${target}</target>`);
  out.push('      </segment>', '    </unit>');
  return out;
}

/** `<data>` ids by content: the same Markdown (`**`, `](https://…)`) is stored once per unit. */
class DataTable {
  private readonly ids = new Map<string, string>();
  get size(): number {
    return this.ids.size;
  }
  id(value: string): string {
    let id = this.ids.get(value);
    if (!id) {
      id = `d${this.ids.size + 1}`;
      this.ids.set(value, id);
    }
    return id;
  }
  entries(): IterableIterator<[string, string]> {
    return this.ids.entries();
  }
}

/**
 * Code ids: the source's codes are numbered 1, 2, 3…; a target code gets the id of the first unused source
 * code with the same Markdown (so a CAT tool shows them as the same code), else a new `t1`, `t2`….
 */
class CodeIds {
  private readonly sourceIds = new Map<string, string[]>();
  private count = 0;
  forSource(): (code: string) => string {
    return (code) => {
      const id = String(++this.count);
      this.sourceIds.set(code, [...(this.sourceIds.get(code) ?? []), id]);
      return id;
    };
  }
  forTarget(): (code: string) => string {
    const available = new Map([...this.sourceIds].map(([code, ids]) => [code, [...ids]]));
    let added = 0;
    return (code) => available.get(code)?.shift() ?? `t${++added}`;
  }
}

function inline(pieces: readonly InlinePiece[], data: DataTable, idFor: (code: string) => string): string {
  let out = '';
  for (const piece of pieces) {
    if (piece.kind === 'text') out += content(piece.text);
    else if (piece.kind === 'ph') out += `<ph id="${idFor(codesOf([piece])[0]!)}" dataRef="${data.id(piece.data)}"/>`;
    else {
      const id = idFor(codesOf([piece])[0]!);
      const start = data.id(piece.start);
      const end = data.id(piece.end);
      out += `<pc id="${id}" type="${piece.type}" dataRefStart="${start}" dataRefEnd="${end}">${inline(piece.children, data, idFor)}</pc>`;
    }
  }
  return out;
}

/** Characters XML 1.0 cannot contain even as references; XLIFF writes them as `<cp hex="…"/>`. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;

/** Element content: markup characters escaped, CR kept as a reference, control characters as `<cp>`. */
export function content(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
    .replace(NOT_XML, (char) => `<cp hex="${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`);
}

/** Note text: a note holds no elements, so characters XML cannot hold become U+FFFD (notes are not read back). */
function noteText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;').replace(NOT_XML, '\uFFFD');
}

/** Attribute values: also quotes, and whitespace a parser would normalize kept as references. */
function attribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
    .replace(NOT_XML, '\uFFFD');
}
