import type { Project } from '../config/load.js';
import { displayPath } from '../project/articles.js';
import { withProjectLock } from '../project/lock.js';
import { decodeTextFile, readBytesIfExists } from '../util/fs.js';
import { changedWhileRunning } from '../util/input-messages.js';
import { catalogPath, formatCatalog, parseCatalog } from './catalog.js';
import { commitGroup } from './commit.js';
import { type CatalogState, formatState, parseState, statePath } from './state.js';

/** A target catalog and its sidecar as they are on disk right now. */
export interface CatalogContents {
  entries: Map<string, string>;
  state: CatalogState;
}

/** What an update wants the catalog and sidecar to become (entries in file order). */
export interface CatalogUpdate {
  entries: Array<[string, string]>;
  state: CatalogState;
}

/** How often a catalog that keeps being saved is read and updated again before the run gives up. */
const MAX_ATTEMPTS = 5;

/**
 * Changes one target catalog and its sidecar without losing anybody's save: reads both, asks `update` for
 * the new contents (undefined: nothing to change), and writes the sidecar, then the catalog, each only if
 * the file still holds what was read. When a translator saved in between, it reads again and asks `update`
 * again, so the update applies to what they saved (an update must therefore decide from `current`, e.g.
 * "fill this key only if it is still empty"). Holds the project lock (re-entrant: callers usually hold it
 * already). Returns the files written, relative to the root.
 */
export function updateCatalog(
  project: Project,
  lng: string,
  articleId: string,
  update: (current: CatalogContents) => CatalogUpdate | undefined,
  options: { onWrite?: (file: string) => void } = {},
): string[] {
  return withProjectLock(project, 'update', () => {
    const file = catalogPath(project, lng, articleId);
    const sidecarFile = statePath(file);
    const shown = displayPath(project, file);
    const sidecarShown = displayPath(project, sidecarFile);
    const written: string[] = [];
    for (let attempt = 1; ; attempt++) {
      const catalogBytes = readBytesIfExists(file);
      const sidecarBytes = readBytesIfExists(sidecarFile);
      const current: CatalogContents = {
        entries: catalogBytes === null ? new Map() : parseCatalog(decodeTextFile(catalogBytes, shown), shown).entries,
        state: sidecarBytes === null ? new Map() : parseState(decodeTextFile(sidecarBytes, sidecarShown), sidecarShown),
      };
      const next = update(current);
      if (next === undefined) return written;
      // Neither order of two plain writes is safe when a value is replaced (a killed run would leave a
      // machine draft looking reviewed, or a stale translation looking fresh), so the pair goes through a
      // journal beside the catalog that the next locked run completes.
      const result = commitGroup([
        { file, contents: formatCatalog(next.entries), expected: catalogBytes },
        { file: sidecarFile, contents: formatState(next.state), expected: sidecarBytes },
      ], options.onWrite);
      for (const path of result.written) written.push(displayPath(project, path));
      if (result.conflict === undefined) return written;
      if (attempt === MAX_ATTEMPTS) throw changedWhileRunning(displayPath(project, result.conflict), written);
    }
  });
}
