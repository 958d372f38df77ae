import type { Command } from 'commander';
import { Option } from 'commander';
import { displayWidth } from '../../../check/formatters/stylish.js';
import type { Project } from '../../../config/load.js';
import { acceptedTerms, loadProjectGlossary, preferredTerm, SOURCE_LANGUAGE, targetTermsFor } from '../../../glossary/load.js';
import type { Concept, Glossary } from '../../../glossary/types.js';
import { YakugoError } from '../../../util/errors.js';
import { cliContext } from '../../context.js';
import { defineMessages } from '../../../util/i18n.js';

const t = defineMessages('glossary-list', {
  en: {
    description: 'list the concepts of the glossary with their preferred term in each language',
    lang: 'show only this target language',
    format: 'output format',
    id: 'id',
    other: 'other terms',
    name: 'name (same in every language)',
    none: 'the glossary is empty ({{dir}} has no *.yaml files)',
    summary: '{{count}} concept(s) in {{files}} file(s)',
    unknownLanguage: 'unknown language "{{lng}}" (configured: {{languages}})',
  },
  ja: {
    description: '用語集の概念と各言語の優先訳語を一覧する',
    lang: 'この訳出言語だけを表示する',
    format: '出力形式',
    id: 'ID',
    other: 'その他の用語',
    name: '固有名(全言語共通)',
    none: '用語集は空です({{dir}} に *.yaml がありません)',
    summary: '{{files}} ファイルに概念 {{count}} 件',
    unknownLanguage: '言語 "{{lng}}" は設定にありません(設定済み: {{languages}})',
  },
});

interface ListOptions {
  lang?: string;
  format: 'stylish' | 'json';
}

export function register(group: Command): void {
  group
    .command('list')
    .description(t('description'))
    .option('--lang <L>', t('lang'))
    .addOption(new Option('--format <format>', t('format')).choices(['stylish', 'json']).default('stylish'))
    .action(async (options: ListOptions, command: Command) => {
      const context = cliContext(command);
      const languages = listedLanguages(context.project, options.lang);
      const glossary = await loadProjectGlossary(context.project);
      const output = options.format === 'json' ? formatJson(glossary, languages) : formatTable(glossary, languages, context.colors.bold);
      context.stdout.write(output);
      if (options.format !== 'json') {
        const summary = glossary.files.length === 0 ? t('none', { dir: context.project.config.paths.glossary }) : t('summary', { count: glossary.concepts.length, files: glossary.files.length });
        context.stdout.write(`\n${summary}\n`);
      }
    });
}

/** The source language, then the target languages (all configured ones, or the one asked for). */
function listedLanguages(project: Project, lang: string | undefined): string[] {
  const targets = project.config.languages;
  if (lang === undefined) return [SOURCE_LANGUAGE, ...targets];
  if (lang !== SOURCE_LANGUAGE && !targets.includes(lang)) {
    throw new YakugoError(t('unknownLanguage', { lng: lang, languages: targets.join(', ') }));
  }
  return lang === SOURCE_LANGUAGE ? [SOURCE_LANGUAGE] : [SOURCE_LANGUAGE, lang];
}

/** Terms that are not the preferred one, with their status: `ja 物理 AI (admitted)`. */
function otherTerms(concept: Concept, languages: string[]): string {
  const parts: string[] = [];
  for (const lng of languages) {
    const preferred = preferredTerm(concept, lng);
    for (const term of concept.terms[lng] ?? []) {
      if (term !== preferred) parts.push(`${lng} ${term.text} (${term.status})`);
    }
  }
  if (!concept.translate) parts.unshift(t('name'));
  return parts.join(', ');
}

function formatTable(glossary: Glossary, languages: string[], bold: (text: string) => string): string {
  const header = [t('id'), ...languages, t('other')];
  const rows = glossary.concepts.map((concept) => [
    concept.id,
    ...languages.map((lng) => preferredTerm(concept, lng)?.text ?? '—'),
    otherTerms(concept, languages),
  ]);
  const widths = header.map((title, column) => rows.reduce((widest, row) => Math.max(widest, displayWidth(row[column]!)), displayWidth(title)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + ' '.repeat(widths[column]! - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  if (rows.length === 0) return '';
  return `${[bold(line(header)), ...rows.map(line)].join('\n')}\n`;
}

function formatJson(glossary: Glossary, languages: string[]): string {
  const concepts = glossary.concepts.map((concept) => ({
    id: concept.id,
    ...(concept.domain ? { domain: concept.domain } : {}),
    translate: concept.translate,
    preferred: Object.fromEntries(languages.map((lng) => [lng, preferredTerm(concept, lng)?.text ?? null])),
    accepted: Object.fromEntries(languages.map((lng) => [lng, acceptedTerms(concept, lng).map((term) => term.text)])),
    terms: Object.fromEntries(
      languages.map((lng) => [lng, (lng === SOURCE_LANGUAGE ? (concept.terms[lng] ?? []) : targetTermsFor(concept, lng)).map((term) => ({ term: term.text, status: term.status }))]),
    ),
    file: concept.place?.file,
    line: concept.place?.line,
  }));
  return `${JSON.stringify(concepts, null, 2)}\n`;
}
