/**
 * Translation memory and the response cache.
 *
 * The memory is every reviewed translation in the project (a person wrote or accepted it: no draft origin,
 * not stale), by language and source text. An identical source segment is reused as is (origin `tm`);
 * similar ones (bigram similarity ≥ 0.7, as `extract` measures it) are examples for LLM providers.
 *
 * The response cache keeps each accepted provider reply in the project cache (`node_modules/.cache/yakugo`),
 * keyed by provider, model, language, the text as sent, the glossary hash and the prompt version, so a run
 * after an interruption sends nothing twice.
 */
import type { Cache } from '../cache/store.js';
import { catalogPath, readCatalogIfExists } from '../catalog/catalog.js';
import { similarity } from '../catalog/similarity.js';
import { isStale, readState, statePath } from '../catalog/state.js';
import type { Project } from '../config/load.js';
import type { SourceArticle } from '../markdown/types.js';
import { displayPath } from '../project/articles.js';
import type { Example } from './types.js';

/** Below this a similar translation is no help as an example. */
export const EXAMPLE_SIMILARITY = 0.7;
const MAX_EXAMPLES = 3;

export interface TranslationMemory {
  /** The reviewed translation of exactly this source text, if any. */
  exact(lng: string, sourceText: string): string | undefined;
  /** Reviewed translations of similar source texts, most similar first. */
  similar(lng: string, sourceText: string): Example[];
}

export function buildMemory(project: Project, articles: readonly SourceArticle[], languages: readonly string[]): TranslationMemory {
  const byLanguage = new Map<string, Map<string, string>>();
  for (const lng of languages) {
    const pairs = new Map<string, string>();
    for (const article of articles) {
      const file = catalogPath(project, lng, article.id);
      const catalog = readCatalogIfExists(file, displayPath(project, file));
      const stateFile = statePath(file);
      const state = readState(stateFile, displayPath(project, stateFile));
      for (const segment of article.segments) {
        const value = catalog.entries.get(segment.key);
        if (value === undefined || value.trim() === '') continue;
        const entry = state.get(segment.key);
        if (entry?.origin !== undefined || isStale(entry, segment.text, value)) continue;
        if (!pairs.has(segment.text)) pairs.set(segment.text, value);
      }
    }
    byLanguage.set(lng, pairs);
  }
  return {
    exact: (lng, sourceText) => byLanguage.get(lng)?.get(sourceText),
    similar(lng, sourceText) {
      const scored: Array<Example & { score: number }> = [];
      const length = bigramCount(sourceText);
      for (const [source, target] of byLanguage.get(lng) ?? []) {
        if (source === sourceText) continue;
        // Dice can be no higher than 2·min/(a+b) of the bigram counts: most pairs are ruled out unread.
        const other = bigramCount(source);
        if ((2 * Math.min(length, other)) / (length + other) < EXAMPLE_SIMILARITY) continue;
        const score = similarity(source, sourceText);
        if (score >= EXAMPLE_SIMILARITY) scored.push({ source, target, score });
      }
      scored.sort((a, b) => b.score - a.score || (a.source < b.source ? -1 : 1));
      return scored.slice(0, MAX_EXAMPLES).map(({ source, target }) => ({ source, target }));
    },
  };
}

/** Bigrams `similarity` compares: code points with whitespace runs as one space, minus one. */
function bigramCount(text: string): number {
  return Math.max(0, [...text.replace(/\s+/g, ' ')].length - 1);
}

export interface ResponseCache {
  get(key: string): string | undefined;
  set(key: string, reply: string): void;
}

export function cacheKey(parts: { provider: string; model: string; lng: string; text: string; glossaryHash: string; promptVersion: number; style?: string }): string {
  return JSON.stringify(parts);
}

/** Replies in the project cache (`node_modules/.cache/yakugo`, or `--cache-location`; off with `--no-cache`). */
export function replyCache(cache: Cache): ResponseCache {
  return {
    get: (key) => {
      const value = cache.get<{ reply?: unknown }>('translate-replies', key);
      return typeof value?.reply === 'string' ? value.reply : undefined;
    },
    set: (key, reply) => cache.set('translate-replies', key, { reply }),
  };
}
