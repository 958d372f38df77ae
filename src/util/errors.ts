import { LineIndex } from './lines.js';

/** Exit codes, part of the CLI contract (as in ESLint). */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_INPUT = 2;

export interface Place {
  line: number;
  column: number;
}

/**
 * An error in what the user gave us (usage, config, input file). Carries the file and place so every
 * report reads `file:line:column: message`; the CLI exits 2.
 */
export class YakugoError extends Error {
  /** The message without its place. */
  readonly reason: string;
  readonly file: string | undefined;
  readonly place: Place | undefined;
  readonly exitCode: number;

  constructor(message: string, options: { file?: string; place?: Place; exitCode?: number; cause?: unknown } = {}) {
    const where = placeText(options.file, options.place);
    super(where ? `${where}: ${message}` : message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'YakugoError';
    this.reason = message;
    this.file = options.file;
    this.place = options.place;
    this.exitCode = options.exitCode ?? EXIT_INPUT;
  }

  /** `file:line:column: message`, the form editors and terminals link to. */
  override toString(): string {
    return this.message;
  }
}

/**
 * A place as messages show it: `file:line:column`, `file` for what concerns the whole file, and without the
 * file when there is none (an error in an argument, say).
 */
export function placeText(file: string | undefined, place: Place | undefined): string {
  return [file, place?.line, place?.column].filter((part) => part !== undefined).join(':');
}

/** 1-based line and column of a UTF-16 offset in `text`. */
export function placeOfOffset(text: string, offset: number): Place {
  return new LineIndex(text).place(offset);
}
