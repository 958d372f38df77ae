/**
 * Reads XLIFF 2.0 back into units: inline codes resolved through `<originalData>` to the Markdown they
 * stand for. Parsed with @xmldom/xmldom (positions for every error); a DOCTYPE declaring entities is
 * refused, as for TBX. Problems of one unit (a code whose data is missing, a code split into `<sc>`/`<ec>`)
 * are kept on the unit, so the rest of the file can still be applied.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { childElements, parseXml, placeOf } from '../glossary/interchange/xml.js';
import { YakugoError } from '../util/errors.js';
import type { InlinePiece, PairedType } from './inline.js';
import { xliffMessage } from './messages.js';
import { XLIFF_NAMESPACE, type XliffState } from './write.js';

export interface ReadUnit {
  /** The catalog key: the unit's `name`, else its `id`. */
  key: string;
  place: { line: number; column: number };
  source: InlinePiece[];
  target: InlinePiece[] | undefined;
  state: XliffState;
  /** Why the unit cannot be applied, when it cannot. */
  problem?: string;
}

export interface ReadFile {
  srcLang: string;
  trgLang: string;
  original: string;
  place: { line: number; column: number };
  units: ReadUnit[];
}

export function readXliff(text: string, displayPath: string): ReadFile[] {
  const document = parseXml(text, displayPath);
  const root = document.documentElement!;
  const fail = (message: string, node: { lineNumber?: number; columnNumber?: number }): never => {
    throw new YakugoError(message, { file: displayPath, place: placeOf(node) });
  };
  if (root.localName !== 'xliff' || root.namespaceURI !== XLIFF_NAMESPACE) {
    fail(xliffMessage('notXliff', { name: root.localName ?? root.nodeName, namespace: root.namespaceURI ?? '' }), root);
  }
  const version = root.getAttribute('version') ?? '';
  if (!/^2\.\d+$/.test(version)) fail(xliffMessage('version', { version }), root);
  const srcLang = root.getAttribute('srcLang') ?? '';
  const trgLang = root.getAttribute('trgLang');
  if (!trgLang) return fail(xliffMessage('noTrgLang'), root);
  return childElements(root, 'file')
    .filter((file) => file.namespaceURI === XLIFF_NAMESPACE)
    .map((file) => {
      const original = file.getAttribute('original');
      if (!original) return fail(xliffMessage('noOriginal'), file);
      return { srcLang, trgLang, original, place: placeOf(file), units: unitsOf(file).map(readUnit) };
    });
}

/** Units of a file, also inside `<group>`s, in document order. */
function unitsOf(parent: Element): Element[] {
  return childElements(parent)
    .filter((child) => child.namespaceURI === XLIFF_NAMESPACE)
    .flatMap((child) => (child.localName === 'unit' ? [child] : child.localName === 'group' ? unitsOf(child) : []));
}

class UnitProblem extends Error {}

function readUnit(unit: Element): ReadUnit {
  const key = unit.getAttribute('name') || unit.getAttribute('id') || '';
  const place = placeOf(unit);
  const data = new Map<string, string>();
  for (const originalData of childElements(unit, 'originalData')) {
    for (const entry of childElements(originalData, 'data')) data.set(entry.getAttribute('id') ?? '', inlineText(entry));
  }
  // A unit may hold several segments and ignorables (a tool that resegmented anyway): joined in order.
  const parts = childElements(unit).filter((child) => child.localName === 'segment' || child.localName === 'ignorable');
  const segment = parts.find((part) => part.localName === 'segment');
  const empty: ReadUnit = { key, place, source: [], target: undefined, state: 'initial' };
  if (!segment) return { ...empty, problem: xliffMessage('noSegment', { unit: key }) };
  const state = (segment.getAttribute('state') || 'initial') as XliffState;
  try {
    const source = parts.flatMap((part) => childElements(part, 'source').flatMap((element) => piecesOf(element, data, key)));
    const targets = parts.flatMap((part) => childElements(part, 'target'));
    const target = targets.length === 0 ? undefined : targets.flatMap((element) => piecesOf(element, data, key));
    return { key, place, source, target, state };
  } catch (error) {
    if (error instanceof UnitProblem) return { ...empty, state, problem: error.message };
    throw error;
  }
}

function piecesOf(element: Element, data: ReadonlyMap<string, string>, unit: string): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  const lookup = (code: Element, attribute: string): string => {
    const ref = code.getAttribute(attribute) ?? '';
    const value = data.get(ref);
    if (value === undefined) throw new UnitProblem(xliffMessage('unknownCode', { unit, element: code.localName, ref }));
    return value;
  };
  for (let node: Node | null = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      pieces.push({ kind: 'text', text: node.nodeValue ?? '' });
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    switch (child.localName) {
      case 'cp':
        pieces.push({ kind: 'text', text: String.fromCodePoint(Number.parseInt(child.getAttribute('hex') ?? '', 16)) });
        break;
      case 'ph':
        pieces.push({ kind: 'ph', data: lookup(child, 'dataRef') });
        break;
      case 'pc':
        pieces.push({
          kind: 'pc',
          type: pairedType(child.getAttribute('type')),
          start: lookup(child, 'dataRefStart'),
          end: lookup(child, 'dataRefEnd'),
          children: piecesOf(child, data, unit),
        });
        break;
      case 'mrk':
        // An annotation a CAT tool added (a term, a comment): its content is the text.
        pieces.push(...piecesOf(child, data, unit));
        break;
      case 'sm':
      case 'em':
        break;
      default:
        throw new UnitProblem(xliffMessage('unpairedCode', { unit, element: child.localName }));
    }
  }
  return pieces;
}

function pairedType(type: string | null): PairedType {
  return type === 'link' || type === 'image' ? type : 'fmt';
}

/** Text of a `<data>` element, `<cp>` code points included. */
function inlineText(element: Element): string {
  let out = '';
  for (let node: Node | null = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 || node.nodeType === 4) out += node.nodeValue ?? '';
    else if (node.nodeType === 1 && (node as Element).localName === 'cp') out += String.fromCodePoint(Number.parseInt((node as Element).getAttribute('hex') ?? '', 16));
  }
  return out;
}
