/**
 * Formatters turn sorted problems into text, like ESLint's: one interface, one module per format.
 * `yakugo check` and `yakugo glossary lint` both print through them.
 */
import { inputMessage } from '../../util/input-messages.js';
import { yakugoManifest } from '../../util/fingerprint.js';
import type { Colors } from 'picocolors/types.js';
import { YakugoError } from '../../util/errors.js';
import type { Problem, RuleDescriptor } from '../types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

/** The program that found the problems (SARIF's `tool.driver`). */
export interface ToolInfo {
  name: string;
  version: string;
  /** The project's home page, from package.json `homepage`, when it has one. */
  informationUri?: string;
}

export interface FormatContext {
  /** Every rule that ran (SARIF lists them even when they found nothing). */
  rules: readonly RuleDescriptor[];
  /** Colour functions; pass `picocolors.createColors(false)` for plain text. */
  colors: Colors;
  tool: ToolInfo;
}

/** Returns the whole output, ending with a newline, or an empty string when there is nothing to print. */
export type Formatter = (problems: readonly Problem[], context: FormatContext) => string;

export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

/** The formatter called `name`; an unknown name is a usage error (exit 2). */
export function getFormatter(name: string): Formatter {
  if (!isFormatName(name)) {
    throw new YakugoError(inputMessage('unknownFormat', { name, formats: FORMAT_NAMES.join(', ') }));
  }
  return formatters[name];
}

let cachedTool: ToolInfo | undefined;

/** yakugo's name, version and home page, read from its package.json (the same path from src/ and dist/). */
export function yakugoTool(): ToolInfo {
  if (!cachedTool) {
    const manifest = yakugoManifest();
    cachedTool = { name: manifest.name, version: manifest.version };
    if (manifest.homepage) cachedTool.informationUri = manifest.homepage;
  }
  return cachedTool;
}
