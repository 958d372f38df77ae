import type { Element } from '@xmldom/xmldom';
import { YakugoError } from '../../util/errors.js';
import { CONCEPT_ID } from '../maintain/ids.js';
import { CONCEPT_DEFAULTS } from '../maintain/yaml.js';
import { glossaryMessage } from '../messages.js';
import type { Concept, Term, TermStatus } from '../types.js';
import { type ExportOptions, type ImportedConcept, type ImportNote, type ImportOptions, type ImportResult, listOf } from './types.js';
import { childElements, escapeXml, langOf, parseXml, placeOf, textOf } from './xml.js';

/**
 * TBX (ISO 30042) in the TBX-Basic dialect.
 *
 * Mapping (export writes TBX v3; import reads TBX v3 and the TBX 2008 `martif` layout):
 * - concept id → `conceptEntry/@id` (an XML ID: a leading digit gets a `_` prefix and `+` is written
 *   `_x2B_`; both are undone on import);
 * - domain → `descrip type="subjectField"`; note → `note` on the entry;
 * - definition (English) → `descrip type="definition"` in the `en` langSec (on the entry when there is none);
 * - term status → `termNote type="administrativeStatus"`: preferred/admitted/deprecated →
 *   preferredTerm-/admittedTerm-/deprecatedTerm-admn-sts; forbidden → deprecatedTerm-admn-sts with a
 *   term-level `note` `forbidden`; supersededTerm-admn-sts imports as deprecated;
 * - forms (extra accepted target forms) → admitted terms with `termNote type="termType"` `variant`;
 * - `translate: false` → the source term repeated in every exported language; an entry whose every target
 *   language has exactly the source's preferred term imports as `translate: false`.
 * TBX-Basic has no place for longVowel, caseSensitive or examples; they are not exported.
 */

const TBX_NS = 'urn:iso:std:iso:30042:ed-2';

const STATUS_OUT: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts',
};

const STATUS_IN: Record<string, TermStatus> = {
  'preferredTerm-admn-sts': 'preferred',
  'admittedTerm-admn-sts': 'admitted',
  'deprecatedTerm-admn-sts': 'deprecated',
  'supersededTerm-admn-sts': 'deprecated',
  // TBX 2008 files often use the bare normativeAuthorization values.
  preferredTerm: 'preferred',
  admittedTerm: 'admitted',
  deprecatedTerm: 'deprecated',
  supersededTerm: 'deprecated',
  standardizedTerm: 'preferred',
};

const FORBIDDEN_NOTE = 'forbidden';

/** Our ids are lower-case `[a-z0-9.+-]`; XML IDs cannot start with a digit or contain `+`. */
export function toXmlId(id: string): string {
  const escaped = id.replace(/\+/g, '_x2B_');
  return /^[0-9.-]/.test(escaped) ? `_${escaped}` : escaped;
}

export function fromXmlId(xmlId: string): string {
  return xmlId.replace(/_x2B_/g, '+').replace(/^_/, '');
}

/** The glossary as a TBX v3 TBX-Basic document. Concepts in glossary order, languages in `options` order. */
export function exportTbx(concepts: Concept[], options: ExportOptions): string {
  const { sourceLanguage } = options;
  const targets = options.languages.filter((lng) => lng !== sourceLanguage);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
    `<tbx style="dca" type="TBX-Basic" xml:lang="${escapeXml(sourceLanguage)}" xmlns="${TBX_NS}">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <sourceDesc>',
    '        <p>yakugo glossary</p>',
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  for (const concept of concepts) {
    lines.push(`      <conceptEntry id="${escapeXml(toXmlId(concept.id))}">`);
    if (concept.domain !== undefined) lines.push(`        <descrip type="subjectField">${escapeXml(concept.domain)}</descrip>`);
    const languages = [sourceLanguage, ...targets];
    const definitionLanguage = languages.find((lng) => lng === 'en' && langTerms(concept, lng, sourceLanguage).length > 0);
    if (concept.definition !== undefined && !definitionLanguage) {
      lines.push(`        <descrip type="definition">${escapeXml(concept.definition)}</descrip>`);
    }
    if (concept.note !== undefined) lines.push(`        <note>${escapeXml(concept.note)}</note>`);
    for (const lng of languages) {
      const terms = langTerms(concept, lng, sourceLanguage);
      const forms = lng === sourceLanguage ? [] : (concept.forms[lng] ?? []);
      if (terms.length === 0 && forms.length === 0) continue;
      lines.push(`        <langSec xml:lang="${escapeXml(lng)}">`);
      if (lng === definitionLanguage && concept.definition !== undefined) {
        lines.push(`          <descrip type="definition">${escapeXml(concept.definition)}</descrip>`);
      }
      for (const term of terms) {
        lines.push('          <termSec>');
        lines.push(`            <term>${escapeXml(term.text)}</term>`);
        lines.push(`            <termNote type="administrativeStatus">${STATUS_OUT[term.status]}</termNote>`);
        if (term.status === 'forbidden') lines.push(`            <note>${FORBIDDEN_NOTE}</note>`);
        lines.push('          </termSec>');
      }
      for (const form of forms) {
        lines.push('          <termSec>');
        lines.push(`            <term>${escapeXml(form)}</term>`);
        lines.push(`            <termNote type="administrativeStatus">${STATUS_OUT.admitted}</termNote>`);
        lines.push('            <termNote type="termType">variant</termNote>');
        lines.push('          </termSec>');
      }
      lines.push('        </langSec>');
    }
    lines.push('      </conceptEntry>');
  }
  lines.push('    </body>', '  </text>', '</tbx>', '');
  return lines.join('\n');
}

/** Terms written for a language: a `translate: false` concept repeats its source term in every language. */
function langTerms(concept: Concept, lng: string, sourceLanguage: string): Term[] {
  const own = concept.terms[lng] ?? [];
  if (concept.translate || lng === sourceLanguage || own.length > 0) return own;
  const preferred = concept.terms[sourceLanguage]?.find((term) => term.status === 'preferred');
  return preferred ? [{ text: preferred.text, status: 'preferred' }] : [];
}

/** Reads a TBX v3 (`tbx`/`conceptEntry`/`langSec`/`termSec`) or TBX 2008 (`martif`/`termEntry`/`langSet`/`tig`) file. */
export function parseTbx(text: string, displayPath: string, options: ImportOptions): ImportResult {
  const document = parseXml(text, displayPath);
  const root = document.documentElement!;
  const v3 = root.localName === 'tbx';
  if (!v3 && root.localName !== 'martif') {
    throw new YakugoError(glossaryMessage('notTbxRoot', { name: root.localName }), { file: displayPath, place: placeOf(root) });
  }
  const text_ = childElements(root, 'text')[0];
  const body = text_ ? childElements(text_, 'body')[0] : undefined;
  if (!body) throw new YakugoError(glossaryMessage('notTbxBody'), { file: displayPath, place: placeOf(root) });
  const sourceLanguage = options.sourceLanguage;
  const notes: ImportNote[] = [];
  const concepts: ImportedConcept[] = [];
  for (const entry of childElements(body, v3 ? 'conceptEntry' : 'termEntry')) {
    concepts.push(readEntry(entry, v3, displayPath, sourceLanguage, notes));
  }
  return { concepts, notes };
}

/** `descrip` children, also those wrapped in `descripGrp`. */
function descrips(element: Element): Element[] {
  return [...childElements(element, 'descrip'), ...childElements(element, 'descripGrp').flatMap((group) => childElements(group, 'descrip'))];
}

function readEntry(entry: Element, v3: boolean, file: string, sourceLanguage: string, notes: ImportNote[]): ImportedConcept {
  const rawId = entry.getAttribute('id');
  const decoded = rawId ? fromXmlId(rawId) : '';
  const idGiven = CONCEPT_ID.test(decoded);
  if (rawId && !idGiven) {
    notes.push({ ...placeOf(entry), message: glossaryMessage('entryIdNotGlossaryId', { id: rawId, pattern: CONCEPT_ID.source }) });
  }
  const concept: Concept = {
    id: idGiven ? decoded : '',
    translate: CONCEPT_DEFAULTS.translate,
    caseSensitive: CONCEPT_DEFAULTS.caseSensitive,
    longVowel: CONCEPT_DEFAULTS.longVowel,
    terms: {},
    forms: {},
    place: { file, ...placeOf(entry) },
  };
  const entryNotes: string[] = [];
  let definition: string | undefined;
  let definitionIsEnglish = false;
  for (const descrip of descrips(entry)) {
    const type = descrip.getAttribute('type');
    if (type === 'subjectField') concept.domain = textOf(descrip);
    else if (type === 'definition') definition ??= textOf(descrip);
  }
  for (const note of childElements(entry, 'note')) entryNotes.push(textOf(note));
  for (const langSec of childElements(entry, v3 ? 'langSec' : 'langSet')) {
    const lng = langOf(langSec);
    if (!lng) {
      notes.push({ ...placeOf(langSec), message: glossaryMessage('noXmlLang', { element: langSec.localName }) });
      continue;
    }
    for (const descrip of descrips(langSec)) {
      if (descrip.getAttribute('type') !== 'definition') continue;
      // Our definitions are English: prefer the English one, else the first of any language.
      if (lng === 'en' && !definitionIsEnglish) {
        definition = textOf(descrip);
        definitionIsEnglish = true;
      } else definition ??= textOf(descrip);
    }
    for (const note of childElements(langSec, 'note')) entryNotes.push(textOf(note));
    const termSecs = childElements(langSec).filter((child) => (v3 ? child.localName === 'termSec' : child.localName === 'tig' || child.localName === 'ntig'));
    for (const termSec of termSecs) {
      const holder = termSec.localName === 'ntig' ? childElements(termSec, 'termGrp')[0] : termSec;
      const termElement = holder ? childElements(holder, 'term')[0] : undefined;
      if (!holder || !termElement) {
        notes.push({ ...placeOf(termSec), message: glossaryMessage('noTermElement', { element: termSec.localName }) });
        continue;
      }
      const text = textOf(termElement);
      if (!text) continue;
      const termNotes = [...childElements(holder, 'termNote'), ...childElements(termSec, 'termNote')];
      const statusNote = termNotes.find((note) => note.getAttribute('type') === 'administrativeStatus' || note.getAttribute('type') === 'normativeAuthorization');
      let status: TermStatus = 'preferred';
      if (statusNote) {
        const value = textOf(statusNote);
        const mapped = STATUS_IN[value];
        if (mapped) status = mapped;
        else notes.push({ ...placeOf(statusNote), message: glossaryMessage('unknownAdminStatus', { value }) });
        if (!mapped) status = 'admitted';
      } else if ((concept.terms[lng] ?? []).some((term) => term.status === 'preferred')) {
        // No status given: the first term of a language is preferred, later ones admitted.
        status = 'admitted';
      }
      const termNoteTexts = [...childElements(termSec, 'note'), ...(holder === termSec ? [] : childElements(holder, 'note'))].map(textOf);
      if (status === 'deprecated' && termNoteTexts.includes(FORBIDDEN_NOTE)) status = 'forbidden';
      const isVariant = termNotes.some((note) => note.getAttribute('type') === 'termType' && textOf(note) === 'variant');
      if (isVariant && status === 'admitted' && lng !== sourceLanguage) {
        listOf(concept.forms, lng).push(text);
        continue;
      }
      listOf(concept.terms, lng).push({ text, status, place: { file, ...placeOf(termElement) } });
    }
  }
  if (definition !== undefined) concept.definition = definition;
  if (entryNotes.length > 0) concept.note = entryNotes.join('\n\n');
  collapseUntranslated(concept, sourceLanguage);
  return { concept, idGiven };
}

/**
 * An entry whose every other language holds just the source's preferred term is a name kept as is in
 * every language: `translate: false` with only the source term (how exportTbx writes such concepts).
 */
export function collapseUntranslated(concept: Concept, sourceLanguage: string): void {
  const preferred = concept.terms[sourceLanguage]?.find((term) => term.status === 'preferred')?.text;
  const others = Object.keys(concept.terms).filter((lng) => lng !== sourceLanguage);
  if (preferred === undefined || others.length === 0) return;
  const same = others.every((lng) => {
    const terms = concept.terms[lng]!;
    return terms.length === 1 && terms[0]!.text === preferred && terms[0]!.status === 'preferred' && !(concept.forms[lng]?.length);
  });
  if (!same) return;
  for (const lng of others) delete concept.terms[lng];
  concept.translate = false;
}
