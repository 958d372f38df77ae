import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { listArticles } from '../project/articles.js';
import { YakugoError } from '../util/errors.js';
import { defineMessages } from '../util/i18n.js';
import type { CliContext } from './context.js';

const t = defineMessages('empty', {
  en: {
    allowEmpty: 'succeed even when the source folder holds no article',
    noFolder: 'the source folder {{dir}} does not exist: run yakugo in the project folder, pass --root DIR, or correct paths.source in {{config}}',
    noArticles: 'no articles (*.md) in the source folder {{dir}}: add one, correct paths.source in {{config}}, or pass --allow-empty',
    defaultConfig: 'yakugo.config.yaml',
  },
  ja: {
    allowEmpty: '原稿フォルダに記事がなくても成功にする',
    noFolder: '原稿フォルダ {{dir}} がありません。プロジェクトのフォルダで実行するか、--root DIR を指定するか、{{config}} の paths.source を直してください',
    noArticles: '原稿フォルダ {{dir}} に記事(*.md)がありません。記事を加えるか、{{config}} の paths.source を直すか、--allow-empty を指定してください',
    defaultConfig: 'yakugo.config.yaml',
  },
});

/** `--allow-empty`, for the commands that would otherwise pass on a project with nothing in it. */
export function withAllowEmpty(command: Command): Command {
  return command.option('--allow-empty', t('allowEmpty'));
}

/**
 * A typo in `paths.source`, a missing `source/` or a run from the wrong folder finds no article; `check`
 * would then pass CI on nothing. Such a run is an input error (exit 2) naming the folder looked in, unless
 * the project asked for it with `--allow-empty`.
 */
export function refuseEmptyProject(context: CliContext, allowEmpty: boolean | undefined): void {
  if (allowEmpty) return;
  const { project } = context;
  const dir = project.dirs.source;
  const values = { dir, config: project.configFile ?? t('defaultConfig') };
  if (!existsSync(dir)) throw new YakugoError(t('noFolder', values));
  if (listArticles(project).length === 0) throw new YakugoError(t('noArticles', values));
}
