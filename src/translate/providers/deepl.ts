/**
 * `deepl`: the official `deepl-node` SDK (v1.28, which speaks the v3 multilingual glossary API).
 *
 * The yakugo glossary is synced to one DeepL multilingual glossary with one dictionary per language pair
 * (ja → en, ja → zh…): each concept's accepted Japanese terms map to its preferred target term, and names
 * (`translate: false`) map to themselves. The DeepL glossary is named after the hash of those entries, so
 * a run reuses it while the glossary is unchanged and creates a new one when it changes. Segments go with
 * `tag_handling=xml`, markup masked as XML tags, and the neighbouring paragraphs as `context`.
 *
 * deepl-node retries 429 and 5xx with exponential backoff and jitter (1 s, ×1.6, ±23 %); it does not expose
 * `Retry-After`, and DeepL does not document sending one.
 */
import { createHash } from 'node:crypto';
import {
  AuthorizationError,
  ConnectionError,
  DeepLClient,
  GlossaryEntries,
  type MultilingualGlossaryInfo,
  QuotaExceededError,
  type TargetLanguageCode,
} from 'deepl-node';
import { acceptedTerms, preferredTerm, SOURCE_LANGUAGE } from '../../glossary/terms.js';
import type { Glossary } from '../../glossary/types.js';
import { toXml } from '../mask.js';
import { reason } from '../reasons.js';
import { type Batch, BatchRejected, type Provider, ProviderStop } from '../types.js';
import { redact, toProviderError } from './errors.js';
import type { ProviderSettings } from './index.js';

/** DeepL wants a regional variant for English and Portuguese targets. */
const DEFAULT_CODES: Record<string, string> = { en: 'EN-US', pt: 'PT-BR', 'zh-Hans': 'ZH-HANS', 'zh-Hant': 'ZH-HANT' };

export function deeplTargetCode(lng: string, overrides: Record<string, string>): string {
  return overrides[lng] ?? DEFAULT_CODES[lng] ?? lng.toUpperCase();
}

/** Glossaries are not regional: `EN-US` and `EN-GB` share the `en` dictionary, `ZH-HANS` uses `zh`. */
export function deeplGlossaryCode(targetCode: string): string {
  return targetCode.split('-')[0]!.toLowerCase();
}

/** The entries of each dictionary, by DeepL glossary language code. */
export function glossaryDictionaries(glossary: Glossary, languages: readonly string[], overrides: Record<string, string>): Map<string, Map<string, string>> {
  const dictionaries = new Map<string, Map<string, string>>();
  for (const lng of languages) {
    const code = deeplGlossaryCode(deeplTargetCode(lng, overrides));
    const entries = dictionaries.get(code) ?? new Map<string, string>();
    for (const concept of glossary.concepts) {
      const target = preferredTerm(concept, lng)?.text;
      if (target === undefined) continue;
      for (const source of acceptedTerms(concept, SOURCE_LANGUAGE)) {
        // DeepL entries are one line each and unique per source term; the first concept wins.
        if (/[\t\r\n]/.test(source.text + target) || entries.has(source.text)) continue;
        entries.set(source.text, target);
      }
    }
    if (entries.size > 0) dictionaries.set(code, entries);
  }
  return dictionaries;
}

export function dictionariesHash(dictionaries: Map<string, Map<string, string>>): string {
  const canonical = [...dictionaries].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, entries]) => [code, [...entries].sort()]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16);
}

export function deeplProvider(settings: ProviderSettings): Provider {
  const { config } = settings;
  const client = new DeepLClient(settings.apiKey, {
    ...(config.baseURL ? { serverUrl: config.baseURL } : {}),
    maxRetries: config.maxRetries,
    minTimeout: config.timeout * 1000,
    sendPlatformInfo: false,
  });
  let glossary: MultilingualGlossaryInfo | undefined;
  const codesWithGlossary = new Set<string>();
  return {
    name: 'deepl',
    model: settings.model,
    markup: 'xml',
    retriesWithNotes: false,
    async prepare(languages) {
      const dictionaries = glossaryDictionaries(settings.glossary, languages, config.languageCodes);
      if (dictionaries.size === 0) return;
      const name = `yakugo ${dictionariesHash(dictionaries)}`;
      try {
        glossary = (await client.listMultilingualGlossaries()).find((candidate) => candidate.name === name);
        glossary ??= await client.createMultilingualGlossary(
          name,
          [...dictionaries].map(([code, entries]) => ({
            sourceLangCode: SOURCE_LANGUAGE,
            targetLangCode: code,
            entries: new GlossaryEntries({ entries: Object.fromEntries(entries) }),
          })),
        );
      } catch (error) {
        throw deeplError(error, settings.apiKey);
      }
      for (const code of dictionaries.keys()) codesWithGlossary.add(code);
    },
    async translate(batch: Batch) {
      const target = deeplTargetCode(batch.lng, config.languageCodes);
      const context = [batch.jobs[0]?.before, batch.jobs[batch.jobs.length - 1]?.after].filter(Boolean).join('\n\n');
      const useGlossary = glossary !== undefined && codesWithGlossary.has(deeplGlossaryCode(target));
      try {
        const results = await client.translateText(
          batch.jobs.map((job) => toXml(job.masked)),
          'ja',
          target as TargetLanguageCode,
          {
            tagHandling: 'xml',
            ...(useGlossary ? { glossary } : {}),
            ...(context && config.context ? { context } : {}),
            ...(config.formality ? { formality: config.formality } : {}),
            ...(config.modelType ? { modelType: config.modelType } : {}),
          },
        );
        return new Map(batch.jobs.map((job, index) => [job.id, results[index]?.text ?? ''] as const).filter(([, text]) => text !== ''));
      } catch (error) {
        throw deeplError(error, settings.apiKey);
      }
    },
  };
}

/** deepl-node's error classes (which keep the name `Error`) read as the shared provider errors. */
function deeplError(error: unknown, key: string): ProviderStop | BatchRejected {
  const message = redact(error instanceof Error ? error.message : String(error), key);
  if (error instanceof AuthorizationError) return new ProviderStop('auth', message);
  if (error instanceof QuotaExceededError) return new ProviderStop('quota', message);
  if (error instanceof ConnectionError) {
    return /timeout|timed out/i.test(message) ? new BatchRejected(reason('timedOut', { detail: message })) : new ProviderStop('connection', message);
  }
  return toProviderError(error, key);
}
