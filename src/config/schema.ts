import { z } from 'zod';
import { inputMessage } from '../util/input-messages.js';

/** A BCP 47 language tag as i18next uses them: `ja`, `en`, `en-GB`, `zh-Hans`, `pt-BR`. */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/, { error: () => inputMessage('languageTag') });

export const severity = z.enum(['off', 'warn', 'error']);

/** A rule's severity for every language, or per language (`{ en: error, zh-Hans: warn }`). */
const ruleSetting = z.union([severity, z.record(languageTag, severity)]);

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
  /** Severity per check rule id. */
  rules: z.record(z.string(), ruleSetting).default({}),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type Severity = z.output<typeof severity>;
