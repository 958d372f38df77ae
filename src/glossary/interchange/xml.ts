import { createRequire } from 'node:module';
import type { Element, Document as XmlDocument } from '@xmldom/xmldom';
import { YakugoError } from '../../util/errors.js';
import { glossaryMessage } from '../messages.js';

const require = createRequire(import.meta.url);
/**
 * xmldom, loaded when the first XML file is parsed: the commands that never read XML (most runs) do not pay
 * for loading it.
 */
const xmldom = () => require('@xmldom/xmldom') as typeof import('@xmldom/xmldom');

/**
 * Parses XML with a real parser (@xmldom/xmldom). Any error or fatal error fails with the file, line and
 * column the parser reports. Entities are never resolved from outside the document, and a DOCTYPE that
 * declares entities is refused outright (entity expansion attacks, and no glossary needs them).
 */
export function parseXml(text: string, displayPath: string): XmlDocument {
  // The first error the parser reports; `entities` when it is the refusal of a DOCTYPE declaring entities.
  let first: { message: string; entities: boolean; line: number; column: number } | undefined;
  const parser = new (xmldom().DOMParser)({
    onError: (level, message, context: { locator?: { lineNumber?: number; columnNumber?: number }; doc?: XmlDocument }) => {
      if (level === 'warning' || first) return;
      const doctype = context?.doc?.doctype;
      if (doctype && declaresEntities(doctype.internalSubset)) {
        // The parser refuses to expand them anyway; say why the file is refused rather than "entity not found".
        first = { message, entities: true, ...placeOf(doctype) };
        return;
      }
      first = { message, entities: false, line: context?.locator?.lineNumber ?? 1, column: context?.locator?.columnNumber ?? 1 };
    },
  });
  let document: XmlDocument;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const message = first?.message ?? (error instanceof Error ? error.message : String(error));
    throw new YakugoError(first?.entities ? glossaryMessage('entityDoctype') : glossaryMessage('invalidXml', { detail: message }), {
      file: displayPath,
      place: { line: first?.line ?? locator?.lineNumber ?? 1, column: first?.column ?? locator?.columnNumber ?? 1 },
    });
  }
  if (first) {
    const message = first.entities ? glossaryMessage('entityDoctype') : glossaryMessage('invalidXml', { detail: first.message });
    throw new YakugoError(message, { file: displayPath, place: { line: first.line, column: first.column } });
  }
  const doctype = document.doctype;
  if (doctype && declaresEntities(doctype.internalSubset)) throw new YakugoError(glossaryMessage('entityDoctype'), { file: displayPath, place: placeOf(doctype) });
  if (!document.documentElement) throw new YakugoError(glossaryMessage('noRootElement'), { file: displayPath, place: { line: 1, column: 1 } });
  return document;
}

function declaresEntities(internalSubset: string | undefined): boolean {
  return /<!ENTITY/i.test(internalSubset ?? '');
}

/** Line and column xmldom recorded for a node. */
export function placeOf(node: { lineNumber?: number; columnNumber?: number }): { line: number; column: number } {
  return { line: node.lineNumber ?? 1, column: node.columnNumber ?? 1 };
}

/** Child elements of `element`, optionally only those with a given local name. */
export function childElements(element: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const child = node as Element;
      if (localName === undefined || child.localName === localName) out.push(child);
    }
  }
  return out;
}

/** Text content of an element, trimmed (inner line breaks of notes and definitions are kept). */
export function textOf(element: Element): string {
  return (element.textContent ?? '').trim();
}

/** The `xml:lang` (or plain `lang`) attribute. */
export function langOf(element: Element): string | undefined {
  return element.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang') || element.getAttribute('xml:lang') || element.getAttribute('lang') || undefined;
}

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
