import { createHash } from 'node:crypto';
import { projectCache } from '../cache/store.js';
import type { Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import type { Matcher, RunMatch } from './match.js';
import type { Concept, Glossary, Term } from './types.js';

/**
 * A hash of what the glossary matches: every concept's terms and matching options, without the places
 * they are written at (moving a concept within its file changes no match).
 */
export function glossaryHash(glossary: Glossary): string {
  let hash = hashes.get(glossary);
  if (!hash) {
    const content = JSON.stringify(glossary.concepts, (key, value) => (key === 'place' || key === 'places' ? undefined : value));
    hash = createHash('sha256').update(content).digest('hex');
    hashes.set(glossary, hash);
  }
  return hash;
}

const hashes = new WeakMap<Glossary, string>();

/** A match as stored: concept id, the term's language and index in the concept, then the offsets. */
type StoredMatch = [string, string, number, string, number, number, number, number];

/**
 * The glossary matches in the prose of every segment of an article, one list per segment, from the
 * persistent cache when this glossary already matched this very article text, else from the matcher
 * (created only when needed).
 */
export async function segmentMatches(project: Project, glossary: Glossary, article: SourceArticle, matcher: () => Promise<Matcher>): Promise<RunMatch[][]> {
  const cache = projectCache(project.root);
  const key = `${glossaryHash(glossary)}\0${project.config.frontMatter.join('\0')}\0${article.source}`;
  const stored = cache.get<StoredMatch[][]>('source-matches', key);
  if (stored) {
    const rehydrated = rehydrate(glossary, stored);
    if (rehydrated) return rehydrated;
  }
  const found = await matcher();
  const matches = article.segments.map((segment) => found.findInRuns(segment.runs));
  cache.set('source-matches', key, matches.map((list) => list.map(store)));
  return matches;
}

function store(match: RunMatch): StoredMatch {
  const [lng, index] = termAddress(match.concept, match.term);
  return [match.concept.id, lng, index, match.surface, match.start, match.end, match.fileStart, match.fileEnd];
}

function termAddress(concept: Concept, term: Term): [string, number] {
  for (const [lng, terms] of Object.entries(concept.terms)) {
    const index = terms.indexOf(term);
    if (index >= 0) return [lng, index];
  }
  return ['', -1];
}

/** Matches with the live glossary's concept and term objects; undefined if any no longer exists. */
function rehydrate(glossary: Glossary, stored: StoredMatch[][]): RunMatch[][] | undefined {
  const concepts = new Map(glossary.concepts.map((concept) => [concept.id, concept]));
  const result: RunMatch[][] = [];
  for (const list of stored) {
    const matches: RunMatch[] = [];
    for (const [id, lng, index, surface, start, end, fileStart, fileEnd] of list) {
      const concept = concepts.get(id);
      const term = concept?.terms[lng]?.[index];
      if (!concept || !term) return undefined;
      matches.push({ concept, term, surface, start, end, fileStart, fileEnd });
    }
    result.push(matches);
  }
  return result;
}
