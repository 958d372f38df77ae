/**
 * A stand-in for the machine-translation services, on 127.0.0.1 with a random port, speaking the documented
 * request and response shapes closely enough that the real SDKs run unchanged against it through their
 * base-URL options:
 *
 * - DeepL: `POST /v2/translate` (form), `GET|POST /v3/glossaries` (multilingual glossaries, form), with
 *   `Authorization: DeepL-Auth-Key …`; 403 on a wrong key, 456 when the quota is used up;
 * - OpenAI: `POST /v1/chat/completions` with `Authorization: Bearer …`;
 * - Anthropic: `POST /v1/messages` with `x-api-key` (or `Authorization: Bearer`, which @anthropic-ai/sdk 1.x sends).
 *
 * It translates deterministically: required glossary terms (from the LLM prompt, or from the DeepL glossary
 * the request names) and a small dictionary replace Japanese words, any other Japanese run becomes “text”,
 * and placeholders come back where they were. It can be told to misbehave on the next translation requests,
 * and records every request so tests assert on what was sent.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | '429'
  | '500'
  | 'timeout'
  | 'auth'
  | 'quota'
  | 'drop-placeholder'
  | 'break-json'
  | 'missing-id'
  | 'ignore-term';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed body: JSON, or form fields (each a list, as a form may repeat `text`). */
  body: unknown;
}

export interface StandIn {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** Only the translation requests (DeepL /v2/translate, chat completions, messages). */
  translations(): RecordedRequest[];
  /** The next `times` translation requests misbehave this way. */
  fail(fault: Fault, times?: number): void;
  /** Runs before each translation request is answered (a test edits a catalog "while the provider works"). */
  beforeReply?: () => void;
  close(): Promise<void>;
}

const DICTIONARY: Record<string, string> = {
  大きな: 'large',
  小さな: 'small',
  知識: 'knowledge',
  技術: 'technique',
  詳しく: 'details',
  論文: 'the paper',
  基礎: 'basics',
  参照: 'see',
  使う: 'use',
  とは: 'what is',
};

const JAPANESE_RUN = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u3000-\u303F\u30FB\u30FC\uFF01-\uFF65]+/gu;

interface Term {
  source: string;
  target: string;
}

/** Deterministic "translation" of one masked segment, placeholders kept in place. */
export function fakeTranslate(text: string, terms: readonly Term[], markup: 'tokens' | 'xml'): string {
  const placeholder = markup === 'xml' ? /(<\/?m\d+\/?>)/ : /(⟦\/?\d+⟧)/;
  const parts = text.split(placeholder);
  const replacements = [...terms, ...Object.entries(DICTIONARY).map(([source, target]) => ({ source, target }))].sort(
    (a, b) => b.source.length - a.source.length,
  );
  let out = '';
  let previous: 'open' | 'close' | 'void' | 'text' | undefined;
  for (const [index, part] of parts.entries()) {
    if (index % 2 === 1) {
      const role = /^(⟦\/|<\/)/.test(part) ? 'close' : /\/>$/.test(part) || (markup === 'tokens' && !isOpenToken(part, text)) ? 'void' : 'open';
      if ((role === 'open' || role === 'void') && previous !== undefined && previous !== 'open') out += ' ';
      out += part;
      previous = role;
      continue;
    }
    let chunk = markup === 'xml' ? part.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : part;
    // Targets go in after the leftover Japanese is dropped, so a Chinese term survives.
    replacements.forEach(({ source }, at) => {
      chunk = chunk.split(source).join(` \u0001${at}\u0002 `);
    });
    chunk = chunk.replace(JAPANESE_RUN, ' text ').replace(/\u0001(\d+)\u0002/g, (_, at: string) => replacements[Number(at)]!.target);
    chunk = chunk.replace(/\s+/g, ' ').trim();
    if (markup === 'xml') chunk = chunk.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    if (chunk === '') continue;
    if (previous === 'close' || previous === 'void' || previous === 'text') out += ' ';
    out += chunk;
    previous = 'text';
  }
  return out.trim();
}

function isOpenToken(token: string, text: string): boolean {
  return text.includes(token.replace('⟦', '⟦/'));
}

export async function startStandIn(options: { key: string }): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const glossaries = new Map<string, { name: string; created: string; dictionaries: Array<{ source: string; target: string; entries: Term[] }> }>();
  const held = new Set<ServerResponse>();
  const standIn = {} as StandIn;

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const type = String(request.headers['content-type'] ?? '');
    const body = type.includes('json') ? JSON.parse(raw || 'null') : formFields(raw);
    requests.push({ method: request.method ?? 'GET', path: url.pathname, headers: request.headers, body });

    const json = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(data));
    };
    const api = url.pathname.startsWith('/v2/') || url.pathname.startsWith('/v3/') ? 'deepl' : url.pathname === '/v1/messages' ? 'anthropic' : 'openai';
    const given =
      api === 'deepl'
        ? String(request.headers.authorization ?? '').replace(/^DeepL-Auth-Key /, '')
        : api === 'anthropic'
          ? String(request.headers['x-api-key'] ?? String(request.headers.authorization ?? '').replace(/^Bearer /, ''))
          : String(request.headers.authorization ?? '').replace(/^Bearer /, '');
    const translation = ['/v2/translate', '/v1/chat/completions', '/v1/messages'].includes(url.pathname);
    const fault = translation ? faults.shift() : undefined;
    if (translation) standIn.beforeReply?.();

    // Like OpenAI, the error quotes the key it was given: yakugo must never print it.
    if (given !== options.key || fault === 'auth') {
      json(api === 'deepl' ? 403 : 401, { message: `Incorrect API key provided: ${given}`, error: { type: 'authentication_error', message: `Incorrect API key provided: ${given}` } });
      return;
    }
    if (fault === '429') return json(429, { message: 'Too many requests', error: { type: 'rate_limit_error', message: 'slow down' } }, { 'retry-after': '1' });
    if (fault === '500') return json(500, { message: 'internal error', error: { type: 'api_error', message: 'internal error' } });
    if (fault === 'timeout') {
      held.add(response);
      return;
    }
    if (fault === 'quota') {
      if (api === 'deepl') return json(456, { message: 'Quota exceeded' });
      if (api === 'anthropic') return json(402, { type: 'error', error: { type: 'billing_error', message: 'credit balance too low' } });
      return json(429, { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } });
    }

    if (api === 'deepl') {
      if (url.pathname === '/v3/glossaries' && request.method === 'GET') {
        return json(200, { glossaries: [...glossaries].map(([id, glossary]) => glossaryJson(id, glossary)) });
      }
      if (url.pathname === '/v3/glossaries' && request.method === 'POST') {
        const fields = body as Record<string, string[]>;
        const id = `gl-${glossaries.size + 1}`;
        const dictionaries = [];
        for (let i = 0; fields[`dictionaries[${i}].source_lang`]; i++) {
          const entries = (fields[`dictionaries[${i}].entries`]?.[0] ?? '')
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const [source = '', target = ''] = line.split('\t');
              return { source, target };
            });
          dictionaries.push({ source: fields[`dictionaries[${i}].source_lang`]![0]!, target: fields[`dictionaries[${i}].target_lang`]![0]!, entries });
        }
        const glossary = { name: fields['name']?.[0] ?? '', created: '2026-01-01T00:00:00.000Z', dictionaries };
        glossaries.set(id, glossary);
        return json(201, glossaryJson(id, glossary));
      }
      if (url.pathname === '/v2/translate') {
        const fields = body as Record<string, string[]>;
        const target = (fields['target_lang']?.[0] ?? '').split('-')[0]!.toLowerCase();
        const glossary = glossaries.get(fields['glossary_id']?.[0] ?? '');
        const terms = fault === 'ignore-term' ? [] : (glossary?.dictionaries.find((dictionary) => dictionary.target === target)?.entries ?? []);
        let texts = (fields['text'] ?? []).map((text) => fakeTranslate(text, terms, 'xml'));
        if (fault === 'drop-placeholder') {
          const victim = texts.findIndex((text) => /<\/?m\d+\/?>/.test(text));
          texts = texts.map((text, index) => (index === victim ? text.replace(/<\/?m\d+\/?>/, '') : text));
        }
        return json(200, { translations: texts.map((text) => ({ detected_source_language: 'JA', text, billed_characters: text.length })) });
      }
      return json(404, { message: 'Not found' });
    }

    // OpenAI and Anthropic: the user message is yakugo's JSON batch.
    const payload = body as { messages: Array<{ role: string; content: string }>; model: string };
    const user = payload.messages.find((message) => message.role === 'user')?.content ?? '{}';
    const batch = JSON.parse(user) as { segments: Array<{ id: string; text: string; required_terms?: Term[] }> };
    const reply: Record<string, string> = {};
    const victim = batch.segments.findIndex((segment) => /⟦\d+⟧/.test(segment.text));
    for (const [index, segment] of batch.segments.entries()) {
      if (fault === 'missing-id' && index === 0) continue;
      let text = fakeTranslate(segment.text, fault === 'ignore-term' ? [] : (segment.required_terms ?? []), 'tokens');
      if (fault === 'drop-placeholder' && index === victim) text = text.replace(/⟦\d+⟧/, '');
      reply[segment.id] = text;
    }
    const content = fault === 'break-json' ? `{"${batch.segments[0]?.id}": "unterminated` : JSON.stringify(reply);
    if (api === 'anthropic') {
      return json(200, {
        id: `msg_${requests.length}`,
        type: 'message',
        role: 'assistant',
        model: payload.model,
        content: [{ type: 'text', text: content }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: user.length, output_tokens: content.length },
      });
    }
    return json(200, {
      id: `chatcmpl-${requests.length}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: payload.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: user.length, completion_tokens: content.length, total_tokens: user.length + content.length },
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  Object.assign(standIn, {
    url: `http://127.0.0.1:${port}`,
    requests,
    translations: () => requests.filter((request) => ['/v2/translate', '/v1/chat/completions', '/v1/messages'].includes(request.path)),
    fail(fault: Fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    async close() {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  });
  return standIn;
}

function formFields(raw: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(raw)) fields[name] = [...(fields[name] ?? []), value];
  return fields;
}

function glossaryJson(id: string, glossary: { name: string; created: string; dictionaries: Array<{ source: string; target: string; entries: Term[] }> }) {
  return {
    glossary_id: id,
    name: glossary.name,
    creation_time: glossary.created,
    dictionaries: glossary.dictionaries.map((dictionary) => ({ source_lang: dictionary.source, target_lang: dictionary.target, entry_count: dictionary.entries.length })),
  };
}
