import type { Project } from '../config/load.js';
import { YakugoError } from '../util/errors.js';
import { defineMessages } from '../util/i18n.js';

const t = defineMessages('languages', {
  en: { unknownTarget: 'unknown language "{{lng}}" (target languages: {{languages}})' },
  ja: { unknownTarget: '言語 "{{lng}}" は訳出言語にありません(訳出言語: {{languages}})' },
});

/**
 * The target languages `--lang` names, in configuration order (all of them when none is named); a language
 * that is not a configured target is a usage error. Used by the commands that write translations.
 */
export function selectTargetLanguages(project: Project, wanted: readonly string[] | undefined): string[] {
  const { languages } = project.config;
  if (!wanted || wanted.length === 0) return [...languages];
  for (const lng of wanted) {
    if (!languages.includes(lng)) throw unknownTargetLanguage(project, lng);
  }
  return languages.filter((lng) => wanted.includes(lng));
}

export function unknownTargetLanguage(project: Project, lng: string, file?: string): YakugoError {
  return new YakugoError(t('unknownTarget', { lng, languages: project.config.languages.join(', ') }), file === undefined ? {} : { file });
}
