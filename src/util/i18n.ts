import i18next, { type i18n, type TFunction } from 'i18next';

/** Message tables of one CLI module, in English and Japanese. Keys are flat. */
export interface MessageTable {
  en: Record<string, string>;
  ja: Record<string, string>;
}

const tables = new Map<string, MessageTable>();

/**
 * Registers a module's messages under its own namespace (`build`, `check`, `glossary`…), so every command
 * keeps its strings next to it. Call at module load time.
 */
export function defineMessages(namespace: string, table: MessageTable): (key: string, values?: Record<string, unknown>) => string {
  tables.set(namespace, table);
  instance = undefined;
  // Values go under `replace`: a value named `lng` or `ns` must never be taken as an i18next option.
  return (key, values = {}) => {
    const t = messages();
    // Most messages only fill {{name}} placeholders: that is done here, as i18next does it, without i18next's
    // key resolution for every message (it was 5% of a check that reports 17,000 problems).
    const template = instance?.getResource(instance.language, namespace, key);
    const quick = typeof template === 'string' ? fillPlaceholders(template, values) : undefined;
    return quick ?? t(`${namespace}:${key}`, { replace: values });
  };
}

const PLACEHOLDER = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/**
 * `template` with each `{{name}}` replaced by the string or number in `values`, exactly as i18next would
 * (escaping off, variables never interpolated again); undefined when anything else could happen: nesting
 * (`$t(`), formats, unescape prefixes, spaces or dots in a placeholder, a value missing or of another type.
 * Then i18next itself formats the message.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, unknown>>): string | undefined {
  if (template.includes('$t(')) return undefined;
  let filled = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const value = values[match[1]!];
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    const literal = template.slice(last, match.index);
    if (literal.includes('{{') || literal.includes('}}')) return undefined;
    filled += literal + String(value);
    last = match.index + match[0].length;
  }
  const rest = template.slice(last);
  if (rest.includes('{{') || rest.includes('}}')) return undefined;
  return filled + rest;
}

let instance: i18n | undefined;

/** The UI language from the POSIX locale variables: Japanese for `ja*`, English otherwise. */
export function uiLanguage(env: NodeJS.ProcessEnv = process.env): 'ja' | 'en' {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^ja(?:[_.-]|$)/i.test(locale) ? 'ja' : 'en';
}

/** The t function of the CLI's own i18next instance (separate from the one that resolves articles). */
export function messages(): TFunction {
  if (!instance) {
    const resources: Record<string, Record<string, Record<string, string>>> = { en: {}, ja: {} };
    for (const [namespace, table] of tables) {
      resources['en']![namespace] = table.en;
      resources['ja']![namespace] = table.ja;
    }
    instance = i18next.createInstance();
    void instance.init({
      lng: uiLanguage(),
      fallbackLng: 'en',
      resources,
      ns: [...tables.keys()],
      initAsync: false,
      keySeparator: false,
      nsSeparator: ':',
      interpolation: { escapeValue: false },
    });
  }
  return instance.t;
}

/** Every message table registered so far, by namespace (for the test that both languages are complete). */
export function messageTables(): ReadonlyMap<string, MessageTable> {
  return tables;
}

/** Forgets the instance so the next call re-reads the locale (tests switch LANG). */
export function resetMessages(): void {
  instance = undefined;
}
