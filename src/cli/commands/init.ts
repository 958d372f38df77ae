import type { Command } from 'commander';
import { defaultYakugoSpec, initProject } from '../../project/init.js';
import { defineMessages } from '../../util/i18n.js';

const t = defineMessages('init', {
  en: {
    description: 'start a content project in DIR (default: here): config, a sample article, glossary, CI workflow, with yakugo as a dev dependency',
    dir: 'the folder of the new project (created when missing)',
    yakugo: 'the yakugo dev dependency written to package.json: a version range, a git URL, a path or a tarball (default: this installation, {{spec}})',
    wrote: 'wrote {{file}}',
    next: 'Next: cd {{dir}} && npm install && npm test. Then add articles to source/, run npx yakugo extract, translate locales/en/, run npx yakugo build, and commit.',
  },
  ja: {
    description: 'DIR(既定: ここ)にコンテンツ用のプロジェクトを作る: 設定、見本の記事、用語集、CI のワークフロー。yakugo は開発用の依存',
    dir: '新しいプロジェクトのフォルダ(なければ作る)',
    yakugo: 'package.json に書く yakugo の開発用依存: バージョンの範囲、git の URL、パス、tarball のいずれか(既定: この yakugo、{{spec}})',
    wrote: '{{file}} を書きました',
    next: '次に: cd {{dir}} && npm install && npm test。そのあと source/ に記事を加え、npx yakugo extract を実行し、locales/en/ を翻訳して、npx yakugo build を実行し、コミットします。',
  },
});

export function register(program: Command): void {
  program
    .command('init')
    .description(t('description'))
    .argument('[dir]', t('dir'), '.')
    .option('--yakugo <spec>', t('yakugo', { spec: defaultYakugoSpec() }))
    .action((dir: string, options: { yakugo?: string }) => {
      const result = initProject(dir, { yakugoSpec: options.yakugo });
      for (const file of result.written) process.stderr.write(`${t('wrote', { file })}\n`);
      process.stdout.write(`${t('next', { dir })}\n`);
    });
}
