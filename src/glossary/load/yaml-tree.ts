import { EVENT_ID, type Event, getScalarValue, parseEvents, type ScalarEvent, YAMLException } from 'js-yaml';
import { YakugoError } from '../../util/errors.js';
import { LineIndex } from '../../util/lines.js';
import { glossaryMessage } from '../messages.js';

export { LineIndex };

/**
 * A YAML tree with source offsets, built from js-yaml's event stream. The glossary loader reads YAML this
 * way because it is about twenty times faster than a full document model (a 10,000-concept glossary is a
 * megabyte of YAML) while still telling where every key and value is.
 */
export type YamlNode = YamlMap | YamlSeq | YamlScalar;

export interface YamlMap {
  kind: 'map';
  start: number;
  entries: Array<{ key: YamlScalar; value: YamlNode }>;
}

export interface YamlSeq {
  kind: 'seq';
  start: number;
  items: YamlNode[];
}

export interface YamlScalar {
  kind: 'scalar';
  start: number;
  /** Decoded value (escapes resolved, block scalars folded). */
  value: string;
  /** What the YAML 1.2 core schema makes of it: plain `true`, `12` or `~` are not strings. */
  type: 'string' | 'boolean' | 'number' | 'null';
}


/** Parses one YAML document into a tree with offsets; syntax errors become YakugoErrors with the place. */
export function parseYamlTree(text: string, file: string): YamlNode | null {
  let events: Event[];
  try {
    events = parseEvents(text, { filename: file });
  } catch (error) {
    if (error instanceof YAMLException) {
      const mark = (error as YAMLException & { mark?: { line: number; column: number } }).mark;
      throw new YakugoError(glossaryMessage('invalidYaml', { detail: (error as YAMLException & { reason?: string }).reason ?? error.message }), {
        file,
        place: mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined,
      });
    }
    throw error;
  }
  const lines = new LineIndex(text);
  let index = 0;
  let documents = 0;
  // Where the last node seen ends: an empty value (`en:`) has no offset of its own and is placed after it.
  let lastEnd = 0;
  let root: YamlNode | null = null;

  const fail = (offset: number, message: string): never => {
    throw new YakugoError(message, { file, place: lines.place(offset) });
  };

  const node = (): YamlNode => {
    const event = events[index++];
    if (!event) return fail(text.length, glossaryMessage('yamlUnexpectedEnd'));
    switch (event.type) {
      case EVENT_ID.SCALAR:
        return scalar(event);
      case EVENT_ID.SEQUENCE: {
        rejectAnchorOrTag(event.anchorStart, event.tagStart);
        lastEnd = event.start;
        const items: YamlNode[] = [];
        while (events[index]?.type !== EVENT_ID.POP) items.push(node());
        index++;
        return { kind: 'seq', start: event.start, items };
      }
      case EVENT_ID.MAPPING: {
        rejectAnchorOrTag(event.anchorStart, event.tagStart);
        lastEnd = event.start;
        const entries: YamlMap['entries'] = [];
        while (events[index]?.type !== EVENT_ID.POP) {
          const key = node();
          if (key.kind !== 'scalar') fail(key.start, glossaryMessage('keysPlain'));
          const keyScalar = key as YamlScalar;
          // Glossary mappings have a few keys each: a scan is cheaper than a Set per mapping.
          if (entries.some((entry) => entry.key.value === keyScalar.value)) fail(keyScalar.start, glossaryMessage('duplicateKey', { key: keyScalar.value }));
          entries.push({ key: keyScalar, value: node() });
        }
        index++;
        return { kind: 'map', start: event.start, entries };
      }
      case EVENT_ID.ALIAS:
        return fail(event.anchorStart, glossaryMessage('noAliases'));
      default:
        return fail(0, glossaryMessage('yamlUnexpectedEvent'));
    }
  };

  const rejectAnchorOrTag = (anchorStart: number, tagStart: number) => {
    if (anchorStart >= 0) fail(anchorStart, glossaryMessage('noAnchors'));
    if (tagStart >= 0) fail(tagStart, glossaryMessage('noTags'));
  };

  const scalar = (event: ScalarEvent): YamlScalar => {
    if (event.anchorStart >= 0) fail(event.anchorStart, glossaryMessage('noAnchors'));
    const value = getScalarValue(text, event);
    const tag = event.tagStart >= 0 ? text.slice(event.tagStart, event.tagEnd) : undefined;
    if (tag !== undefined && tag !== '!!str') fail(event.tagStart, glossaryMessage('tagUnsupported', { tag }));
    const plain = event.style === 1 && tag === undefined;
    const quoted = event.style === 2 || event.style === 3;
    // A quoted scalar starts at its quote; an empty one just after what precedes it (the key's colon).
    const start = event.valueStart >= 0 ? event.valueStart - (quoted ? 1 : 0) : event.tagStart >= 0 ? event.tagStart : lastEnd + 1;
    if (event.valueEnd >= 0) lastEnd = event.valueEnd;
    return { kind: 'scalar', start, value, type: plain ? coreSchemaType(value) : 'string' };
  };

  while (index < events.length) {
    const event = events[index++]!;
    if (event.type !== EVENT_ID.DOCUMENT) continue;
    documents++;
    if (documents > 1) fail(text.length, glossaryMessage('oneDocument'));
    root = events[index]?.type === EVENT_ID.POP ? null : node();
    if (events[index]?.type === EVENT_ID.POP) index++;
  }
  return root;
}

/** The YAML 1.2 core schema's reading of a plain scalar. */
function coreSchemaType(value: string): YamlScalar['type'] {
  // Most scalars are words: only these first characters can start a null, boolean or number.
  if (value !== '' && !'~nNtTfF+-.0123456789'.includes(value[0]!)) return 'string';
  if (value === '' || /^(?:~|null|Null|NULL)$/.test(value)) return 'null';
  if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(value)) return 'boolean';
  if (/^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(value)) return 'number';
  if (/^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(value)) return 'number';
  return 'string';
}
