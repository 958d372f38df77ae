import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { assignIds, INTERCHANGE_FORMATS, parseInterchange, requireFormat } from '../../../glossary/interchange/index.js';
import { markInsideWords } from '../../../glossary/interchange/inside-words.js';
import { planImport, planRules } from '../../../glossary/interchange/plan.js';
import { createMatcher } from '../../../glossary/match.js';
import { loadGlossary, parseGlossaryFile } from '../../../glossary/load.js';
import { fileWithConcepts } from '../../../glossary/maintain/add.js';
import { withBom } from '../../../glossary/maintain/text-file.js';
import { commitWrites } from '../../../catalog/commit.js';
import { withProjectLock } from '../../../project/lock.js';
import { changedWhileRunning } from '../../../util/input-messages.js';
import { appendRulesToYaml, conceptsToYamlFile } from '../../../glossary/maintain/yaml.js';
import { loadTokenizer } from '../../../glossary/tokenizer.js';
import { EXIT_INPUT, YakugoError } from '../../../util/errors.js';
import { readBytesIfExists, readTextFile } from '../../../util/fs.js';
import type { PrhFileReader } from '../../../glossary/interchange/prh.js';
import { cliContext } from '../../context.js';
import { defineMessages } from '../../../util/i18n.js';

const t = defineMessages('glossary-import', {
  en: {
    description: 'add the concepts of a TBX (v3 or 2008), CSV, TSV or prh file to the glossary; conflicts are reported, never merged',
    file: 'the file to import',
    format: `input format: ${INTERCHANGE_FORMATS.join(', ')} (default: from the extension)`,
    into: 'glossary file to append to (created when missing; default: glossary/<input name>.yaml)',
    dryRun: 'print the YAML that would be appended and write nothing',
    skipConflicts: 'import the concepts that do not conflict and report the others',
    note: '{{file}}:{{line}}:{{column}}: {{message}}',
    conflict: '{{file}}:{{line}}:{{column}}: conflict: {{id}}: {{message}}',
    present: '{{count}} concept(s) already in the glossary',
    presentRules: '{{count}} rule(s) already in the glossary',
    ruleConflict: '{{file}}:{{line}}:{{column}}: conflict: {{message}}',
    exampleDropped: '{{file}}:{{line}}:{{column}}: spec "{{sentence}}" is not kept as an example of "{{id}}": the glossary does not find its term there (it starts or ends inside a word)',
    importedRules: '{{count}} rule(s) imported into {{file}}',
    insideWords: '{{file}}:{{line}}:{{column}}: the rule for "{{expected}}" rewrites part of a word in its own specs: imported with insideWords: true',
    nothingWritten: '{{count}} conflict(s); nothing written (fix the file or the glossary, or pass --skip-conflicts)',
    imported: '{{count}} concept(s) imported into {{file}}',
    nothing: 'nothing to import',
  },
  ja: {
    description: 'TBX(v3・2008)、CSV、TSV、prh ファイルの概念を用語集に加える。衝突は報告し、統合はしない',
    file: '取り込むファイル',
    format: `入力形式: ${INTERCHANGE_FORMATS.join(', ')}(既定: 拡張子から判断)`,
    into: '追記する用語集ファイル(なければ作成。既定: glossary/<入力名>.yaml)',
    dryRun: '追記する YAML を表示し、何も書き込まない',
    skipConflicts: '衝突しない概念だけを取り込み、残りは報告する',
    note: '{{file}}:{{line}}:{{column}}: {{message}}',
    conflict: '{{file}}:{{line}}:{{column}}: 衝突: {{id}}: {{message}}',
    present: '{{count}} 件の概念はすでに用語集にあります',
    presentRules: '{{count}} 件のルールはすでに用語集にあります',
    ruleConflict: '{{file}}:{{line}}:{{column}}: 衝突: {{message}}',
    exampleDropped: '{{file}}:{{line}}:{{column}}: spec "{{sentence}}" は "{{id}}" の例文にしていません: 用語集はそこで用語を見つけません(語の途中で始まるか終わります)',
    importedRules: '{{count}} 件のルールを {{file}} に取り込みました',
    insideWords: '{{file}}:{{line}}:{{column}}: "{{expected}}" のルールは自身の spec で語の一部を書き換えています: insideWords: true を付けて取り込みます',
    nothingWritten: '衝突 {{count}} 件。何も書き込んでいません(ファイルか用語集を直すか、--skip-conflicts を付けてください)',
    imported: '{{count}} 件の概念を {{file}} に取り込みました',
    nothing: '取り込むものはありません',
  },
});

export function register(group: Command): void {
  group
    .command('import')
    .description(t('description'))
    .argument('<file>', t('file'))
    .option('--format <FORMAT>', t('format'))
    .option('--into <FILE>', t('into'))
    .option('--dry-run', t('dryRun'))
    .option('--skip-conflicts', t('skipConflicts'))
    .action(async (file: string, options: { format?: string; into?: string; dryRun?: boolean; skipConflicts?: boolean }, command: Command) => {
      const context = cliContext(command);
      const { project } = context;
      const { sourceLanguage, languages } = project.config;
      const format = requireFormat(options.format, file);
      const input = resolve(file);
      const shown = file;
      const result = parseInterchange(readTextFile(input, shown), format, shown, { sourceLanguage, languages, readFile: prhFileReader });
      for (const note of result.notes) context.stderr.write(`${context.colors.yellow(t('note', { ...note, file: note.file ?? shown }))}\n`);
      const glossary = await loadGlossary(project.dirs.glossary, { root: project.root, languages });
      assignIds(result.concepts, new Set(glossary.concepts.map((concept) => concept.id)), await loadTokenizer(), sourceLanguage);
      const plan = planImport(result.concepts, glossary);
      const rulePlan = planRules(result.rules ?? [], glossary);
      for (const conflict of plan.conflicts) {
        const place = conflict.concept.place;
        context.stderr.write(
          `${context.colors.red(t('conflict', { file: place?.file ?? shown, line: place?.line ?? 1, column: place?.column ?? 1, id: conflict.concept.id, message: conflict.message }))}\n`,
        );
      }
      for (const conflict of rulePlan.conflicts) context.stderr.write(`${context.colors.red(t('ruleConflict', { ...conflict.rule.place, message: conflict.message }))}\n`);
      if (plan.present.length > 0) context.stderr.write(`${t('present', { count: plan.present.length })}\n`);
      if (rulePlan.present.length > 0) context.stderr.write(`${t('presentRules', { count: rulePlan.present.length })}\n`);
      const conflicts = plan.conflicts.length + rulePlan.conflicts.length;
      if (conflicts > 0 && !options.skipConflicts) {
        throw new YakugoError(t('nothingWritten', { count: conflicts }), { exitCode: EXIT_INPUT });
      }
      if (plan.add.length === 0 && rulePlan.add.length === 0) {
        context.stderr.write(`${t('nothing')}\n`);
        return;
      }
      // A spec kept as an example must hold: the glossary matcher (token boundaries) is stricter than prh.
      const matcher = await createMatcher({ concepts: [...glossary.concepts, ...plan.add], files: [] });
      for (const concept of plan.add) {
        if (!concept.examples) continue;
        concept.examples.match = concept.examples.match.filter((sentence) => {
          const kept = matcher.find(sentence).some((match) => match.concept === concept);
          if (!kept) context.stderr.write(`${context.colors.yellow(t('exampleDropped', { file: concept.place?.file ?? shown, line: concept.place?.line ?? 1, column: concept.place?.column ?? 1, sentence, id: concept.id }))}\n`);
          return kept;
        });
        if (concept.examples.match.length === 0 && concept.examples.noMatch.length === 0) delete concept.examples;
      }
      for (const entry of markInsideWords(rulePlan.add, await loadTokenizer())) {
        context.stderr.write(`${t('insideWords', { ...entry.place, expected: entry.rule.expected })}\n`);
      }
      const order = [sourceLanguage, ...languages];
      const rules = rulePlan.add.map((entry) => entry.rule);
      if (options.dryRun) {
        context.stdout.write(appendRulesToYaml(conceptsToYamlFile(plan.add, order), rules, '<dry run>'));
        return;
      }
      const target = options.into ? resolve(options.into) : resolve(project.dirs.glossary, `${basename(input, extname(input))}.yaml`);
      const targetShown = relative(project.root, target).split(sep).join('/');
      withProjectLock(project, 'glossary import', () => {
        const snapshot = readBytesIfExists(target);
        const { after: withConcepts } = fileWithConcepts(target, targetShown, plan.add, order);
        const after = appendRulesToYaml(withConcepts, rules, targetShown);
        // The result must load: parse it before writing so a bad import never leaves a broken glossary.
        parseGlossaryFile(after, targetShown, { languages });
        if (commitWrites([{ file: target, contents: withBom(after, snapshot), expected: snapshot }]).conflict !== undefined) {
          throw changedWhileRunning(targetShown, []);
        }
      });
      if (plan.add.length > 0) context.stderr.write(`${t('imported', { count: plan.add.length, file: targetShown })}\n`);
      if (rules.length > 0) context.stderr.write(`${t('importedRules', { count: rules.length, file: targetShown })}\n`);
    });
}

/** prh `imports:` are paths relative to the folder of the file that names them. */
const prhFileReader: PrhFileReader = (from, path) => {
  const file = resolve(dirname(resolve(from)), path);
  const displayPath = relative(process.cwd(), file).split(sep).join('/') || file;
  if (!existsSync(file)) return { error: `no such file: ${displayPath}` };
  if (!statSync(file).isFile()) return { error: `not a file: ${displayPath}` };
  return { text: readTextFile(file, displayPath), displayPath };
};
