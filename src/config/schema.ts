import { z } from 'zod';
import { inputMessage } from '../util/input-messages.js';
import { DEFAULT_LIMITS } from '../markdown/limits.js';

/** A BCP 47 language tag as i18next uses them: `ja`, `en`, `en-GB`, `zh-Hans`, `pt-BR`. */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/, { error: () => inputMessage('languageTag') });

export const severity = z.enum(['off', 'warn', 'error']);

/** A rule's severity for every language, or per language (`{ en: error, zh-Hans: warn }`). */
const ruleSetting = z.union([severity, z.record(languageTag, severity)]);

/** `yakugo translate`: which machine-translation provider drafts empty segments, and how. */
export const translateSchema = z.strictObject({
  provider: z.enum(['deepl', 'openai', 'anthropic']).default('openai'),
  /** Model name (openai, anthropic); for deepl, shown in the draft origin only. */
  model: z.string().min(1).optional(),
  /** Server URL: an OpenAI-compatible server (Ollama, llama.cpp, vLLM, LM Studio, Azure), or a DeepL/Anthropic endpoint. */
  baseURL: z.url().optional(),
  /** The environment variable holding the API key. The key itself is never read from a file. */
  apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
  concurrency: z.number().int().min(1).max(32).default(4),
  /** Source characters per request. */
  batchChars: z.number().int().min(1).max(1_000_000).default(3000),
  /** Seconds one request may take before it is abandoned (and retried). */
  timeout: z.number().positive().max(600).default(120),
  /** Retries of a request answered 429/5xx or timed out, with exponential backoff. */
  maxRetries: z.number().int().min(0).max(10).default(4),
  /** DeepL `formality`. */
  formality: z.enum(['default', 'more', 'less', 'prefer_more', 'prefer_less']).optional(),
  /** DeepL `model_type`. */
  modelType: z.enum(['quality_optimized', 'latency_optimized', 'prefer_quality_optimized']).optional(),
  /** Send the neighbouring segments as context. */
  context: z.boolean().default(true),
  /** Style notes per language, passed to LLM providers. */
  style: z.record(languageTag, z.string()).default({}),
  /** Provider language codes where they differ from the project's (DeepL: `en: EN-GB`). */
  languageCodes: z.record(languageTag, z.string().min(2)).default({}),
  /** Price in USD per million source characters, for the `--dry-run` estimate (DeepL's list price is built in). */
  pricePerMillionCharacters: z.number().min(0).optional(),
});

export const configSchema = z.strictObject({
  /** The language articles are written in. */
  sourceLanguage: languageTag.default('ja'),
  /** Target languages, built in this order. */
  languages: z.array(languageTag).default(['en', 'zh-Hans']),
  /** Languages whose missing translations fail `build` and `check`. */
  required: z.array(languageTag).default([]),
  paths: z
    .strictObject({
      source: z.string().min(1).default('source'),
      locales: z.string().min(1).default('locales'),
      out: z.string().min(1).default('out'),
      glossary: z.string().min(1).default('glossary'),
    })
    .default({ source: 'source', locales: 'locales', out: 'out', glossary: 'glossary' }),
  /** Front-matter fields whose values are translated. */
  frontMatter: z.array(z.string().min(1)).default(['title', 'description', 'tags']),
  /** MDX: JSX string attributes whose values are translated (`<Card title="…">`). */
  attributes: z.array(z.string().min(1)).default(['title', 'alt', 'description', 'label']),
  /** Markdown: text inside a simple HTML element wrapping inline text (`<p>…</p>`) is extracted as a segment. */
  htmlSegments: z.boolean().default(true),
  /** Extra fallback chains (`en-GB: [en]` is implied by i18next; `pt-BR: [pt-PT]` is not). */
  fallback: z.record(languageTag, z.array(languageTag)).default({}),
  /** Minimum percentage of translated segments for an optional language to be built (like po4a's --keep). */
  threshold: z.record(languageTag, z.number().min(0).max(100)).default({}),
  /** Bounds on one article, so no input makes a run take minutes or overflow the stack (docs/limits.md). */
  limits: z
    .strictObject({
      articleBytes: z.number().int().positive().default(DEFAULT_LIMITS.articleBytes),
      segmentBytes: z.number().int().positive().default(DEFAULT_LIMITS.segmentBytes),
      nesting: z.number().int().positive().default(DEFAULT_LIMITS.nesting),
      delimiterRun: z.number().int().positive().default(DEFAULT_LIMITS.delimiterRun),
    })
    .default(DEFAULT_LIMITS),
  /** Severity per check rule id. */
  rules: z.record(z.string(), ruleSetting).default({}),
  /** `yakugo translate` (machine drafts). */
  translate: translateSchema.optional(),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type Severity = z.output<typeof severity>;
export type TranslateConfig = z.output<typeof translateSchema>;
