import { resolve } from 'node:path';
import type { Command } from 'commander';
import { extract, extractFiles } from '../../catalog/extract.js';
import { displayPath } from '../../project/articles.js';
import { cliContext } from '../context.js';
import { refuseEmptyProject, withAllowEmpty } from '../empty.js';
import { EXIT_INPUT } from '../../util/errors.js';
import { defineMessages } from '../../util/i18n.js';
import { parseJobs } from '../../util/share-work.js';
import { parseAheadOf } from '../../project/parse-ahead.js';

const t = defineMessages('extract', {
  en: {
    description: 'regenerate the source catalogs and add new keys to every target catalog (never drops a translation)',
    files: 'only these source files (default: every article under the source folder)',
    prune: 'remove translations whose source paragraph is gone (they are kept and reported otherwise)',
    jobs: 'threads that parse the articles (default: the number of cores); the catalogs are the same for any number',
    pruned: '{{lng}} {{article}}: removed the translation of {{key}} from {{catalog}} (no source paragraph)',
    added: '{{lng}} {{article}}: {{count}} new key(s) in {{catalog}}',
    carried: '{{lng}} {{article}}: translation of {{from}} carried to {{to}} ({{percent}}% similar source); marked stale until reviewed',
    orphan: '{{lng}} {{article}}: translation of {{key}} has no source paragraph any more; kept in {{catalog}}: move it to the key of its paragraph, or remove it with yakugo extract --prune',
    orphanProbably: '{{lng}} {{article}}: translation of {{key}} has no source paragraph any more; kept in {{catalog}} (probably belongs to {{probably}}, {{percent}}% similar): move it there, or remove it with yakugo extract --prune',
    summary: '{{articles}} article(s), {{segments}} segment(s); {{written}} file(s) updated',
    noArticles: 'no articles (*.md, *.mdx) under {{dir}}',
    changedMeanwhile: '{{file}} was saved while extract ran; merged again from the saved file (nothing overwritten)',
    failure: '{{where}}: {{message}}',
    failed: '{{count}} article(s) not extracted, their files left as they are: {{articles}}',
  },
  ja: {
    description: '原文カタログを作り直し、各言語のカタログに新しいキーを加える(訳文は消さない)',
    files: '対象の原稿ファイル(既定: 原稿フォルダのすべての記事)',
    prune: '原文の段落がなくなった訳文を削除する(指定しなければ残して報告する)',
    jobs: '記事を解析するスレッド数(既定: コア数)。いくつでも同じカタログができる',
    pruned: '{{lng}} {{article}}: {{catalog}} から {{key}} の訳文を削除しました(原文の段落なし)',
    added: '{{lng}} {{article}}: {{catalog}} に新しいキー {{count}} 件',
    carried: '{{lng}} {{article}}: {{from}} の訳文を {{to}} に引き継ぎました(原文の類似度 {{percent}}%)。確認されるまで stale です',
    orphan: '{{lng}} {{article}}: {{key}} の訳文は原文の段落がなくなりました。{{catalog}} に残してあります。その段落のキーに移すか、yakugo extract --prune で削除してください',
    orphanProbably: '{{lng}} {{article}}: {{key}} の訳文は原文の段落がなくなりました。{{catalog}} に残してあります({{probably}} のものと思われます。類似度 {{percent}}%)。そこに移すか、yakugo extract --prune で削除してください',
    summary: '記事 {{articles}} 件、セグメント {{segments}} 件。更新したファイル {{written}} 件',
    noArticles: '{{dir}} に記事(*.md、*.mdx)がありません',
    changedMeanwhile: 'extract の実行中に {{file}} が保存されました。保存された内容からマージし直しました(上書きはしていません)',
    failure: '{{where}}: {{message}}',
    failed: '{{count}} 件の記事はカタログを作れませんでした(ファイルはそのままです): {{articles}}',
  },
});

export function register(program: Command): void {
  withAllowEmpty(program.command('extract'))
    .description(t('description'))
    .argument('[files...]', t('files'))
    .option('--prune', t('prune'))
    .option('--jobs <N>', t('jobs'))
    .action(async (files: string[], options: { prune?: boolean; jobs?: string; allowEmpty?: boolean }, command: Command) => {
      const context = cliContext(command);
      if (files.length === 0) refuseEmptyProject(context, options.allowEmpty);
      const jobs = parseJobs(options.jobs);
      const named = files.length > 0 ? files.map((file) => resolve(file)) : undefined;
      const { project } = context;
      await parseAheadOf(project, () => extractFiles(project, named), jobs);
      const result = extract({
        root: project.root,
        config: project.configFile,
        files: named,
        prune: options.prune,
      });
      const percent = (value: number) => Math.round(value * 100);
      for (const file of result.changedMeanwhile) context.stderr.write(`${context.colors.yellow(t('changedMeanwhile', { file }))}\n`);
      for (const report of result.languages) {
        if (report.added.length > 0) context.stderr.write(`${t('added', { ...report, count: report.added.length })}\n`);
        for (const carried of report.carried) {
          context.stderr.write(`${context.colors.yellow(t('carried', { ...report, ...carried, percent: percent(carried.similarity) }))}\n`);
        }
        for (const orphan of report.orphans) {
          const message = orphan.probably
            ? t('orphanProbably', { ...report, ...orphan, percent: percent(orphan.similarity ?? 0) })
            : t('orphan', { ...report, ...orphan });
          context.stderr.write(`${context.colors.yellow(message)}\n`);
        }
        for (const key of report.pruned) context.stderr.write(`${t('pruned', { ...report, key })}\n`);
      }
      for (const failure of result.failures) context.stderr.write(`${context.colors.red(t('failure', { ...failure }))}\n`);
      if (result.articles.length === 0 && result.failures.length === 0) context.stderr.write(`${t('noArticles', { dir: displayPath(context.project, context.project.dirs.source) })}\n`);
      const segments = result.articles.reduce((sum, article) => sum + article.segments.length, 0);
      context.stdout.write(`${t('summary', { articles: result.articles.length, segments, written: result.written.length })}\n`);
      const failedArticles = [...new Set(result.failures.map((failure) => failure.article))];
      if (failedArticles.length > 0) {
        context.stderr.write(`${context.colors.red(t('failed', { count: failedArticles.length, articles: failedArticles.join(', ') }))}\n`);
        // What could not be read is an input error, as when extract reads one article alone.
        process.exitCode = EXIT_INPUT;
      }
    });
}
