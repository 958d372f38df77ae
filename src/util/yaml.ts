import { type Document, LineCounter, parseDocument } from 'yaml';
import { YakugoError } from './errors.js';
import { inputMessage } from './input-messages.js';

export interface ParsedYaml {
  document: Document;
  lineCounter: LineCounter;
}

/**
 * Parses one YAML document with positions. A syntax error is a YakugoError at its place in `file`;
 * `lineOffset` shifts lines for YAML embedded in another file (front matter).
 */
export function parseYaml(
  text: string,
  file: string | undefined,
  options: { lineOffset?: number; keepSourceTokens?: boolean; frontMatter?: boolean } = {},
): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, keepSourceTokens: options.keepSourceTokens ?? false });
  const [error] = document.errors;
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    throw new YakugoError(inputMessage(options.frontMatter ? 'invalidFrontMatter' : 'invalidYaml', { detail: error.message.split('\n')[0] }), {
      file,
      place: { line: at.line + (options.lineOffset ?? 0), column: at.col },
    });
  }
  return { document, lineCounter };
}
