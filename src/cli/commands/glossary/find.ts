import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { displayWidth } from '../../../check/formatters/stylish.js';
import { loadProjectGlossary } from '../../../glossary/load.js';
import { createMatcher, type Matcher } from '../../../glossary/match.js';
import type { Concept, Term } from '../../../glossary/types.js';
import { segmentMarkdown } from '../../../markdown/segment.js';
import { YakugoError } from '../../../util/errors.js';
import { readTextFile } from '../../../util/fs.js';
import type { CliContext } from '../../context.js';
import { cliContext } from '../../context.js';
import { defineMessages } from '../../../util/i18n.js';
import { LineIndex } from '../../../util/lines.js';

const t = defineMessages('glossary-find', {
  en: {
    description: 'print every occurrence of a glossary term in a Markdown file (its text only) or in plain text from stdin (-)',
    file: 'a Markdown file, or - to read plain text from stdin',
    format: 'output format',
    as: 'read the input as Markdown or as plain text (default: text for stdin and *.txt, Markdown otherwise)',
    notFound: 'file not found: {{file}}',
    notUtf8: 'not UTF-8',
    summary: '{{count}} occurrence(s) of {{concepts}} concept(s)',
    none: 'no glossary terms found',
  },
  ja: {
    description: 'Markdown ファイル(本文のみ)または標準入力(-)のテキストから用語集の用語をすべて探して表示する',
    file: 'Markdown ファイル。- なら標準入力のプレーンテキスト',
    format: '出力形式',
    as: '入力を Markdown とプレーンテキストのどちらとして読むか(既定: 標準入力と *.txt はテキスト、それ以外は Markdown)',
    notFound: 'ファイルがありません: {{file}}',
    notUtf8: 'UTF-8 ではありません',
    summary: '{{concepts}} 概念、{{count}} 箇所',
    none: '用語集の用語は見つかりませんでした',
  },
});

/** One occurrence of a glossary term in the input file. Offsets are UTF-16 code units of the file. */
export interface Occurrence {
  concept: Concept;
  term: Term;
  surface: string;
  offset: number;
  length: number;
  line: number;
  column: number;
}

interface FindOptions {
  format: 'stylish' | 'json';
  as?: 'markdown' | 'text';
}

export function register(group: Command): void {
  group
    .command('find')
    .description(t('description'))
    .argument('<file>', t('file'))
    .addOption(new Option('--format <format>', t('format')).choices(['stylish', 'json']).default('stylish'))
    .addOption(new Option('--as <kind>', t('as')).choices(['markdown', 'text']))
    .action(async (file: string, options: FindOptions, command: Command) => {
      const context = cliContext(command);
      const input = file === '-' ? { shown: '<stdin>', text: await readStdin() } : readInput(context, file);
      const markdown = options.as ? options.as === 'markdown' : file !== '-' && !/\.txt$/i.test(file);
      const matcher = await createMatcher(await loadProjectGlossary(context.project));
      const occurrences = findOccurrences(matcher, input.text, { markdown, frontMatter: context.project.config.frontMatter, file: input.shown });
      context.stdout.write(
        options.format === 'json'
          ? formatJson(occurrences, input.shown)
          : formatStylish(occurrences, input.shown, input.text, context.isTTY ? context.colors : undefined),
      );
    });
}

function readInput(context: CliContext, file: string): { shown: string; text: string } {
  const absolute = resolve(file);
  const inRoot = relative(context.project.root, absolute);
  const shown = inRoot.startsWith('..') ? file : inRoot.split(sep).join('/');
  if (!existsSync(absolute)) throw new YakugoError(t('notFound', { file }));
  return { shown, text: readTextFile(absolute, shown) };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new YakugoError(t('notUtf8'), { file: '<stdin>' });
  }
}

/**
 * Every occurrence in a document: for Markdown only its prose (text and alt text of headings, paragraphs,
 * table cells and the translated front-matter fields; never code, HTML or URLs), for plain text all of it
 * except URLs.
 */
export function findOccurrences(matcher: Matcher, text: string, options: { markdown: boolean; frontMatter: string[]; file?: string }): Occurrence[] {
  const spans = options.markdown
    ? matcher
        .findInRuns(segmentMarkdown(text, { frontMatter: options.frontMatter, file: options.file }).segments.flatMap((segment) => segment.runs))
        .map((match) => ({ ...match, start: match.fileStart, end: match.fileEnd }))
    : matcher.find(text);
  const lines = new LineIndex(text);
  return spans.map((match) => {
    const { line, column } = lines.place(match.start);
    return {
      concept: match.concept,
      term: match.term,
      surface: text.slice(match.start, match.end),
      offset: match.start,
      length: match.end - match.start,
      line,
      column,
    };
  });
}


export function formatJson(occurrences: Occurrence[], file: string): string {
  const rows = occurrences.map((found) => ({
    concept: found.concept.id,
    surface: found.surface,
    file,
    line: found.line,
    column: found.column,
    offset: found.offset,
    length: found.length,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

type Colors = CliContext['colors'];

/**
 * `file:line:column  concept  surface`, then the sentence with the term marked: in colour on a terminal,
 * otherwise between 【 and 】 (the bracket Japanese text uses for emphasis, so the line stays readable).
 */
export function formatStylish(occurrences: Occurrence[], file: string, text: string, colors: Colors | undefined): string {
  if (occurrences.length === 0) return `${t('none')}\n`;
  const places = occurrences.map((found) => `${file}:${found.line}:${found.column}`);
  // reduce, not Math.max(...): a long file can have more occurrences than a call takes arguments.
  const placeWidth = places.reduce((widest, place) => Math.max(widest, place.length), 0);
  const idWidth = occurrences.reduce((widest, found) => Math.max(widest, displayWidth(found.concept.id)), 0);
  const lines: string[] = [];
  occurrences.forEach((found, index) => {
    const place = places[index]!.padEnd(placeWidth);
    const id = found.concept.id.padEnd(idWidth);
    const status = found.term.status === 'deprecated' || found.term.status === 'forbidden' ? ` (${found.term.status})` : '';
    lines.push(`${colors ? colors.dim(place) : place}  ${colors ? colors.cyan(id) : id}  ${found.surface}${status}`);
    lines.push(`    ${sentenceAround(text, found.offset, found.offset + found.length, colors)}`);
  });
  const concepts = new Set(occurrences.map((found) => found.concept.id)).size;
  lines.push('', t('summary', { count: occurrences.length, concepts }));
  return `${lines.join('\n')}\n`;
}

const SENTENCE_END = /[。！？!?\n]/;
const CONTEXT = 40;

/** The sentence (at most CONTEXT characters either side) around [start, end), the term marked. */
export function sentenceAround(text: string, start: number, end: number, colors?: Colors): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!) && start - from < CONTEXT) from--;
  let to = end;
  while (to < text.length && text[to] !== '\n' && to - end < CONTEXT) {
    to++;
    if (SENTENCE_END.test(text[to - 1]!)) break;
  }
  // Never cut a surrogate pair (𠮷) in half.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  const before = (from > 0 && !SENTENCE_END.test(text[from - 1]!) ? '…' : '') + text.slice(from, start).trimStart();
  const after = text.slice(end, to).trimEnd() + (to < text.length && !SENTENCE_END.test(text[to - 1]!) && text[to] !== '\n' ? '…' : '');
  const term = text.slice(start, end);
  return `${before}${colors ? colors.bold(colors.yellow(term)) : `【${term}】`}${after}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
