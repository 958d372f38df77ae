/**
 * One worker thread of `parseAhead`: parses the articles it is handed and sends their facts back. It reads
 * the project's configuration itself (the settings are part of what an article parses to) and writes what
 * it parsed to the cache, as the command would have.
 */
import { workerData } from 'piscina';
import { configureCache } from '../cache/store.js';
import { type Project, loadProject } from '../config/load.js';
import { type ParsedFile, parseOrNull } from './parse-ahead.js';

/** What every task shares, handed over when the thread starts. */
export interface ParseWorkerData {
  root: string;
  configFile: string | undefined;
  cache: { enabled: boolean; location: string | undefined };
}

let project: Project | undefined;

export default function parseTask(task: { files: string[] }): ParsedFile[] {
  if (!project) {
    const data = workerData as ParseWorkerData;
    configureCache(data.cache);
    project = loadProject(data.root, data.configFile);
  }
  const loaded = project;
  return task.files.map((file) => parseOrNull(loaded, file));
}
