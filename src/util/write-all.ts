import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './fs.js';
import { partialWriteError } from './fs-errors.js';

/** A file a run will write, computed in full before anything is written. */
export interface PlannedWrite {
  file: string;
  contents: string;
}

/**
 * Writes every planned file whose bytes change, each atomically, and returns the files written. Before the
 * first byte, every target is checked the way the writes will need it (its folder can be created and
 * written, no file stands where a folder must be, no folder where the file goes), so the common faults —
 * a read-only folder, `locales` being a file — stop the run with nothing written. A fault no check can
 * foresee (a full disk) names exactly the files already written.
 */
export function writeAll(writes: readonly PlannedWrite[], show: (file: string) => string): string[] {
  const changed = writes.filter(({ file, contents }) => !sameContents(file, contents));
  for (const { file } of changed) checkWritable(file);
  const written: string[] = [];
  for (const { file, contents } of changed) {
    try {
      writeFileAtomic(file, contents);
    } catch (error) {
      throw partialWriteError(error, show(file), written, changed.length);
    }
    written.push(show(file));
  }
  return written;
}

function sameContents(file: string, contents: string): boolean {
  try {
    return statSync(file).isFile() && readFileSync(file, 'utf8') === contents;
  } catch {
    // Unreadable or missing: it will be written (and a fault reported there).
    return false;
  }
}

/** Throws the error the write of `file` would meet (ENOTDIR, EISDIR, EACCES, EROFS), as Node reports it. */
export function checkWritable(file: string): void {
  if (existsSync(file) && statSync(file).isDirectory()) throw errno('EISDIR', file);
  let folder = dirname(file);
  while (!existsSync(folder)) {
    const parent = dirname(folder);
    if (parent === folder) return;
    folder = parent;
  }
  // statSync and accessSync throw ENOTDIR themselves when a file stands along the path.
  if (!statSync(folder).isDirectory()) throw errno('ENOTDIR', file);
  // The temporary file is created and renamed in the folder, so the folder must be writable.
  accessSync(folder, constants.W_OK);
}

function errno(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}
