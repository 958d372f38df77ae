import { YakugoError } from './errors.js';
import { defineMessages } from './i18n.js';

/**
 * Messages of the errors the pipeline raises on bad input (files, catalogs, config, editions), in English
 * and Japanese like every other message. Kept in one table so the wording stays consistent across stages.
 */
export const inputMessage = defineMessages('input', {
  en: {
    notUtf8: 'not UTF-8: invalid byte 0x{{byte}}',
    invalidYaml: 'invalid YAML: {{detail}}',
    invalidFrontMatter: 'invalid front matter: {{detail}}',
    invalidJson: 'invalid JSON: {{detail}}',
    catalogNotObject: 'a catalog must be a JSON object of "key": "translation" pairs',
    duplicateKey: 'key "{{key}}" appears twice',
    valueNotString: 'the value of "{{key}}" must be a string, not {{kind}} (catalogs are flat: no nesting, plurals or arrays)',
    kindObject: 'an object',
    kindArray: 'an array',
    kindNumber: 'a number',
    kindBoolean: 'a boolean',
    kindNull: 'null',
    catalogLeaves: 'the catalog path of {{article}} leaves {{dir}}',
    stateNotMap: 'a state file must be a mapping of key: { source, target }',
    changedWhileRunning: 'this file changed while yakugo was working on it; it was not overwritten. Run again. {{written}}',
    writtenBefore: 'Already written: {{files}}.',
    nothingWrittenBefore: 'Nothing else was written.',
    badJournal: 'this journal of an interrupted yakugo run cannot be read; look at the files beside it, then delete it',
    pendingJournal: 'a yakugo run was interrupted while writing this catalog and its sidecar; run yakugo extract to complete it',
    keepsChanging: 'this file changed every time it was read ({{attempts}} times) while yakugo was merging; nothing was overwritten: close the editor or stop the other program and run again',
    stateEntry: 'the state of "{{key}}" must have string fields source and target (and origin and note, when given, strings)',
    configNotFound: 'config file not found: {{file}}',
    unknownKey: 'unknown key "{{keys}}"',
    unknownKeyIn: 'unknown key "{{keys}}" in {{path}}',
    requiredNotBuilt: 'required language {{lng}} is not in languages',
    languageTag: 'expected a language tag such as en, en-GB or zh-Hans',
    outsideSource: 'article is outside the source folder {{source}}; its edition would be written outside {{out}}',
    editionOutside: 'edition path {{file}} would be outside {{out}}',
    editionSymlink: 'edition path {{file}} leads outside {{out}} through a symbolic link',
    cellOneLine: 'a table cell must stay on one line',
    headingOneLine: 'a heading must stay on one line',
    notInline: 'does not parse as inline Markdown (got {{type}})',
    twoParagraphs: 'holds more than one paragraph (a blank line?)',
    roundTrip: 'the written Markdown does not parse back to the same document: {{detail}}',
  },
  ja: {
    notUtf8: 'UTF-8 ではありません: 不正なバイト 0x{{byte}}',
    invalidYaml: 'YAML として読めません: {{detail}}',
    invalidFrontMatter: 'フロントマターが読めません: {{detail}}',
    invalidJson: 'JSON として読めません: {{detail}}',
    catalogNotObject: 'カタログは "キー": "訳文" の組からなる JSON オブジェクトでなければなりません',
    duplicateKey: 'キー "{{key}}" が 2 回出てきます',
    valueNotString: '"{{key}}" の値は文字列でなければなりません。{{kind}}は使えません(カタログは平らな形で、入れ子・複数形・配列は持てません)',
    kindObject: 'オブジェクト',
    kindArray: '配列',
    kindNumber: '数値',
    kindBoolean: '真偽値',
    kindNull: 'null',
    catalogLeaves: '{{article}} のカタログのパスが {{dir}} の外に出ます',
    stateNotMap: '状態ファイルは「キー: { source, target }」の対応表でなければなりません',
    changedWhileRunning: 'yakugo の処理中にこのファイルが変更されたので、上書きしていません。もう一度実行してください。{{written}}',
    writtenBefore: '書き込み済み: {{files}}。',
    nothingWrittenBefore: 'ほかには何も書き込んでいません。',
    badJournal: '中断された yakugo の実行の記録(ジャーナル)が読めません。横のファイルを確かめてから削除してください',
    pendingJournal: 'このカタログとサイドカーの書き込み中に yakugo が中断されました。yakugo extract を実行して完了させてください',
    keepsChanging: 'yakugo がマージしている間、読むたびにこのファイルが変わりました({{attempts}} 回)。何も上書きしていません。エディタや他のプログラムを止めてからもう一度実行してください',
    stateEntry: '"{{key}}" の状態には文字列の source と target が必要です(origin と note を書くなら文字列)',
    configNotFound: '設定ファイルが見つかりません: {{file}}',
    unknownKey: '不明なキー "{{keys}}"',
    unknownKeyIn: '{{path}} に不明なキー "{{keys}}"',
    requiredNotBuilt: '必須言語 {{lng}} が languages にありません',
    languageTag: 'en、en-GB、zh-Hans のような言語タグを指定してください',
    outsideSource: '記事が原稿フォルダ {{source}} の外にあります。この版は {{out}} の外に書き出されてしまいます',
    editionOutside: '版のパス {{file}} が {{out}} の外になります',
    editionSymlink: '版のパス {{file}} がシンボリックリンクを通って {{out}} の外に出ます',
    cellOneLine: '表のセルは 1 行でなければなりません',
    headingOneLine: '見出しは 1 行でなければなりません',
    notInline: 'インラインの Markdown として読めません({{type}} になります)',
    twoParagraphs: '段落が 2 つ以上あります(空行が入っていませんか)',
    roundTrip: '書き出した Markdown を読み直すと元の文書と一致しません: {{detail}}',
  },
});

/** The error for a file somebody saved while a run was about to overwrite it (exit 2), naming what was written. */
export function changedWhileRunning(file: string, alreadyWritten: readonly string[]): YakugoError {
  const written = alreadyWritten.length > 0 ? inputMessage('writtenBefore', { files: alreadyWritten.join(', ') }) : inputMessage('nothingWrittenBefore');
  return new YakugoError(inputMessage('changedWhileRunning', { written }), { file });
}
