/** The providers behind one interface, chosen by `translate.provider` or `--provider`. */
import type { TranslateConfig } from '../../config/schema.js';
import type { Glossary } from '../../glossary/types.js';
import type { Provider } from '../types.js';

/** The models used when neither the config nor `--model` names one. */
export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini';
export const DEFAULT_ANTHROPIC_MODEL = 'claude-haiku-4-5';

export interface ProviderSettings {
  /** Read from the environment variable the config names; never from a file. */
  apiKey: string;
  config: TranslateConfig;
  /** The model (see modelOf). */
  model: string;
  glossary: Glossary;
}

export const PROVIDERS = ['deepl', 'openai', 'anthropic'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** The environment variable each provider's SDK documents for its key. */
export const DEFAULT_KEY_VARIABLES: Record<ProviderName, string> = {
  deepl: 'DEEPL_AUTH_KEY',
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};

/** The model a run records in draft origins and cache keys. */
export function modelOf(name: ProviderName, config: TranslateConfig, model: string | undefined): string {
  if (model) return model;
  if (config.model) return config.model;
  if (name === 'deepl') return config.modelType ?? 'default';
  return name === 'openai' ? DEFAULT_OPENAI_MODEL : DEFAULT_ANTHROPIC_MODEL;
}

/**
 * The provider `name`. Its SDK is imported only here, when a run translates: the SDKs are large, and every
 * other command (and every worker thread of `check`) starts faster without them.
 */
export async function createProvider(name: ProviderName, settings: ProviderSettings): Promise<Provider> {
  switch (name) {
    case 'deepl':
      return (await import('./deepl.js')).deeplProvider(settings);
    case 'openai':
      return (await import('./openai.js')).openaiProvider(settings);
    case 'anthropic':
      return (await import('./anthropic.js')).anthropicProvider(settings);
  }
}
