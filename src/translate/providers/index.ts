/** The providers behind one interface, chosen by `translate.provider` or `--provider`. */
import type { TranslateConfig } from '../../config/schema.js';
import type { Glossary } from '../../glossary/types.js';
import type { Provider } from '../types.js';
import { anthropicProvider, DEFAULT_ANTHROPIC_MODEL } from './anthropic.js';
import { deeplProvider } from './deepl.js';
import { DEFAULT_OPENAI_MODEL, openaiProvider } from './openai.js';

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

export function createProvider(name: ProviderName, settings: ProviderSettings): Provider {
  switch (name) {
    case 'deepl':
      return deeplProvider(settings);
    case 'openai':
      return openaiProvider(settings);
    case 'anthropic':
      return anthropicProvider(settings);
  }
}
