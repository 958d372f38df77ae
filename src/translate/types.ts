/**
 * The vocabulary of `yakugo translate`: one segment to draft (a job), the batches sent to a provider, and
 * the one interface every provider implements.
 */
import type { Segment } from '../markdown/types.js';
import type { MaskedSegment } from './mask.js';
import type { Reason } from './reasons.js';

/** A glossary concept the matcher found in the segment: the term to use, and the ones not to. */
export interface TermHint {
  concept: string;
  /** The Japanese term as written in the segment. */
  source: string;
  /** The preferred target term. */
  target: string;
  /** Forbidden and deprecated target terms of the concept. */
  forbidden: string[];
}

/** A reviewed translation of a similar source segment, passed to LLMs as an example. */
export interface Example {
  source: string;
  target: string;
}

export interface Job {
  /** Catalog key, also the id the provider answers with. */
  id: string;
  lng: string;
  articleId: string;
  segment: Segment;
  masked: MaskedSegment;
  terms: TermHint[];
  examples: Example[];
  /** Source text of the neighbouring segments (empty when `context: false`). */
  before: string;
  after: string;
  /** The catalog value when the job was planned (`''` or absent for an empty segment). */
  previous: string | undefined;
  /** Set on the retry: what was wrong with the first draft (in English, like the instructions). */
  retryNote?: string;
}

export interface Batch {
  lng: string;
  /** The article title (its `title` front matter or first heading), as context. */
  title: string;
  /** Style notes for the language, from the config. */
  style: string | undefined;
  jobs: Job[];
}

/** How placeholders are written for a provider. */
export type MarkupStyle = 'tokens' | 'xml';

export interface Provider {
  /** `deepl`, `openai`, `anthropic`. */
  name: string;
  /** Model name recorded in the draft origin (`machine:openai/gpt-4o-mini`). */
  model: string;
  markup: MarkupStyle;
  /** True when the provider takes instructions, so a failing draft is retried once with the violation stated. */
  retriesWithNotes: boolean;
  /** Called once before the first batch (DeepL syncs its glossary here). */
  prepare?(languages: readonly string[]): Promise<void>;
  /**
   * Drafts a batch. Returns the raw reply (placeholders still in) per job id; a job missing from the map
   * was not answered. Throws `ProviderStop` for auth and quota errors, `BatchRejected` for a reply that
   * cannot be read at all (invalid JSON).
   */
  translate(batch: Batch): Promise<Map<string, string>>;
}

/**
 * Auth, quota, an unreachable server or a refused model: nothing more can be sent; the run stops, keeping
 * what was written.
 */
export class ProviderStop extends Error {
  constructor(
    readonly kind: 'auth' | 'quota' | 'connection' | 'refused' | 'interrupted',
    message: string,
  ) {
    super(message);
    this.name = 'ProviderStop';
  }
}

/** The whole reply of one batch is unusable (not JSON, not the expected shape, request failed after retries). */
export class BatchRejected extends Error {
  constructor(
    readonly reason: Reason,
    /** True when the provider answered but the answer was unreadable: an LLM gets one more try. */
    readonly unreadableReply = false,
  ) {
    super(reason.text);
    this.name = 'BatchRejected';
  }
}
