import { YakugoError } from '../util/errors.js';
import { inputMessage } from '../util/input-messages.js';

/**
 * How much one article may ask of the parser. Markdown parsing and serializing are super-linear in some
 * shapes — a list nested 1,000 deep takes a minute, 5,000 deep exhausts memory; blockquotes 2,000 deep
 * overflow the stack; `*`×3000 around a word nests emphasis 1,500 deep and takes minutes to write back —
 * while real articles stay far below these limits. Each is configurable (`limits` in the config).
 */
export interface MarkdownLimits {
  /** Largest article file, in bytes. */
  articleBytes: number;
  /** Largest segment (one paragraph, heading, cell or field), in UTF-8 bytes. */
  segmentBytes: number;
  /** Deepest nesting of block quotes and lists. */
  nesting: number;
  /** Longest run of one emphasis delimiter (`*`, `_`, `~`). */
  delimiterRun: number;
}

export const DEFAULT_LIMITS: MarkdownLimits = { articleBytes: 2_000_000, segmentBytes: 1_000_000, nesting: 32, delimiterRun: 64 };

/** Leading container markers of a line: `>` and list bullets or numbers, as many as are stacked. */
const containerPrefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;
const fence = /^[ \t>]*(?:[-*+] |\d{1,9}[.)] )*[ \t]*(`{3,}|~{3,})/;

/**
 * Refuses, before parsing, text whose shape would make parsing or writing it back take minutes or overflow
 * the stack. A cheap line scan that over-estimates nesting (every two columns of indentation count as one
 * level), so it never lets a deeper document through; the contents of fenced code are not looked at.
 */
export function checkMarkdownLimits(text: string, limits: MarkdownLimits, file: string | undefined): void {
  const lines = text.split('\n');
  let inFence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fenceMatch = fence.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (inFence === undefined) inFence = marker;
      else if (marker[0] === inFence[0] && marker.length >= inFence.length) inFence = undefined;
    }
    if (inFence !== undefined && !fenceMatch) continue;
    const depth = nestingOf(line);
    if (depth > limits.nesting) {
      throw new YakugoError(inputMessage('tooDeep', { depth, limit: limits.nesting }), { file, place: { line: index + 1, column: 1 } });
    }
    if (inFence !== undefined) continue;
    const run = longestDelimiterRun(line);
    if (run && run.length > limits.delimiterRun) {
      throw new YakugoError(inputMessage('delimiterRun', { length: run.length, char: run.char, limit: limits.delimiterRun }), {
        file,
        place: { line: index + 1, column: run.column },
      });
    }
  }
}

function nestingOf(line: string): number {
  const prefix = containerPrefix.exec(line)?.[0] ?? '';
  let markers = 0;
  let indent = 0;
  for (const char of prefix) {
    if (char === ' ') indent++;
    else if (char === '\t') indent += 4;
    else if (char === '>' || char === '-' || char === '*' || char === '+' || char === '.' || char === ')') markers++;
  }
  if (prefix === '') indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
  return markers + Math.floor(indent / 2);
}

function longestDelimiterRun(line: string): { length: number; char: string; column: number } | undefined {
  let best: { length: number; char: string; column: number } | undefined;
  const runs = /([*_~])\1*/g;
  for (let match = runs.exec(line); match; match = runs.exec(line)) {
    if (!best || match[0].length > best.length) best = { length: match[0].length, char: match[1]!, column: match.index + 1 };
  }
  return best;
}

/** Refuses a segment larger than the limit (checks and matching work per segment). */
export function checkSegmentSize(text: string, limits: MarkdownLimits, file: string | undefined, place: { line: number; column: number }): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.segmentBytes) throw new YakugoError(inputMessage('segmentTooLarge', { bytes, limit: limits.segmentBytes }), { file, place });
}
