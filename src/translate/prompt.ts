/**
 * The prompt LLM providers (openai, anthropic) send, and the reading of their reply. One request carries a
 * batch of segments of one article; each segment comes with only the glossary concepts the matcher found
 * in it (so the model is not asked to weigh a whole glossary), its neighbours as context, and reviewed
 * translations of similar segments as examples. The reply is one JSON object, segment id → translation,
 * validated with zod.
 */
import { z } from 'zod';
import { toTokens } from './mask.js';
import { reason } from './reasons.js';
import { type Batch, BatchRejected } from './types.js';

/** Part of the response-cache key: a changed prompt must not reuse replies to the old one. */
export const PROMPT_VERSION = 1;

const SOURCE_LANGUAGE_NAME = 'Japanese';

/** `zh-Hans` → `Simplified Chinese (zh-Hans)`. */
export function languageName(lng: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language' }).of(lng);
  } catch {
    name = undefined;
  }
  return name && name !== lng ? `${name} (${lng})` : lng;
}

export function systemPrompt(batch: Batch): string {
  const lines = [
    `You are a professional translator. Translate Markdown segments of a ${SOURCE_LANGUAGE_NAME} article into ${languageName(batch.lng)}.`,
    'Rules:',
    '- Placeholders such as ⟦1⟧ stand for code, links, URLs and other markup. Copy every placeholder exactly once, unchanged; a pair ⟦2⟧…⟦/2⟧ wraps text you translate, so keep its two halves around the translated words.',
    '- Where a segment lists required terms, use exactly that target term for the source term. Never use a term listed as forbidden.',
    '- Translate everything else; leave no Japanese text in the translation unless it is a required term.',
    '- Keep Markdown punctuation that is not a placeholder (escapes, line breaks) as it is.',
    '- Answer with one JSON object and nothing else: each key is a segment id, each value its translation as a string.',
  ];
  if (batch.style) lines.push(`Style notes for ${batch.lng}: ${batch.style}`);
  return lines.join('\n');
}

/** The user message: the batch as JSON, so ids, text and constraints cannot run into each other. */
export function userPrompt(batch: Batch): string {
  const segments = batch.jobs.map((job) => {
    const segment: Record<string, unknown> = { id: job.id, text: toTokens(job.masked) };
    if (job.before) segment['context_before'] = job.before;
    if (job.after) segment['context_after'] = job.after;
    if (job.terms.length > 0) segment['required_terms'] = job.terms.map((term) => ({ source: term.source, target: term.target }));
    const forbidden = [...new Set(job.terms.flatMap((term) => term.forbidden))];
    if (forbidden.length > 0) segment['forbidden_terms'] = forbidden;
    if (job.examples.length > 0) segment['examples'] = job.examples;
    if (job.retryNote) segment['previous_attempt_problem'] = job.retryNote;
    return segment;
  });
  return JSON.stringify({ article_title: batch.title, target_language: batch.lng, segments }, null, 2);
}

const replySchema = z.record(z.string(), z.string());

/**
 * The translations in a reply. A reply that is not one JSON object of strings rejects the whole batch;
 * a code fence around it (as small local models write) is the only thing removed.
 */
export function parseReply(text: string): Map<string, string> {
  const unfenced = text.trim().replace(/^```(?:json)?\s*\n([\s\S]*?)\n?```$/u, '$1');
  let data: unknown;
  try {
    data = JSON.parse(unfenced);
  } catch {
    throw new BatchRejected(reason('notJson'), true);
  }
  const parsed = replySchema.safeParse(data);
  if (!parsed.success) throw new BatchRejected(reason('notObject'), true);
  return new Map(Object.entries(parsed.data));
}
