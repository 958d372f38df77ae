import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { YakugoError } from '../util/errors.js';
import { readBytesIfExists, sameBytes, writeFileAtomic, writeFileAtomicIf } from '../util/fs.js';
import { inputMessage } from '../util/input-messages.js';

/** A file a run means to write, with the bytes it was computed from (null: the file did not exist). */
export interface PlannedWrite {
  file: string;
  contents: string;
  expected: Buffer | null;
}

export interface CommitResult {
  /** Files whose bytes changed, in the order they were written. */
  written: string[];
  /** The first file somebody changed after it was read; nothing from it on was written. */
  conflict?: string;
}

/**
 * Writes planned files in the given order, each atomically, skipping those whose bytes would not change.
 * Before each rename it checks that the file still holds the bytes the plan was computed from: a translator
 * who saved a catalog while the run was computing is never overwritten. On such a conflict it stops and
 * says which file; the caller reads again and plans again (the order callers choose keeps every prefix of
 * the writes a state that a new run completes correctly).
 */
export function commitWrites(writes: readonly PlannedWrite[], afterEachWrite?: (file: string) => void): CommitResult {
  const written: string[] = [];
  for (const write of writes) {
    const unchanged = () => sameBytes(readBytesIfExists(write.file), write.expected);
    if (!unchanged()) return { written, conflict: write.file };
    if (write.expected?.equals(Buffer.from(write.contents, 'utf8'))) continue;
    if (!writeFileAtomicIf(write.file, write.contents, unchanged)) return { written, conflict: write.file };
    written.push(write.file);
    afterEachWrite?.(write.file);
  }
  return { written };
}

/**
 * A group of files that must change together (a catalog and its sidecar): the intended contents are written
 * to a journal beside the first file before any of them, and the journal is removed once all are written.
 * A run killed in between leaves the journal, and the next run that takes the project lock completes the
 * group (`replayJournals`) before it reads anything. If somebody saves one of the files while the group is
 * being written, the files already written are put back as they were and the conflict is returned, so the
 * pair is never left half old, half new.
 */
export function commitGroup(writes: readonly PlannedWrite[], afterEachWrite?: (file: string) => void): CommitResult {
  const first = writes[0];
  if (first === undefined) return { written: [] };
  const changed = writes.filter((write) => !write.expected?.equals(Buffer.from(write.contents, 'utf8')));
  if (changed.length === 0) return { written: [] };
  const conflict = writes.find((write) => !sameBytes(readBytesIfExists(write.file), write.expected));
  if (conflict) return { written: [], conflict: conflict.file };

  const journal = journalPath(first.file);
  const entries: JournalEntry[] = changed.map((write) => ({
    file: relative(dirname(journal), write.file),
    expected: write.expected === null ? null : sha256(write.expected),
    contents: write.contents,
  }));
  writeFileAtomic(journal, `${JSON.stringify({ yakugoJournal: 1, writes: entries })}\n`);
  const result = commitWrites(changed, afterEachWrite);
  if (result.conflict !== undefined) {
    // Undo this group's writes that nobody has touched since, so the files stay a consistent pair.
    for (const file of result.written) {
      const write = changed.find((candidate) => candidate.file === file)!;
      const undo: PlannedWrite = { file, contents: write.expected?.toString('utf8') ?? '', expected: Buffer.from(write.contents, 'utf8') };
      if (write.expected === null) {
        if (sameBytes(readBytesIfExists(file), undo.expected)) rmSync(file, { force: true });
      } else {
        commitWrites([undo]);
      }
    }
    rmSync(journal, { force: true });
    return { written: [], conflict: result.conflict };
  }
  rmSync(journal, { force: true });
  return result;
}

/** Suffix of a pending group's journal, beside the first file of the group. */
export const JOURNAL_SUFFIX = '.yakugo-journal';

interface JournalEntry {
  /** Relative to the journal's folder, so a moved project still replays. */
  file: string;
  /** SHA-256 of the bytes the file held before (null: it did not exist). */
  expected: string | null;
  contents: string;
}

export function journalPath(file: string): string {
  return `${file}${JOURNAL_SUFFIX}`;
}

/** What replaying one journal did: files completed, and files somebody changed after the crash (left as they are). */
export interface Replayed {
  journal: string;
  completed: string[];
  keptChanged: string[];
}

/**
 * Completes the groups that killed runs left half-written, under `dir` (the locales folder). A file that
 * holds neither its old bytes nor its new ones was saved by a person after the crash and is left alone.
 */
export function replayJournals(dir: string): Replayed[] {
  const replayed: Replayed[] = [];
  for (const journal of findJournals(dir)) {
    const text = readFileSync(journal, 'utf8');
    let entries: JournalEntry[];
    try {
      entries = (JSON.parse(text) as { writes: JournalEntry[] }).writes;
      if (!Array.isArray(entries)) throw new Error('no writes');
    } catch {
      throw new YakugoError(inputMessage('badJournal'), { file: journal });
    }
    const report: Replayed = { journal, completed: [], keptChanged: [] };
    for (const entry of entries) {
      const file = resolve(dirname(journal), entry.file);
      const current = readBytesIfExists(file);
      if (current?.equals(Buffer.from(entry.contents, 'utf8'))) continue;
      if ((current === null ? null : sha256(current)) === entry.expected) {
        writeFileAtomic(file, entry.contents);
        report.completed.push(file);
      } else {
        report.keptChanged.push(file);
      }
    }
    rmSync(journal, { force: true });
    replayed.push(report);
  }
  return replayed;
}

function findJournals(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      if (name.endsWith(JOURNAL_SUFFIX)) found.push(path);
      else if (depth < 64 && statSync(path, { throwIfNoEntry: false })?.isDirectory()) walk(path, depth + 1);
    }
  };
  walk(dir, 0);
  return found;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
