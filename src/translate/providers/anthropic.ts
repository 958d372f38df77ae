/**
 * `anthropic`: the Messages API through the official SDK, with the same prompt as `openai`. The SDK retries
 * 429, 5xx and timeouts with exponential backoff and jitter, honouring `Retry-After`.
 */
import Anthropic from '@anthropic-ai/sdk';
import { parseReply, systemPrompt, userPrompt } from '../prompt.js';
import type { Batch, Provider } from '../types.js';
import { toProviderError } from './errors.js';
import type { ProviderSettings } from './index.js';


export function anthropicProvider(settings: ProviderSettings): Provider {
  const client = new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.config.baseURL,
    timeout: settings.config.timeout * 1000,
    maxRetries: settings.config.maxRetries,
  });
  const model = settings.model;
  return {
    name: 'anthropic',
    model,
    markup: 'tokens',
    retriesWithNotes: true,
    async translate(batch: Batch) {
      let content: string;
      try {
        const message = await client.messages.create({
          model,
          max_tokens: 8192,
          system: systemPrompt(batch),
          messages: [{ role: 'user', content: userPrompt(batch) }],
        });
        content = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
      } catch (error) {
        throw toProviderError(error, settings.apiKey);
      }
      return parseReply(content);
    },
  };
}
