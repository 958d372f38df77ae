/**
 * The source text a stale translation was made from. The sidecar keeps only its hash, so the text is looked
 * up by that hash: first in the source catalog on disk (a front-matter field edited before `extract` ran),
 * then in the versions of the source catalog git has (`git log` of `locales/<src>/<article>.json`, newest
 * first). Without git, or when no version has it, there is none: the text is shown where known, never guessed.
 */
import { execFileSync } from 'node:child_process';
import { relative } from 'node:path';
import type { Project } from '../config/load.js';
import { shortHash } from '../markdown/segment.js';
import { displayPath } from '../project/articles.js';
import { catalogPath, parseCatalog, readCatalogIfExists } from './catalog.js';
import { type CatalogState, readState, statePath } from './state.js';

/** How many committed versions of one source catalog are searched at most. */
const MAX_VERSIONS = 50;

/** Source texts by hash (`shortHash`), for the hashes asked for that could be found. */
export function previousSourceTexts(root: string, sourceCatalog: string, onDisk: ReadonlyMap<string, string>, hashes: ReadonlySet<string>): Map<string, string> {
  const found = new Map<string, string>();
  const take = (values: Iterable<string>): boolean => {
    for (const value of values) {
      const hash = shortHash(value);
      if (hashes.has(hash) && !found.has(hash)) found.set(hash, value);
    }
    return found.size === hashes.size;
  };
  if (hashes.size === 0 || take(onDisk.values())) return found;
  const path = relative(root, sourceCatalog).split(/[\\/]/).join('/');
  for (const commit of git(root, ['log', `-n${MAX_VERSIONS}`, '--format=%H', '--', path])?.split('\n').filter(Boolean) ?? []) {
    const text = git(root, ['show', `${commit}:./${path}`]);
    if (text === undefined) continue;
    try {
      if (take(parseCatalog(text, path).entries.values())) break;
    } catch {
      // A committed version that is not a valid catalog holds nothing we can use.
    }
  }
  return found;
}

/** A target catalog as a prepared check holds it: its language, and which of its segments are stale. */
interface TargetSegments {
  lng: string;
  pairs: ReadonlyArray<{ stale: boolean; source: { segment: { key: string } } }>;
}

/**
 * The sidecar state of each target catalog of an article (by language), and the earlier source texts of
 * the stale segments of all of them (by hash, as the sidecars record them). The source catalog, and git,
 * are asked once per article, not once per language.
 */
export function targetStates(project: Project, articleId: string, targets: readonly TargetSegments[]): { states: Map<string, CatalogState>; previous: Map<string, string> } {
  const states = new Map<string, CatalogState>();
  const staleHashes = new Set<string>();
  for (const target of targets) {
    const file = statePath(catalogPath(project, target.lng, articleId));
    const state = readState(file, displayPath(project, file));
    states.set(target.lng, state);
    for (const pair of target.pairs) if (pair.stale) staleHashes.add(state.get(pair.source.segment.key)?.source ?? '');
  }
  const sourceFile = catalogPath(project, project.config.sourceLanguage, articleId);
  const sourceCatalog = readCatalogIfExists(sourceFile, displayPath(project, sourceFile)).entries;
  return { states, previous: previousSourceTexts(project.root, sourceFile, sourceCatalog, staleHashes) };
}

/** Output of a git command in `root`, or undefined when git is missing, `root` is no repository, or it fails. */
function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}
