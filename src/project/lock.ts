import { linkSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { replayJournals } from '../catalog/commit.js';
import type { Project } from '../config/load.js';
import { YakugoError } from '../util/errors.js';
import { TEMPORARY_MARKER } from '../util/fs.js';
import { defineMessages } from '../util/i18n.js';

const t = defineMessages('lock', {
  en: {
    held: 'another yakugo run ({{command}}, pid {{pid}} on {{host}}, since {{since}}) is changing this project; wait for it to finish and run again',
    heldElsewhere:
      'another yakugo run ({{command}}, pid {{pid}} on {{host}}, since {{since}}) holds the project lock {{file}}; if nothing runs there any more, delete that file',
    unreadable: 'the project lock {{file}} is being written by another run; run again in a moment',
  },
  ja: {
    held: '別の yakugo ({{command}}、{{host}} の pid {{pid}}、{{since}} から)がこのプロジェクトを変更中です。終わってからもう一度実行してください',
    heldElsewhere:
      '別の yakugo ({{command}}、{{host}} の pid {{pid}}、{{since}} から)がプロジェクトのロック {{file}} を持っています。そこで何も動いていなければ、そのファイルを削除してください',
    unreadable: 'プロジェクトのロック {{file}} を別の実行が書いている途中です。少し待ってからもう一度実行してください',
  },
});

/** The lock file, at the project root (`.yakugo.lock`; content projects ignore it in git). */
export const LOCK_FILE = '.yakugo.lock';

/** What the lock file holds: enough for a person, and for the next run, to tell whether its owner is alive. */
interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

/** Locks this process holds, by lock file, with how many nested `withProjectLock` calls hold each. */
const held = new Map<string, number>();

/**
 * Runs `work` while holding the project lock, so two runs that rewrite files people edit (catalogs,
 * sidecars, sources, glossary) never interleave: the second is refused with exit 2 and a message naming the
 * first. The lock is re-entrant within one process (translate may extract). A lock left by a process that
 * no longer runs on this host (killed, crashed) is stale and taken over. Before `work` runs, the catalog
 * groups a killed run left half-written are completed from their journals, and temporary files that dead
 * runs left behind are removed. Works for synchronous and asynchronous `work`.
 */
export function withProjectLock<T>(project: Project, command: string, work: () => T): T {
  const file = join(project.root, LOCK_FILE);
  const depth = held.get(file) ?? 0;
  if (depth === 0) {
    acquire(file, command);
    try {
      replayJournals(project.dirs.locales);
      removeLeftoverTemporaries(project);
    } catch (error) {
      releaseFile(file);
      throw error;
    }
  }
  held.set(file, depth + 1);
  const release = (): void => {
    const remaining = (held.get(file) ?? 1) - 1;
    if (remaining > 0) {
      held.set(file, remaining);
      return;
    }
    held.delete(file);
    releaseFile(file);
  };
  let result: T;
  try {
    result = work();
  } catch (error) {
    release();
    throw error;
  }
  if (result instanceof Promise) {
    return result.finally(release) as T;
  }
  release();
  return result;
}

function acquire(file: string, command: string): void {
  const owner: LockOwner = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  // Written whole to a private file, then hard-linked into place: link() fails if the lock exists, so
  // creation is atomic and nobody ever reads a half-written lock of ours.
  const temporary = `${file}${TEMPORARY_MARKER}${process.pid}-lock`;
  writeFileSync(temporary, `${JSON.stringify(owner)}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(temporary, file);
        releaseOnExit();
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readOwner(file);
      if (current === 'gone') continue;
      if (current === 'unreadable') throw new YakugoError(t('unreadable', { file: LOCK_FILE }));
      if (current.host === owner.host && !isAlive(current.pid)) {
        // Stale: its owner was killed. Remove it only if it is still the same stale lock.
        removeIfOwnedBy(file, current);
        continue;
      }
      const values = { ...current, file: LOCK_FILE };
      throw new YakugoError(current.host === owner.host ? t('held', values) : t('heldElsewhere', values));
    }
    throw new YakugoError(t('unreadable', { file: LOCK_FILE }));
  } finally {
    rmSync(temporary, { force: true });
  }
}

function readOwner(file: string): LockOwner | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string') {
      return { pid: value.pid, host: value.host, command: String(value.command ?? '?'), since: String(value.since ?? '?') };
    }
  } catch {
    // fall through: not a lock we can read
  }
  return 'unreadable';
}

function removeIfOwnedBy(file: string, owner: LockOwner): void {
  const current = readOwner(file);
  if (typeof current === 'object' && current.pid === owner.pid && current.host === owner.host && current.since === owner.since) {
    rmSync(file, { force: true });
  }
}

/** `kill(pid, 0)` tests for a process without signalling it: ESRCH means there is none. */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseFile(file: string): void {
  const current = readOwner(file);
  if (typeof current === 'object' && current.pid === process.pid && current.host === hostname()) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
}

/** Locks still held when the process exits (an uncaught error, process.exit) are released on the way out. */
let exitHandlerInstalled = false;
function releaseOnExit(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.on('exit', () => {
    for (const file of held.keys()) releaseFile(file);
  });
}

/**
 * Temporary files (`<file>.yakugo-tmp-<pid>-…`) left in the project by runs that died before renaming
 * them. Only files whose writer is no longer alive are removed, so a concurrent `build` keeps its own.
 */
export function removeLeftoverTemporaries(project: Project): string[] {
  const removed: string[] = [];
  const dirs = [...new Set([project.root, project.dirs.locales, project.dirs.source, project.dirs.out, project.dirs.glossary])];
  const visit = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const marker = name.lastIndexOf(TEMPORARY_MARKER);
      if (marker >= 0) {
        const pid = Number.parseInt(name.slice(marker + TEMPORARY_MARKER.length), 10);
        if (Number.isInteger(pid) && !isAlive(pid)) {
          rmSync(path, { force: true });
          removed.push(path);
        }
        continue;
      }
      // The root itself is only looked at, not walked: the other folders hold everything yakugo writes.
      if (depth > 0 && depth < 64 && !name.startsWith('.') && isDirectory(path)) visit(path, depth + 1);
    }
  };
  for (const dir of dirs) visit(dir, dir === project.root ? 0 : 1);
  return removed;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
