/**
 * One worker thread of `yakugo check --jobs N`: checks the articles it is handed, a few at a time, and sends
 * their problems back. The parent hands over the project location and the selection when the thread starts
 * (possibly before it has loaded the glossary itself), and with each batch the glossary it loaded and
 * verified and the tokenizer dictionary, both in shared memory; the worker reads the articles and catalogs
 * itself. Only plain data crosses the thread boundary.
 */
import { deserialize } from 'node:v8';
import { workerData } from 'piscina';
import { configureCache } from '../cache/store.js';
import { type Project, loadProject } from '../config/load.js';
import type { Glossary } from '../glossary/types.js';
import { type DictionaryBuffers, useDictionaryBuffers } from '../glossary/tokenizer.js';
import { type CheckRun, type CheckTaskResult, checkFiles, taskError } from './articles.js';
import { selectLanguages, selectRules } from './run.js';

/** What every task of one run shares, handed over when the thread starts. */
export interface CheckWorkerData {
  root: string;
  configFile: string | undefined;
  /** `--lang` and `--rule` as given (the worker selects the same languages and rules as its parent). */
  languages: readonly string[] | undefined;
  rules: readonly string[] | undefined;
  cache: { enabled: boolean; location: string | undefined };
}

export interface CheckTask {
  /** Absolute paths of the articles to check. */
  files: string[];
  dictionary: DictionaryBuffers;
  /** The glossary the parent loaded and verified (its examples and rule specs already passed), `v8.serialize`d. */
  glossary: SharedArrayBuffer;
}

let setup: { project: Project; run: CheckRun } | undefined;

function prepare(data: CheckWorkerData, glossary: Glossary): { project: Project; run: CheckRun } {
  configureCache(data.cache);
  const project = loadProject(data.root, data.configFile);
  const { languages, includesSource } = selectLanguages(project, data.languages);
  return { project, run: { glossary, languages, includesSource, rules: selectRules(data.rules) } };
}

export default async function checkTask(task: CheckTask): Promise<CheckTaskResult> {
  try {
    useDictionaryBuffers(task.dictionary);
    // A pool serves one run, so the glossary of its first batch is the glossary of all of them.
    setup ??= prepare(workerData as CheckWorkerData, deserialize(new Uint8Array(task.glossary)) as Glossary);
    return { outcomes: await checkFiles(setup.project, task.files, setup.run) };
  } catch (error) {
    return taskError(error);
  }
}
