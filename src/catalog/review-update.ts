import type { Project } from '../config/load.js';
import { displayPath } from '../project/articles.js';
import { type Catalog, catalogPath, readCatalogIfExists } from './catalog.js';
import { type CatalogState, readState, statePath, writeState } from './state.js';

/** Temporary: replaced by updateCatalog from src/catalog/update.ts once it lands on main. */
export function updateSidecar(
  project: Project,
  lng: string,
  articleId: string,
  update: (catalog: Catalog, state: CatalogState) => { entries: Map<string, string>; state: CatalogState } | undefined,
): void {
  const file = catalogPath(project, lng, articleId);
  const stateFile = statePath(file);
  const catalog = readCatalogIfExists(file, displayPath(project, file));
  const state = readState(stateFile, displayPath(project, stateFile));
  const result = update(catalog, state);
  if (result) writeState(stateFile, result.state);
}
