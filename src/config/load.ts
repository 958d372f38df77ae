import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { isMap, type LineCounter, } from 'yaml';
import { z } from 'zod';
import { YakugoError } from '../util/errors.js';
import { readTextFile } from '../util/fs.js';
import { type Config, configSchema } from './schema.js';
import { type ParsedYaml, parseYaml } from '../util/yaml.js';
import { inputMessage } from '../util/input-messages.js';
import { uiLanguage } from '../util/i18n.js';

export const CONFIG_FILE = 'yakugo.config.yaml';

/** A loaded configuration with the folder it applies to and absolute paths resolved. */
export interface Project {
  root: string;
  /** The config file read, relative to the root, or undefined when defaults were used. */
  configFile: string | undefined;
  config: Config;
  dirs: { source: string; locales: string; out: string; glossary: string };
}

/**
 * Loads `yakugo.config.yaml` from `root` (or `configFile`). Every setting has a default, so a folder
 * with only `source/` works. Errors name the file, line and column of the offending key.
 */
export function loadProject(root: string, configFile?: string): Project {
  const absoluteRoot = resolve(root);
  const file = configFile ? resolve(absoluteRoot, configFile) : resolve(absoluteRoot, CONFIG_FILE);
  let config: Config;
  let shown: string | undefined;
  if (existsSync(file)) {
    shown = displayPath(absoluteRoot, file);
    config = parseConfig(readTextFile(file, shown), shown);
  } else if (configFile) {
    throw new YakugoError(inputMessage('configNotFound', { file: configFile }));
  } else {
    config = configSchema.parse({});
  }
  const dir = (path: string) => (isAbsolute(path) ? path : resolve(absoluteRoot, path));
  return {
    root: absoluteRoot,
    configFile: shown,
    config,
    dirs: {
      source: dir(config.paths.source),
      locales: dir(config.paths.locales),
      out: dir(config.paths.out),
      glossary: dir(config.paths.glossary),
    },
  };
}

/** Parses and validates config text; `file` is only for messages. */
export function parseConfig(text: string, file: string): Config {
  const { document, lineCounter } = parseYaml(text, file);
  const data = yamlData(document, file);
  // zod's own messages (wrong types, bad values) in the UI language too.
  z.config(uiLanguage() === 'ja' ? z.locales.ja() : z.locales.en());
  const result = configSchema.safeParse(data);
  if (result.success) {
    const config = result.data;
    const sourceIndex = config.languages.indexOf(config.sourceLanguage);
    if (sourceIndex !== -1) {
      // The source language's catalog is regenerated from the articles: as a target it would get sidecars and be overwritten.
      throw issueError(document, lineCounter, file, ['languages', sourceIndex], inputMessage('sourceIsTarget', { lng: config.sourceLanguage }));
    }
    for (const lng of config.required) {
      if (!config.languages.includes(lng)) {
        throw issueError(document, lineCounter, file, ['required'], inputMessage('requiredNotBuilt', { lng }));
      }
    }
    return config;
  }
  const [issue] = result.error.issues;
  throw issueError(document, lineCounter, file, issuePath(issue), describeIssue(issue));
}

/** The document as plain data; an alias bomb (`&a [*b, *b…]` nested) is refused by yaml's alias limit. */
function yamlData(document: ParsedYaml['document'], file: string): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new YakugoError(inputMessage('invalidYaml', { detail: error.message }), { file, place: { line: 1, column: 1 } });
  }
}

function issuePath(issue: z.core.$ZodIssue | undefined): PropertyKey[] {
  if (!issue) return [];
  if (issue.code === 'unrecognized_keys') return [...issue.path, issue.keys[0] ?? ''];
  return issue.path;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid config';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join('", "');
    return issue.path.length > 0 ? inputMessage('unknownKeyIn', { keys, path: issue.path.join('.') }) : inputMessage('unknownKey', { keys });
  }
  const key = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
  return `${key}${issue.message}`;
}

/** Builds an error placed at the deepest YAML node that exists along `path` (the key itself where possible). */
function issueError(
  document: ParsedYaml['document'],
  lineCounter: LineCounter,
  file: string,
  path: PropertyKey[],
  message: string,
): YakugoError {
  let offset = 0;
  let node: unknown = document.contents;
  for (const segment of path) {
    if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
    const collection = node as { items: Array<{ key?: unknown; value?: unknown; range?: number[] }> };
    const item = isMap(node)
      ? collection.items.find((pair) => String((pair.key as { value?: unknown })?.value) === String(segment))
      : collection.items[Number(segment)];
    if (!item) break;
    const keyNode = (isMap(node) ? item.key : item) as { range?: number[] } | undefined;
    if (keyNode?.range?.[0] !== undefined) offset = keyNode.range[0];
    node = isMap(node) ? item.value : item;
  }
  const at = lineCounter.linePos(offset);
  return new YakugoError(message, { file, place: { line: at.line, column: at.col } });
}

function displayPath(root: string, file: string): string {
  const relative = file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
  return relative;
}
