/**
 * `openai`: chat completions through the official SDK. With `baseURL` the same module serves OpenAI, Azure
 * OpenAI, Ollama, llama.cpp server, vLLM and LM Studio. The SDK retries 429, 5xx and timeouts with
 * exponential backoff and jitter, honouring `Retry-After`.
 */
import OpenAI from 'openai';
import { parseReply, systemPrompt, userPrompt } from '../prompt.js';
import type { Batch, Provider } from '../types.js';
import { toProviderError } from './errors.js';
import type { ProviderSettings } from './index.js';


export function openaiProvider(settings: ProviderSettings): Provider {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.config.baseURL,
    timeout: settings.config.timeout * 1000,
    maxRetries: settings.config.maxRetries,
  });
  const model = settings.model;
  return {
    name: 'openai',
    model,
    markup: 'tokens',
    retriesWithNotes: true,
    async translate(batch: Batch) {
      let content: string;
      try {
        const completion = await client.chat.completions.create({
          model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: systemPrompt(batch) },
            { role: 'user', content: userPrompt(batch) },
          ],
        });
        content = completion.choices[0]?.message.content ?? '';
      } catch (error) {
        throw toProviderError(error, settings.apiKey);
      }
      return parseReply(content);
    },
  };
}
