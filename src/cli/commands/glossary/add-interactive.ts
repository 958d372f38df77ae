import { createInterface } from 'node:readline/promises';
import { duplicatesOf } from '../../../glossary/maintain/add.js';
import { CONCEPT_ID } from '../../../glossary/maintain/ids.js';
import { candidateConcept, highlightExample } from '../../../glossary/maintain/suggest-format.js';
import type { Concept, Glossary } from '../../../glossary/types.js';
import { YakugoError } from '../../../util/errors.js';
import type { CliContext } from '../../context.js';
import { defineMessages } from '../../../util/i18n.js';
import { projectCandidates } from './suggest.js';

const t = defineMessages('glossary-add-interactive', {
  en: {
    notTTY: '--from-suggest asks about each candidate and needs a terminal; on a pipe or in CI use `yakugo glossary suggest --format yaml` and paste the stubs',
    badCount: '--from-suggest needs a positive number of candidates, got "{{value}}"',
    header: '[{{index}}/{{count}}] {{term}}  (score {{score}}, {{frequency}}×, {{articles}})',
    choice: 'a = accept, e = edit the term first, s = skip, q = stop [a/e/s/q] ',
    editTerm: 'Japanese term [{{term}}]: ',
    translation: '{{lng}} term (empty: none): ',
    id: 'id [{{id}}]: ',
    badId: 'ids are lower case a-z, 0-9, . + - (starting with a letter or digit)',
    duplicate: 'cannot add: {{reason}}',
    none: 'no candidates',
  },
  ja: {
    notTTY: '--from-suggest は候補ごとに確認するため端末が必要です。パイプや CI では `yakugo glossary suggest --format yaml` の雛形を貼り付けてください',
    badCount: '--from-suggest には正の件数を指定してください("{{value}}")',
    header: '[{{index}}/{{count}}] {{term}}(スコア {{score}}、{{frequency}} 回、{{articles}})',
    choice: 'a = 追加、e = 用語を直してから追加、s = 飛ばす、q = 終了 [a/e/s/q] ',
    editTerm: '日本語の用語 [{{term}}]: ',
    translation: '{{lng}} の訳語(空欄: なし): ',
    id: 'ID [{{id}}]: ',
    badId: 'ID は小文字の a-z、0-9、. + - で書いてください(先頭は英数字)',
    duplicate: '追加できません: {{reason}}',
    none: '候補はありません',
  },
});

/** Where the questions go and the answers come from (a terminal, or streams in tests). */
export interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Both ends are a terminal; otherwise the command refuses to ask. */
  interactive: boolean;
}

/**
 * `glossary add --from-suggest N`: walks the top N candidates on a terminal, asking for each whether to
 * add it, its translations for every configured language and its id. Accepted concepts are written
 * together at the end (also when the editor stops early with `q`).
 */
export async function addFromSuggestions(
  context: CliContext,
  glossary: Glossary,
  count: number,
  write: (concepts: Concept[]) => void,
  terminal: Terminal = { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) },
): Promise<void> {
  if (!Number.isInteger(count) || count <= 0) throw new YakugoError(t('badCount', { value: String(count) }));
  if (!terminal.interactive) throw new YakugoError(t('notTTY'));
  const { candidates, ids } = await projectCandidates(context, 0, count);
  if (candidates.length === 0) {
    context.stderr.write(`${t('none')}\n`);
    return;
  }
  const { project, colors } = context;
  const taken = new Set(ids);
  const accepted: Concept[] = [];
  const readline = createInterface({ input: terminal.input, output: terminal.output, terminal: false });
  const out = terminal.output;
  try {
    for (const [index, candidate] of candidates.entries()) {
      out.write(`\n${colors.bold(t('header', { index: index + 1, count: candidates.length, term: candidate.term, score: candidate.score.toFixed(2), frequency: candidate.frequency, articles: candidate.articles.join(', ') }))}\n`);
      out.write(`  ${highlightExample(candidate, colors)}\n`);
      const answer = (await readline.question(t('choice'))).trim().toLowerCase();
      if (answer === 'q') break;
      if (answer !== 'a' && answer !== 'e') continue;
      const concept = candidateConcept(candidate, new Set(taken));
      if (answer === 'e') {
        const edited = (await readline.question(t('editTerm', { term: candidate.term }))).trim();
        if (edited) concept.terms[project.config.sourceLanguage] = [{ text: edited, status: 'preferred' }];
      }
      if (concept.translate) {
        for (const lng of project.config.languages) {
          const text = (await readline.question(t('translation', { lng }))).trim();
          if (text) concept.terms[lng] = [{ text, status: 'preferred' }];
        }
      }
      for (;;) {
        const id = (await readline.question(t('id', { id: concept.id }))).trim();
        if (!id) break;
        if (CONCEPT_ID.test(id)) {
          concept.id = id;
          break;
        }
        out.write(`${colors.red(t('badId'))}\n`);
      }
      const reasons = duplicatesOf(concept, { concepts: [...glossary.concepts, ...accepted], files: glossary.files });
      if (reasons.length > 0) {
        for (const reason of reasons) out.write(`${colors.red(t('duplicate', { reason }))}\n`);
        continue;
      }
      taken.add(concept.id);
      accepted.push(concept);
    }
  } finally {
    readline.close();
  }
  if (accepted.length > 0) write(accepted);
}
