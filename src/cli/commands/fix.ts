import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadGlossary } from '../../glossary/load.js';
import { fixSources } from '../../glossary/maintain/fix-sources.js';
import { createMatcher } from '../../glossary/match.js';
import { cliContext } from '../context.js';
import { defineMessages } from '../../util/i18n.js';

const t = defineMessages('fix', {
  en: {
    description: 'rewrite deprecated Japanese variants (表記ゆれ) in the sources into the preferred glossary term',
    files: 'only these source files (default: every article under the source folder)',
    dryRun: 'print a unified diff of the changes and write nothing',
    edit: '{{file}}:{{line}}:{{column}}: {{from}} → {{to}} ({{concept}})',
    skipped: '{{file}}:{{line}}:{{column}}: {{surface}} not rewritten ({{concept}}): {{reason}}',
    summary: '{{count}} variant(s) rewritten in {{files}} file(s)',
    summaryDry: '{{count}} variant(s) would be rewritten in {{files}} file(s) (dry run: nothing written)',
  },
  ja: {
    description: '原稿の表記ゆれ(非推奨の日本語表記)を用語集の推奨表記に書き換える',
    files: '対象の原稿ファイル(既定: 原稿フォルダのすべての記事)',
    dryRun: '変更を unified diff で表示し、何も書き込まない',
    edit: '{{file}}:{{line}}:{{column}}: {{from}} → {{to}}({{concept}})',
    skipped: '{{file}}:{{line}}:{{column}}: {{surface}} は書き換えていません({{concept}}): {{reason}}',
    summary: '{{files}} ファイルで {{count}} 件の表記を書き換えました',
    summaryDry: '{{files}} ファイルで {{count}} 件の表記を書き換えます(dry run: 書き込みなし)',
  },
});

export function register(program: Command): void {
  program
    .command('fix')
    .description(t('description'))
    .argument('[files...]', t('files'))
    .option('--dry-run', t('dryRun'))
    .action(async (files: string[], options: { dryRun?: boolean }, command: Command) => {
      const context = cliContext(command);
      const { project } = context;
      const glossary = await loadGlossary(project.dirs.glossary, { root: project.root, languages: project.config.languages });
      const matcher = await createMatcher(glossary);
      const dryRun = Boolean(options.dryRun);
      const fixes = fixSources(project, matcher, { dryRun, files: files.length > 0 ? files.map((file) => resolve(file)) : undefined });
      let count = 0;
      for (const fix of fixes) {
        if (dryRun) context.stdout.write(fix.diff);
        for (const edit of fix.edits) {
          count++;
          if (!dryRun) context.stdout.write(`${t('edit', { file: fix.path, line: edit.line, column: edit.column, from: edit.from, to: edit.to, concept: edit.label })}\n`);
        }
        for (const skip of fix.skipped) {
          context.stderr.write(`${context.colors.yellow(t('skipped', { file: fix.path, line: skip.line, column: skip.column, surface: skip.surface, concept: skip.label, reason: skip.reason }))}\n`);
        }
      }
      const changed = fixes.filter((fix) => fix.edits.length > 0).length;
      context.stderr.write(`${t(dryRun ? 'summaryDry' : 'summary', { count, files: changed })}\n`);
      process.exitCode = 0;
    });
}
