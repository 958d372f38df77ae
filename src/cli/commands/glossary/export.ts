import { resolve } from 'node:path';
import type { Command } from 'commander';
import { INTERCHANGE_FORMATS, exportGlossary, requireFormat } from '../../../glossary/interchange/index.js';
import { loadGlossary } from '../../../glossary/load.js';
import { YakugoError } from '../../../util/errors.js';
import { writeFileAtomic } from '../../../util/fs.js';
import { cliContext } from '../../context.js';
import { defineMessages } from '../../../util/i18n.js';

const t = defineMessages('glossary-export', {
  en: {
    description: 'write the glossary as TBX v3 (TBX-Basic), CSV, TSV or a prh dictionary',
    format: `output format: ${INTERCHANGE_FORMATS.join(', ')} (default: from the --output extension, else tbx)`,
    lang: 'target languages to include, comma-separated (default: the configured languages)',
    output: 'write to FILE instead of standard output',
    unknownLanguage: 'unknown language "{{lng}}" (configured: {{configured}})',
    written: '{{count}} concept(s) written to {{file}}',
  },
  ja: {
    description: '用語集を TBX v3(TBX-Basic)、CSV、TSV、prh 辞書として書き出す',
    format: `出力形式: ${INTERCHANGE_FORMATS.join(', ')}(既定: --output の拡張子、なければ tbx)`,
    lang: '含める訳語の言語(カンマ区切り。既定: 設定の languages)',
    output: '標準出力の代わりに FILE に書く',
    unknownLanguage: '未知の言語 "{{lng}}"(設定済み: {{configured}})',
    written: '{{count}} 件の概念を {{file}} に書き出しました',
  },
});

export function register(group: Command): void {
  group
    .command('export')
    .description(t('description'))
    .option('--format <FORMAT>', t('format'))
    .option('--lang <LANGS>', t('lang'))
    .option('-o, --output <FILE>', t('output'))
    .action(async (options: { format?: string; lang?: string; output?: string }, command: Command) => {
      const context = cliContext(command);
      const { project } = context;
      const format = options.format || !options.output ? requireFormat(options.format ?? 'tbx', undefined) : requireFormat(undefined, options.output);
      const configured = project.config.languages;
      const languages = options.lang ? options.lang.split(',').map((lng) => lng.trim()).filter(Boolean) : configured;
      for (const lng of languages) {
        if (!configured.includes(lng) && lng !== project.config.sourceLanguage) throw new YakugoError(t('unknownLanguage', { lng, configured: configured.join(', ') }));
      }
      const glossary = await loadGlossary(project.dirs.glossary, { root: project.root, languages: configured });
      const text = exportGlossary(glossary.concepts, format, { sourceLanguage: project.config.sourceLanguage, languages, rules: glossary.rules });
      if (options.output) {
        writeFileAtomic(resolve(options.output), text);
        context.stderr.write(`${t('written', { count: glossary.concepts.length, file: options.output })}\n`);
      } else context.stdout.write(text);
    });
}
