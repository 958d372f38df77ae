import { type Argument, type Command, Help, type Option } from 'commander';
import { displayWidth } from '../check/formatters/stylish.js';
import { defineMessages } from '../util/i18n.js';

/**
 * Commander writes its own words: help titles (`Usage:`, `Options:`…), `(default: …)` after an option, and
 * its parse errors (`error: unknown option '--x'`). Under a Japanese locale they are said in Japanese too,
 * so the UI has no English left; in English they stay exactly as commander writes them.
 */
const t = defineMessages('commander', {
  en: {
    titleUsage: 'Usage:',
    titleOptions: 'Options:',
    titleCommands: 'Commands:',
    titleArguments: 'Arguments:',
    titleGlobalOptions: 'Global Options:',
    options: '[options]',
    command: '[command]',
    default: 'default:',
    choices: 'choices:',
    unknownOption: "error: unknown option '{{option}}'",
    unknownCommand: "error: unknown command '{{command}}'",
    missingArgument: "error: missing required argument '{{argument}}'",
    optionMissingArgument: "error: option '{{option}}' argument missing",
    mandatoryOption: "error: required option '{{option}}' not specified",
    excessArguments: 'error: too many arguments{{where}}. Expected {{expected}} argument(s) but got {{received}}.',
    excessWhere: " for '{{command}}'",
    didYouMean: '(Did you mean {{suggestion}}?)',
    didYouMeanOneOf: '(Did you mean one of {{suggestions}}?)',
    error: 'error: {{message}}',
  },
  ja: {
    titleUsage: '使い方:',
    titleOptions: 'オプション:',
    titleCommands: 'コマンド:',
    titleArguments: '引数:',
    titleGlobalOptions: '共通のオプション:',
    options: '[オプション]',
    command: '[コマンド]',
    default: '既定:',
    choices: '選択肢:',
    unknownOption: "エラー: 不明なオプション '{{option}}'",
    unknownCommand: "エラー: 不明なコマンド '{{command}}'",
    missingArgument: "エラー: 必須の引数 '{{argument}}' がありません",
    optionMissingArgument: "エラー: オプション '{{option}}' に値がありません",
    mandatoryOption: "エラー: 必須のオプション '{{option}}' が指定されていません",
    excessArguments: 'エラー: 引数が多すぎます{{where}}。{{expected}} 個のところ {{received}} 個あります。',
    excessWhere: "('{{command}}')",
    didYouMean: '(もしかして {{suggestion}} ですか?)',
    didYouMeanOneOf: '(もしかして {{suggestions}} のどれかですか?)',
    error: 'エラー: {{message}}',
  },
});

const TITLES = new Map([
  ['Usage:', 'titleUsage'],
  ['Options:', 'titleOptions'],
  ['Commands:', 'titleCommands'],
  ['Arguments:', 'titleArguments'],
  ['Global Options:', 'titleGlobalOptions'],
]);

/** `(default: "stylish", choices: …)` as commander appends it, with its words in the UI language. */
function localizeExtra(description: string): string {
  return description.replace(/\((?:(?:choices|default): [^)]*)\)$/, (extra) =>
    extra.replace(/(\(|, )(default|choices):/g, (_all, before: string, word: string) => `${before}${t(word)}`),
  );
}

/** `[options]` and `[command]` in a usage line. */
function localizeSyntax(usage: string): string {
  return usage.replace('[options]', t('options')).replace('[command]', t('command'));
}

/** Commander's parse errors, recognised by their fixed English wording, in the UI language. */
export function localizeCommanderError(text: string): string {
  const patterns: Array<[RegExp, (match: RegExpExecArray) => string]> = [
    [/^error: unknown option '([^']*)'/, (m) => t('unknownOption', { option: m[1] })],
    [/^error: unknown command '([^']*)'/, (m) => t('unknownCommand', { command: m[1] })],
    [/^error: missing required argument '([^']*)'/, (m) => t('missingArgument', { argument: m[1] })],
    [/^error: option '([^']*)' argument missing/, (m) => t('optionMissingArgument', { option: m[1] })],
    [/^error: required option '([^']*)' not specified/, (m) => t('mandatoryOption', { option: m[1] })],
    [
      /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./,
      (m) => t('excessArguments', { where: m[1] ? t('excessWhere', { command: m[1] }) : '', expected: m[2], received: m[3] }),
    ],
    [/^\(Did you mean one of ([^?]*)\?\)/, (m) => t('didYouMeanOneOf', { suggestions: m[1] })],
    [/^\(Did you mean ([^?]*)\?\)/, (m) => t('didYouMean', { suggestion: m[1] })],
    [/^error: (.*)$/, (m) => t('error', { message: m[1] })],
  ];
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, say] of patterns) {
        const match = pattern.exec(line);
        if (match) return say(match) + line.slice(match[0].length);
      }
      return line;
    })
    .join('\n');
}

/** Applies the UI language to commander's help and errors on `command` and every subcommand. */
export function localizeCommander(command: Command): void {
  command.configureHelp({
    // Japanese takes two columns a character: commander's own count (one) would misalign the columns.
    displayWidth: (text: string) => displayWidth(text.replace(/\x1b\[[0-9;]*m/g, '')),
    styleTitle: (title: string) => {
      const key = TITLES.get(title);
      return key ? t(key) : title;
    },
    commandUsage(this: Help, cmd: Command) {
      return localizeSyntax(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return localizeSyntax(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(this: Help, option: Option) {
      return localizeExtra(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Argument) {
      return localizeExtra(Help.prototype.argumentDescription.call(this, argument));
    },
  });
  command.configureOutput({ outputError: (text, write) => write(localizeCommanderError(text)) });
  for (const sub of command.commands) localizeCommander(sub);
}
