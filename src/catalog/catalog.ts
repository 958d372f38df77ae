import { existsSync } from 'node:fs';
import { resolve, } from 'node:path';
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Project } from '../config/load.js';
import { placeOfOffset, YakugoError } from '../util/errors.js';
import { readTextFile, } from '../util/fs.js';
import { inputMessage } from '../util/input-messages.js';
import { isInside } from '../util/paths.js';
import { journalPath } from './commit.js';

/** A flat i18next JSON v4 catalog: one namespace (article) in one language. */
export interface Catalog {
  /** Key → value, in file order. */
  entries: Map<string, string>;
  /** Where each value stands in the file (1-based), so problems point at the entry a translator edits. */
  places: Map<string, { line: number; column: number }>;
}

/** `locales/<lng>/<article>.json`; refuses an article id that would leave the locales folder. */
export function catalogPath(project: Project, lng: string, articleId: string): string {
  const file = resolve(project.dirs.locales, lng, `${articleId}.json`);
  if (!isInside(file, project.dirs.locales)) {
    throw new YakugoError(inputMessage('catalogLeaves', { article: articleId, dir: project.dirs.locales }));
  }
  return file;
}

export function emptyCatalog(): Catalog {
  return { entries: new Map(), places: new Map() };
}

/** Reads a catalog, or an empty one when the file does not exist yet. */
export function readCatalogIfExists(file: string, displayPath: string): Catalog {
  return existsSync(file) ? readCatalog(file, displayPath) : emptyCatalog();
}

/**
 * Reads a catalog with positions. Invalid JSON, a root that is not an object, a value that is not a string
 * and a key given twice are input errors naming the file, line and column.
 */
export function readCatalog(file: string, displayPath: string): Catalog {
  // A journal beside the catalog means a run was killed between writing it and its sidecar: the pair may
  // disagree, and reading either would give wrong stale and review marks until a locked run completes it.
  if (existsSync(journalPath(file))) throw new YakugoError(inputMessage('pendingJournal'), { file: displayPath });
  const text = readTextFile(file, displayPath);
  return parseCatalog(text, displayPath);
}

export function parseCatalog(text: string, displayPath: string): Catalog {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const fail = (message: string, offset: number): never => {
    throw new YakugoError(message, { file: displayPath, place: placeOfOffset(text, offset) });
  };
  const [error] = errors;
  if (error) fail(inputMessage('invalidJson', { detail: humanParseError(printParseErrorCode(error.error)) }), error.offset);
  if (root?.type !== 'object') {
    return fail(inputMessage('catalogNotObject'), root?.offset ?? 0);
  }
  const catalog = emptyCatalog();
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (catalog.entries.has(key)) fail(inputMessage('duplicateKey', { key }), keyNode.offset);
    if (valueNode.type !== 'string') {
      fail(inputMessage('valueNotString', { key, kind: describe(valueNode) }), valueNode.offset);
    }
    catalog.entries.set(key, valueNode.value as string);
    catalog.places.set(key, placeOfOffset(text, valueNode.offset));
  }
  return catalog;
}

function describe(node: Node): string {
  const kinds: Record<string, string> = { object: 'kindObject', array: 'kindArray', number: 'kindNumber', boolean: 'kindBoolean', null: 'kindNull' };
  return inputMessage(kinds[node.type] ?? 'kindObject');
}

function humanParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Serializes entries in the given order: 2-space indent, trailing newline, as i18next tooling writes them. */
export function formatCatalog(entries: Iterable<[string, string]>): string {
  // Written pair by pair: an object would move integer-like keys to the front.
  const lines = [...entries].map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return lines.length === 0 ? '{}\n' : `{\n${lines.join(',\n')}\n}\n`;
}
