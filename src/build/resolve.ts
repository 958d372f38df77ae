import i18next, { type i18n } from 'i18next';
import type { Config } from '../config/schema.js';

/** Resources as i18next holds them: language → namespace (article id) → key → text. */
export type Resources = Record<string, Record<string, Record<string, string>>>;

export interface Resolved {
  text: string;
  /** The language the text came from: the requested one, one of its fallbacks, or the source language. */
  usedLng: string;
}

export interface Resolver {
  resolve(lng: string, articleId: string, key: string): Resolved | undefined;
}

/**
 * One i18next instance for the whole build. Fallback chains: i18next's own (`en-GB → en`), the config's
 * `fallback` map, and finally the source language. Empty strings count as missing. Interpolation and
 * nesting are skipped, so `{{…}}` and `$t(…)` in article text come through untouched.
 */
export function createResolver(config: Config, resources: Resources): Resolver {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources,
    lng: config.sourceLanguage,
    fallbackLng: { ...config.fallback, default: [config.sourceLanguage] },
    ns: [...new Set(Object.values(resources).flatMap((namespaces) => Object.keys(namespaces)))].sort(),
    defaultNS: false,
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    returnNull: false,
    returnEmptyString: false,
    returnObjects: false,
    interpolation: { escapeValue: false },
  });
  return {
    resolve(lng, articleId, key) {
      const details = instance.t(key, { lng, ns: articleId, skipInterpolation: true, returnDetails: true }) as unknown as {
        res?: unknown;
        usedLng?: string;
        usedKey?: string;
        exactUsedKey?: string;
      };
      if (typeof details.res !== 'string' || !details.usedLng || !instance.exists(key, { lng, ns: articleId })) return undefined;
      return { text: details.res, usedLng: details.usedLng };
    },
  };
}
