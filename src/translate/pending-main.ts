/**
 * TEMPORARY: the signatures of `withProjectLock` (src/project/lock.ts) and `updateCatalog`
 * (src/catalog/update.ts) that the "Project lock" commit adds on main. Replaced by imports of those
 * modules when it is merged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type Catalog, catalogPath, formatCatalog, parseCatalog, emptyCatalog } from '../catalog/catalog.js';
import { type CatalogState, formatState, readState, statePath } from '../catalog/state.js';
import type { Project } from '../config/load.js';
import { displayPath } from '../project/articles.js';
import { writeFileAtomic } from '../util/fs.js';

export async function withProjectLock<T>(_project: Project, _commandName: string, fn: () => T | Promise<T>): Promise<T> {
  return await fn();
}

export function updateCatalog(
  project: Project,
  lng: string,
  articleId: string,
  update: (catalog: Catalog, state: CatalogState) => { entries: Map<string, string>; state: CatalogState } | undefined,
): boolean {
  const file = catalogPath(project, lng, articleId);
  const stateFile = statePath(file);
  for (;;) {
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const stateBefore = existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : undefined;
    const catalog = before === undefined ? emptyCatalog() : parseCatalog(before, displayPath(project, file));
    const state = readState(stateFile, displayPath(project, stateFile));
    const result = update(catalog, state);
    if (!result) return false;
    const now = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const stateNow = existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : undefined;
    if (now !== before || stateNow !== stateBefore) continue;
    writeFileAtomic(stateFile, formatState(result.state));
    writeFileAtomic(file, formatCatalog(result.entries));
    return true;
  }
}
