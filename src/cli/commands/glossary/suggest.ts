import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadGlossary } from '../../../glossary/load.js';
import { type Candidate, suggestForProject } from '../../../glossary/maintain/suggest.js';
import { formatCandidatesJson, formatCandidatesStylish, formatCandidatesYaml } from '../../../glossary/maintain/suggest-format.js';
import { createMatcher } from '../../../glossary/match.js';
import { loadTokenizer } from '../../../glossary/tokenizer.js';
import { YakugoError } from '../../../util/errors.js';
import { type CliContext, cliContext } from '../../context.js';
import { defineMessages } from '../../../util/i18n.js';

const t = defineMessages('glossary-suggest', {
  en: {
    description: 'list term candidates in the sources that no glossary concept covers, ranked (TermExtract FLR score)',
    files: 'only these source files (default: every article under the source folder)',
    minScore: 'only candidates scoring at least N',
    limit: 'at most N candidates (default 50; 0 for all)',
    format: 'output format: stylish, json, or yaml (concept stubs to paste into a glossary file)',
    badNumber: '{{option}} must be a positive number or 0, got "{{value}}"',
    badWhole: '{{option}} must be a positive whole number or 0, got "{{value}}"',
    badFormat: 'unknown format "{{format}}" (expected stylish, json or yaml)',
    none: 'no candidates: the glossary covers every term found',
  },
  ja: {
    description: '用語集にない用語候補を原稿から抽出し、順位付けして表示する(TermExtract の FLR スコア)',
    files: '対象の原稿ファイル(既定: 原稿フォルダのすべての記事)',
    minScore: 'スコアが N 以上の候補だけ',
    limit: '最大 N 件(既定 50、0 で全件)',
    format: '出力形式: stylish、json、yaml(用語集に貼り付けられる概念の雛形)',
    badNumber: '{{option}} には 0 以上の数値を指定してください("{{value}}")',
    badWhole: '{{option}} には 0 以上の整数を指定してください("{{value}}")',
    badFormat: '未知の形式 "{{format}}"(stylish、json、yaml のいずれか)',
    none: '候補はありません。見つかった用語はすべて用語集にあります',
  },
});

function numberOption(value: string | undefined, option: string, fallback: number, whole = false): number {
  if (value === undefined) return fallback;
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number) || number < 0) throw new YakugoError(t(whole ? 'badWhole' : 'badNumber', { option, value }));
  if (whole && !Number.isInteger(number)) throw new YakugoError(t('badWhole', { option, value }));
  return number;
}

/** Ranked candidates for the project, after --min-score and --limit. */
export async function projectCandidates(context: CliContext, minScore: number, limit: number, files?: string[]): Promise<{ candidates: Candidate[]; ids: Set<string> }> {
  const { project } = context;
  const glossary = await loadGlossary(project.dirs.glossary, { root: project.root, languages: project.config.languages });
  const [matcher, tokenizer] = await Promise.all([createMatcher(glossary), loadTokenizer()]);
  const all = suggestForProject(project, glossary, matcher, tokenizer, files).filter((candidate) => candidate.score >= minScore);
  return { candidates: limit > 0 ? all.slice(0, limit) : all, ids: new Set(glossary.concepts.map((concept) => concept.id)) };
}

export function register(group: Command): void {
  group
    .command('suggest')
    .description(t('description'))
    .argument('[files...]', t('files'))
    .option('--min-score <N>', t('minScore'))
    .option('--limit <N>', t('limit'))
    .option('--format <FORMAT>', t('format'), 'stylish')
    .action(async (files: string[], options: { minScore?: string; limit?: string; format: string }, command: Command) => {
      const context = cliContext(command);
      if (!['stylish', 'json', 'yaml'].includes(options.format)) throw new YakugoError(t('badFormat', { format: options.format }));
      const minScore = numberOption(options.minScore, '--min-score', 0);
      const limit = numberOption(options.limit, '--limit', 50, true);
      const { candidates, ids } = await projectCandidates(context, minScore, limit, files.length > 0 ? files.map((file) => resolve(file)) : undefined);
      const { project } = context;
      if (options.format === 'json') context.stdout.write(formatCandidatesJson(candidates));
      else if (options.format === 'yaml') context.stdout.write(formatCandidatesYaml(candidates, ids, [project.config.sourceLanguage, ...project.config.languages]));
      else if (candidates.length === 0) context.stderr.write(`${t('none')}\n`);
      else context.stdout.write(formatCandidatesStylish(candidates, context.colors));
    });
}
