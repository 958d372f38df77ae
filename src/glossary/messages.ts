import { defineMessages } from '../util/i18n.js';

/**
 * Messages of the errors and notes the glossary loader (glossary/*.yaml) and the interchange parsers
 * (TBX, CSV/TSV, prh) raise on bad input, in English and Japanese. Editors read these, so the Japanese is
 * written as sentences, not word for word. Keys starting with `what.` name the thing a field message is
 * about ("domain", "a concept"…) and are filled into the `{{what}}` of another message.
 */
export const glossaryMessage = defineMessages('glossary-input', {
  en: {
    // Loader: folder and examples
    folderIsFile: 'glossary folder is a file: {{dir}}',
    exampleNoMatch: 'example of "{{id}}" does not match: {{sentence}}',
    exampleNoMatchFound: 'example of "{{id}}" does not match: {{sentence}} (found {{found}})',
    exampleMustNotMatch: 'example of "{{id}}" must not match but "{{surface}}" does: {{sentence}}',
    listSeparator: ', ',

    // Loader: source rules (prh)
    unknownRuleField: 'unknown field "{{field}}" in a rule (a rule has expected, pattern, patterns, regexpMustEmpty, wordBoundary, insideWords, note, specs)',
    rulesNotList: '"rules" must be a list of rules',
    ruleNoExpected: 'a rule needs "expected"',
    ruleBadPattern: 'invalid pattern: {{error}}',
    ruleEmptyPattern: 'a pattern cannot be empty',
    ruleMustEmpty: 'regexpMustEmpty must be a group reference such as $1, not "{{value}}"',
    ruleMustEmptyGroup: 'regexpMustEmpty {{value}} names a group the pattern does not have',
    ruleSpecFields: 'a spec is { from, to }',
    ruleUnsafe: 'the pattern /{{pattern}}/ can backtrack catastrophically (a quantified group that holds a quantifier) and would hang on a long paragraph; rewrite it (yakugo glossary lint: glossary/regex-unsafe)',
    ruleSpecFails: 'spec of the rule for "{{expected}}" fails: "{{from}}" becomes "{{got}}", not "{{to}}"',

    // Loader: what a field message is about
    'what.glossaryFile': 'a glossary file',
    'what.concept': 'a concept',
    'what.field': '{{name}}',
    'what.termIn': '{{lng}} term',
    'what.formIn': 'a form in {{lng}}',
    'what.example': 'an example',
    'kind.boolean': 'boolean',
    'kind.number': 'number',
    'kind.null': 'null',

    // Loader: fields
    mustBeMapping: '{{what}} must be a mapping (key: value)',
    mustBeString: '{{what}} must be a string',
    isEmpty: '{{what}} is empty',
    mustBeStringNot: '{{what}} must be a string, not the {{kind}} {{value}} (quote it: "{{value}}")',
    mustBeBoolean: '{{what}} must be true or false',
    unknownLanguage: 'unknown language code "{{lng}}"',
    unknownLanguageInForms: 'unknown language code in forms "{{lng}}"',
    unconfiguredLanguage: 'unknown language code "{{lng}}" (configured: {{configured}})',
    unknownTopField: 'unknown field "{{field}}" (a glossary file has "concepts:" and "rules:")',
    conceptsNotList: '"concepts" must be a list of concepts',
    invalidId: 'invalid id "{{id}}": use lowercase letters, digits and . + - (e.g. physical-ai)',
    unknownConceptField: 'unknown field "{{field}}" in a concept',
    noId: 'concept has no id',
    noSourceTerm: 'concept "{{id}}" has no {{lng}} term',
    noTerm: 'no {{lng}} term',
    unknownStatus: 'unknown status "{{status}}" (use {{statuses}})',
    unknownTermField: 'unknown field "{{field}}" in a term (use term, status)',
    termWithoutText: '{{lng}} term has no "term:"',
    twoPreferred: 'two preferred {{lng}} terms',
    termTwice: '{{lng}} term "{{term}}" is listed twice',
    unknownExamplesField: 'unknown field "{{field}}" in examples (use match, noMatch)',
    duplicateId: 'duplicate concept id "{{id}}" (first at {{first}})',
    termOfOtherConcept: '{{lng}} term "{{term}}" is already a term of concept "{{owner}}" ({{at}})',
    unknownPlace: 'unknown place',

    // Loader: YAML syntax
    invalidYaml: 'invalid YAML: {{detail}}',
    yamlUnexpectedEnd: 'invalid YAML: unexpected end',
    yamlUnexpectedEvent: 'invalid YAML: unexpected event',
    keysPlain: 'keys must be plain strings',
    duplicateKey: 'duplicate key "{{key}}"',
    noAliases: 'aliases (*name) are not supported in glossary files',
    noAnchors: 'anchors (&name) are not supported in glossary files',
    noTags: 'tags (!tag) are not supported in glossary files',
    tagUnsupported: 'tag {{tag}} is not supported in glossary files',
    oneDocument: 'a glossary file holds one YAML document',

    // Interchange: formats
    unknownFormat: 'unknown format "{{format}}": expected {{formats}}',
    formatUnknownFor: 'cannot tell the format of {{file}}: pass --format {{formats}}',

    // Interchange: CSV / TSV
    unterminatedQuote: 'unterminated quoted field',
    afterQuote: 'unexpected character after a quoted field: {{char}}',
    noHeader: 'empty file: expected a header row of language codes',
    unknownColumn: 'unknown column "{{name}}": expected a language code (en, zh-Hans…) or one of {{columns}}',
    columnTwice: 'column "{{name}}" appears twice',
    noSourceColumn: 'no "{{lng}}" column: the header must name the source language',
    rowTooLong: 'row has {{fields}} fields, the header {{columns}}',
    unknownCsvStatus: 'unknown status "{{status}}": expected {{statuses}}',
    invalidCsvId: 'invalid id "{{id}}": ids match {{pattern}}',
    sourceForm: 'a form in the source language column is read as an admitted term',

    // Interchange: XML / TBX
    invalidXml: 'invalid XML: {{detail}}',
    entityDoctype: 'refusing a DOCTYPE that declares entities',
    noRootElement: 'invalid XML: no root element',
    notTbxRoot: 'not a TBX file: the root element is <{{name}}>, expected <tbx> or <martif>',
    notTbxBody: 'not a TBX file: no <text><body>',
    entryIdNotGlossaryId: 'entry id "{{id}}" is not a glossary id ({{pattern}}); an id is derived from its terms',
    noXmlLang: '{{element}} without xml:lang skipped',
    noTermElement: '<{{element}}> without <term> skipped',
    unknownAdminStatus: 'unknown administrativeStatus "{{value}}" read as admitted',

    // Interchange: prh
    prhNotMapping: 'not a prh dictionary: expected a mapping with version and rules',
    prhVersion: 'not a prh dictionary: expected "version: 1"',
    prhImports: 'imports: are not followed; import each prh file on its own',
    prhImportUnread: 'imports: {{path}} is not imported: {{reason}}',
    prhRuleKeptAsRule: '"{{term}}" is already a term of the rule at {{at}}: this rule is imported as a source rule, not as glossary terms',
    prhImportNoReader: 'imports are only followed for a file on disk',
    prhTargets: 'targets: (which files and which parts of them prh checks) are not imported: yakugo checks only the prose of the articles, never code, URLs or link destinations',
    prhNoRules: 'not a prh dictionary: expected a "rules:" list',
    prhRuleNotMapping: 'a prh rule must be a mapping',
    prhNoExpected: 'a prh rule needs "expected"',
    prhRegexReplacement: 'rule with expected "{{expected}}" uses regular-expression replacement; skipped',
    prhPatternNotString: 'pattern is not a string; skipped',
    prhRegexPattern: 'regular expression {{pattern}} cannot become a glossary term (only literals and | can); skipped',

    // Interchange: import conflicts
    conflictTermOwned: 'term {{term}} belongs to concept "{{id}}"',
    conflictExists: 'concept "{{id}}" exists and {{difference}}',
    conflictImportedTwice: 'term {{term}} is also in imported concept "{{id}}" ({{at}})',
    conflictRule: 'the rule for "{{expected}}" has the same pattern {{pattern}} as the rule for "{{other}}" ({{at}})',
    conflictIdTwice: 'id "{{id}}" appears twice in the imported file',
    differsTermMissing: '{{lng}} term "{{term}}" is not in it',
    differsStatus: '{{lng}} "{{term}}" is {{there}} there, {{here}} here',
    differsFormMissing: '{{lng}} form "{{form}}" is not in it',
    differsTranslate: 'translate is {{there}} there, {{here}} here',
    differsField: 'its {{field}} differs',
    differsOther: 'they differ',
  },
  ja: {
    folderIsFile: '用語集フォルダがファイルになっています: {{dir}}',
    exampleNoMatch: '概念 "{{id}}" の例文に用語が見つかりません: {{sentence}}',
    exampleNoMatchFound: '概念 "{{id}}" の例文に用語が見つかりません: {{sentence}}(見つかったのは {{found}})',
    exampleMustNotMatch: '概念 "{{id}}" の例文には一致してはいけないのに "{{surface}}" が一致します: {{sentence}}',
    listSeparator: '、',

    'what.glossaryFile': '用語集ファイル',
    'what.concept': '概念',
    'what.field': '{{name}} の値',
    'what.termIn': '{{lng}} の用語',
    'what.formIn': '{{lng}} の語形',
    'what.example': '例文',
    'kind.boolean': '真偽値',
    'kind.number': '数値',
    'kind.null': 'null',

    mustBeMapping: '{{what}}はマッピング(キー: 値)でなければなりません',
    mustBeString: '{{what}}は文字列でなければなりません',
    isEmpty: '{{what}}が空です',
    mustBeStringNot: '{{what}}は文字列でなければなりません。{{kind}} {{value}} になっています(文字列にするには "{{value}}" と引用符で囲んでください)',
    mustBeBoolean: '{{what}}は true か false でなければなりません',
    unknownLanguage: '不明な言語コード "{{lng}}"',
    unknownLanguageInForms: 'forms に不明な言語コード "{{lng}}"',
    unconfiguredLanguage: '不明な言語コード "{{lng}}"(設定されている言語: {{configured}})',
    unknownRuleField: 'ルールに不明なフィールド "{{field}}"(ルールに書けるのは expected、pattern、patterns、regexpMustEmpty、wordBoundary、insideWords、note、specs です)',
    rulesNotList: '"rules" はルールのリストにしてください',
    ruleNoExpected: 'ルールには "expected" が必要です',
    ruleBadPattern: 'パターンが正しくありません: {{error}}',
    ruleEmptyPattern: 'パターンを空にはできません',
    ruleMustEmpty: 'regexpMustEmpty は $1 のようなグループ参照にしてください("{{value}}" ではなく)',
    ruleMustEmptyGroup: 'regexpMustEmpty {{value}} のグループはパターンにありません',
    ruleSpecFields: 'spec は { from, to } で書いてください',
    ruleUnsafe: 'パターン /{{pattern}}/ は破滅的なバックトラックを起こしうる(量指定子を含むグループに量指定子が付いている)ため、長い段落で止まってしまいます。書き直してください(yakugo glossary lint: glossary/regex-unsafe)',
    ruleSpecFails: '"{{expected}}" のルールの spec が通りません: "{{from}}" が "{{to}}" ではなく "{{got}}" になります',
    unknownTopField: '不明なフィールド "{{field}}"(用語集ファイルに書けるのは "concepts:" と "rules:" です)',
    conceptsNotList: '"concepts" は概念のリストでなければなりません',
    invalidId: '不正な ID "{{id}}": 小文字の英字、数字と . + - だけを使ってください(例: physical-ai)',
    unknownConceptField: '概念に不明なフィールド "{{field}}"',
    noId: '概念に id がありません',
    noSourceTerm: '概念 "{{id}}" に {{lng}} の用語がありません',
    noTerm: '{{lng}} の用語がありません',
    unknownStatus: '不明な status "{{status}}"({{statuses}} のどれかを使ってください)',
    unknownTermField: '用語に不明なフィールド "{{field}}"(term と status が使えます)',
    termWithoutText: '{{lng}} の用語に "term:" がありません',
    twoPreferred: '{{lng}} の優先用語(preferred)が 2 つあります',
    termTwice: '{{lng}} の用語 "{{term}}" が 2 回挙げられています',
    unknownExamplesField: 'examples に不明なフィールド "{{field}}"(match と noMatch が使えます)',
    duplicateId: '重複した概念 ID "{{id}}"(最初は {{first}})',
    termOfOtherConcept: '{{lng}} の用語 "{{term}}" はすでに概念 "{{owner}}" の用語です({{at}})',
    unknownPlace: '場所不明',

    invalidYaml: 'YAML として読めません: {{detail}}',
    yamlUnexpectedEnd: 'YAML として読めません: 途中で終わっています',
    yamlUnexpectedEvent: 'YAML として読めません: 予期しない構造です',
    keysPlain: 'キーは普通の文字列でなければなりません',
    duplicateKey: 'キー "{{key}}" が重複しています',
    noAliases: '用語集ファイルではエイリアス(*name)は使えません',
    noAnchors: '用語集ファイルではアンカー(&name)は使えません',
    noTags: '用語集ファイルではタグ(!tag)は使えません',
    tagUnsupported: '用語集ファイルではタグ {{tag}} は使えません',
    oneDocument: '用語集ファイルに書ける YAML 文書は 1 つだけです',

    unknownFormat: '不明な形式 "{{format}}"({{formats}} のどれかを指定してください)',
    formatUnknownFor: '{{file}} の形式が判断できません。--format {{formats}} を指定してください',

    unterminatedQuote: '引用符で囲んだフィールドが閉じていません',
    afterQuote: '引用符で囲んだフィールドの後に予期しない文字があります: {{char}}',
    noHeader: '空のファイルです。言語コードを並べた見出し行が必要です',
    unknownColumn: '不明な列 "{{name}}": 言語コード(en、zh-Hans など)か {{columns}} のどれかでなければなりません',
    columnTwice: '列 "{{name}}" が 2 回出てきます',
    noSourceColumn: '"{{lng}}" の列がありません。見出し行には原文の言語の列が必要です',
    rowTooLong: 'この行のフィールドは {{fields}} 個ですが、見出し行は {{columns}} 個です',
    unknownCsvStatus: '不明な status "{{status}}"({{statuses}} のどれかでなければなりません)',
    invalidCsvId: '不正な ID "{{id}}": ID は {{pattern}} に一致しなければなりません',
    sourceForm: '原文の言語の列にある form は許容用語(admitted)として読み込みます',

    invalidXml: 'XML として読めません: {{detail}}',
    entityDoctype: '実体を宣言している DOCTYPE は受け付けません',
    noRootElement: 'XML として読めません: ルート要素がありません',
    notTbxRoot: 'TBX ファイルではありません: ルート要素が <{{name}}> です(<tbx> か <martif> のはずです)',
    notTbxBody: 'TBX ファイルではありません: <text><body> がありません',
    entryIdNotGlossaryId: '項目の ID "{{id}}" は用語集の ID({{pattern}})になりません。ID は用語から作ります',
    noXmlLang: 'xml:lang のない {{element}} を読み飛ばしました',
    noTermElement: '<term> のない <{{element}}> を読み飛ばしました',
    unknownAdminStatus: '不明な administrativeStatus "{{value}}" は admitted として読み込みます',

    prhNotMapping: 'prh の辞書ではありません: version と rules を持つマッピングが必要です',
    prhVersion: 'prh の辞書ではありません: "version: 1" が必要です',
    prhImports: 'imports: はたどりません。prh ファイルは 1 つずつ取り込んでください',
    prhImportUnread: 'imports: の {{path}} は取り込んでいません: {{reason}}',
    prhRuleKeptAsRule: '"{{term}}" はすでに {{at}} のルールの用語です: このルールは用語ではなくソースルールとして取り込みます',
    prhImportNoReader: 'imports はディスク上のファイルからしかたどれません',
    prhTargets: 'targets:(prh が検査するファイルとその範囲)は取り込みません: yakugo は記事の本文だけを検査し、コード・URL・リンク先は検査しません',
    prhNoRules: 'prh の辞書ではありません: "rules:" のリストが必要です',
    prhRuleNotMapping: 'prh のルールはマッピングでなければなりません',
    prhNoExpected: 'prh のルールには "expected" が必要です',
    prhRegexReplacement: 'expected が "{{expected}}" のルールは正規表現による置換を使っているため読み飛ばしました',
    prhPatternNotString: 'pattern が文字列ではないため読み飛ばしました',
    prhRegexPattern: '正規表現 {{pattern}} は用語集の用語にできないため読み飛ばしました(用語にできるのは文字どおりの文字列と | だけです)',

    conflictTermOwned: '用語 {{term}} は概念 "{{id}}" のものです',
    conflictExists: '概念 "{{id}}" がすでにありますが、{{difference}}',
    conflictImportedTwice: '用語 {{term}} は取り込む概念 "{{id}}" にもあります({{at}})',
    conflictRule: '"{{expected}}" のルールのパターン {{pattern}} は "{{other}}" のルールと同じです({{at}})',
    conflictIdTwice: 'ID "{{id}}" が取り込むファイルに 2 回出てきます',
    differsTermMissing: '{{lng}} の用語 "{{term}}" が既存の概念にありません',
    differsStatus: '{{lng}} の "{{term}}" が既存の概念では {{there}}、取り込むファイルでは {{here}} です',
    differsFormMissing: '{{lng}} の語形 "{{form}}" が既存の概念にありません',
    differsTranslate: 'translate が既存の概念では {{there}}、取り込むファイルでは {{here}} です',
    differsField: '{{field}} が既存の概念と異なります',
    differsOther: '内容が既存の概念と異なります',
  },
});

/**
 * What a field message is about, resolved only when an error is raised: the loader reads every term of a
 * large glossary through the same checks, and translating a label per term would cost more than parsing.
 */
export interface Label {
  key: 'glossaryFile' | 'concept' | 'field' | 'termIn' | 'formIn' | 'example';
  name?: string;
  lng?: string;
}

export function labelText(label: Label): string {
  return glossaryMessage(`what.${label.key}`, { name: label.name, lng: label.lng });
}

/** Items joined as a list of the UI language: `a, b, c` or `a、b、c`. */
export function listText(items: Iterable<string>): string {
  return [...items].join(glossaryMessage('listSeparator'));
}
