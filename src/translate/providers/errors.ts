/**
 * One reading of the SDKs' errors (openai and @anthropic-ai/sdk share the Stainless error classes; deepl-node
 * has its own), after the SDK has done its retries: what stops the run, what only loses one batch. Messages
 * never carry the API key, even when a server echoes it back (OpenAI's 401 quotes part of the key).
 */
import { reason } from '../reasons.js';
import { BatchRejected, ProviderStop } from '../types.js';

interface ErrorLike {
  status?: unknown;
  code?: unknown;
  type?: unknown;
  error?: unknown;
  message?: unknown;
  name?: unknown;
}

/** Removes the key, and anything that looks like a quoted secret, from text that will be shown. */
export function redact(text: string, key: string | undefined): string {
  let out = text;
  if (key) {
    out = out.split(key).join('***');
    // A server may quote a fragment (`sk-abc…wxyz`): hide any 8+ character run of the key.
    for (let i = 0; i + 8 <= key.length; i++) {
      const fragment = key.slice(i, i + 8);
      if (out.includes(fragment)) out = out.split(fragment).join('***');
    }
  }
  return out;
}

export function toProviderError(error: unknown, key: string | undefined): ProviderStop | BatchRejected {
  if (error instanceof ProviderStop || error instanceof BatchRejected) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const name = String(e.name ?? '');
  const detail = redact(firstLine(String(e.message ?? error)), key);
  const errorType = String((e.error as { error?: { type?: unknown } } | undefined)?.error?.type ?? e.type ?? '');
  if (status === 401 || status === 403 || name === 'AuthorizationError') return new ProviderStop('auth', detail);
  if (status === 402 || status === 456 || e.code === 'insufficient_quota' || errorType === 'billing_error' || name === 'QuotaExceededError') {
    return new ProviderStop('quota', detail);
  }
  if (/timeout|timed out/i.test(name) || /timed? ?out/i.test(detail)) return new BatchRejected(reason('timedOut', { detail }));
  if (name === 'APIConnectionError' || name === 'ConnectionError' || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(detail)) {
    return new ProviderStop('connection', detail);
  }
  if (status === 404) return new ProviderStop('refused', detail);
  if (status !== undefined) return new BatchRejected(reason('http', { status, detail }));
  return new BatchRejected(reason('failed', { detail }));
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 300);
}
