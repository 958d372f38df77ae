import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { EXIT_INPUT, YakugoError } from './errors.js';
import { defineMessages } from './i18n.js';

const t = defineMessages('fs', {
  en: {
    ENOENT: 'no such file or folder: check the path, and paths in yakugo.config.yaml',
    ENOTDIR: '{{blocker}} is a file where a folder is needed: move it away, or point paths in yakugo.config.yaml elsewhere',
    ENOTDIRUnknown: 'a part of this path is a file where a folder is needed: move it away, or point paths in yakugo.config.yaml elsewhere',
    EISDIR: 'a folder where a file is needed: remove or rename the folder',
    EACCES: 'permission denied: make it readable and writable for this user ({{user}}), then run again',
    EROFS: 'on a read-only file system: run where the project can be written, or mount it writable',
    ENOSPC: 'no space left on the device: free some space, then run again',
    EDQUOT: 'disk quota exceeded: free some space, then run again',
    EMFILE: 'too many open files: raise the limit (ulimit -n), then run again',
    ELOOP: 'too many levels of symbolic links: remove the link cycle',
    ENAMETOOLONG: 'the file name is too long for the file system: shorten the article path',
    other: '{{code}}: {{detail}}',
    partial: '{{written}} of {{total}} file(s) were written before this fault: {{files}}; the others were left as they were. Fix the fault and run again.',
    partialNone: 'no file was written.',
  },
  ja: {
    ENOENT: 'ファイルまたはフォルダがありません。パスと yakugo.config.yaml の paths を確かめてください',
    ENOTDIR: 'フォルダが必要な場所に {{blocker}} というファイルがあります。ファイルを移すか、yakugo.config.yaml の paths で別の場所を指定してください',
    ENOTDIRUnknown: 'このパスの途中にフォルダではなくファイルがあります。ファイルを移すか、yakugo.config.yaml の paths で別の場所を指定してください',
    EISDIR: 'ファイルが必要な場所にフォルダがあります。フォルダを削除するか名前を変えてください',
    EACCES: 'アクセスが拒否されました。このユーザー({{user}})が読み書きできるようにしてから、もう一度実行してください',
    EROFS: '読み取り専用のファイルシステムです。書き込める場所で実行するか、書き込み可能にマウントしてください',
    ENOSPC: 'デバイスの空き容量がありません。空きを作ってから、もう一度実行してください',
    EDQUOT: 'ディスクのクォータを超えました。空きを作ってから、もう一度実行してください',
    EMFILE: '開いているファイルが多すぎます。上限(ulimit -n)を上げてから、もう一度実行してください',
    ELOOP: 'シンボリックリンクの階層が深すぎます。リンクの循環を取り除いてください',
    ENAMETOOLONG: 'ファイル名がファイルシステムにとって長すぎます。記事のパスを短くしてください',
    other: '{{code}}: {{detail}}',
    partial: 'この障害の前に {{total}} 件中 {{written}} 件のファイルを書き込みました: {{files}}。ほかのファイルは元のままです。障害を取り除いて、もう一度実行してください。',
    partialNone: '書き込んだファイルはありません。',
  },
});

/** The error Node's fs functions throw: a code such as ENOENT and the path they were given. */
export interface ErrnoError extends Error {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

export function isErrnoError(error: unknown): error is ErrnoError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && /^E[A-Z]+$/.test((error as ErrnoError).code);
}

let base: string | undefined;

/** Paths in fault messages are shown relative to the project root once a command has loaded the project. */
export function showPathsRelativeTo(root: string | undefined): void {
  base = root;
}

/** A path for a message: relative to the project root (or working folder) when below it, absolute otherwise. */
export function shownPath(path: string): string {
  const inside = relative(base ?? process.cwd(), path);
  if (inside === '') return '.';
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside.split(sep).join('/');
}

/**
 * One line for a filesystem fault, `path: what happened: what to do`, in the UI language (exit 2); undefined
 * for an error that did not come from the filesystem.
 */
export function fileSystemError(error: unknown): YakugoError | undefined {
  if (!isErrnoError(error)) return undefined;
  const path = error.path;
  const file = path === undefined ? undefined : shownPath(path);
  return new YakugoError(describeFault(error), { file, exitCode: EXIT_INPUT, cause: error });
}

function describeFault(error: ErrnoError): string {
  switch (error.code) {
    case 'ENOTDIR': {
      const blocker = error.path === undefined ? undefined : fileAlongPath(error.path);
      return blocker === undefined ? t('ENOTDIRUnknown') : t('ENOTDIR', { blocker: shownPath(blocker) });
    }
    case 'EACCES':
    case 'EPERM':
      return t('EACCES', { user: process.env['USER'] ?? process.getuid?.() ?? '?' });
    case 'ENOENT':
    case 'EISDIR':
    case 'EROFS':
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EMFILE':
    case 'ELOOP':
    case 'ENAMETOOLONG':
      return t(error.code);
    default:
      return t('other', { code: error.code, detail: error.message.replace(/^E[A-Z]+: /, '') });
  }
}

/** The nearest existing ancestor of `path` that is a file (why creating or reading below it fails). */
function fileAlongPath(path: string): string | undefined {
  let current = path;
  while (dirname(current) !== current) {
    if (existsSync(current)) return statSync(current).isDirectory() ? undefined : current;
    current = dirname(current);
  }
  return undefined;
}

/**
 * When a write fails after others succeeded, the fault's own line plus exactly which files were written,
 * so the user knows the state the project is in.
 */
export function partialWriteError(error: unknown, file: string, written: readonly string[], total: number): unknown {
  const fault = fileSystemError(error);
  if (!fault) return error;
  const files = written.length === 0 ? t('partialNone') : t('partial', { written: written.length, total, files: written.join(', ') });
  return new YakugoError(`${fault.reason}; ${files}`, { file, cause: error });
}

/** Runs `read`, giving a filesystem error that does not say which path (EISDIR from readFileSync) the path `file`. */
export function withPath<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isErrnoError(error) && error.path === undefined) error.path = file;
    throw error;
  }
}
