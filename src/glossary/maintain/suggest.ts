import type { Project } from '../../config/load.js';
import type { TextRun } from '../../markdown/types.js';
import { listArticles, loadArticle } from '../../project/articles.js';
import { sourceTermKey } from '../load/parse.js';
import type { Matcher } from '../match.js';
import { normalizeWithMap, originalRange } from '../normalize.js';
import { SOURCE_LANGUAGE } from '../terms.js';
import type { Token, Tokenizer } from '../tokenizer.js';
import type { Glossary } from '../types.js';

/**
 * Term candidates, TermExtract-style (Nakagawa & Mori 2003, "Automatic term recognition based on
 * statistics of compound nouns and their components"):
 *
 * 1. each prose run is normalized (NFKC; spaces next to Japanese dropped, so `フィジカル AI` is
 *    `フィジカルAI`) and tokenized by kuromoji;
 * 2. tokens become units: a Latin name with its versions and symbols (`GPT-4o`, `S&P 500`,
 *    `Claude Sonnet 3.5`) is one unit; nouns (一般, 固有名詞, サ変接続, 形容動詞語幹), unknown words,
 *    noun prefixes (接頭詞-名詞接続: 大, 低, 最), noun suffixes and numbers join into compound nouns;
 * 3. a compound is trimmed at both ends: no leading suffix or number, no trailing prefix, number or
 *    function-like suffix (的, 氏, 時, 中, 未満, counters such as 年, ドル) or qualifying noun (自体, 自身,
 *    全体). Suffixes that make a new
 *    concept stay (性, 力, 者, 率, 型 …); `化` stays after a katakana or Latin stem (エージェント化,
 *    AI 化: coinages that need a translation) and goes after a kanji one (長期化, 厳格化: general words);
 * 4. score = FLR: frequency of the compound (as a maximal compound) × the geometric mean over its units
 *    of (left connectivity + 1)(right connectivity + 1), connectivity being how often other units stand
 *    directly left or right of that unit in all compounds;
 * 5. single-unit candidates are kept only when they look like terms rather than general vocabulary:
 *    Latin names, katakana words, unknown words and proper nouns;
 * 6. a candidate the glossary already covers in any variant (after normalization, long vowels,
 *    inflection: whatever the matcher matches) never appears.
 */

export interface Candidate {
  /** The candidate as most often written in the sources (`フィジカル AI`). */
  term: string;
  /** Normalized form, the identity of the candidate. */
  key: string;
  score: number;
  frequency: number;
  /** Article ids where it occurs, sorted. */
  articles: string[];
  /** The first sentence it occurs in, and where in that sentence (UTF-16 offsets). */
  example: { article: string; sentence: string; start: number; end: number };
  /** The units the compound is made of (for the score; also useful to build an id). */
  parts: string[];
  /** Kuromoji readings of the parts, katakana (undefined where unknown). */
  readings: Array<string | undefined>;
}

type UnitKind = 'noun' | 'latin' | 'prefix' | 'suffix' | 'number' | 'dot';

interface Unit {
  kind: UnitKind;
  /** Normalized text of the unit. */
  text: string;
  /** Offsets in the normalized text. */
  start: number;
  end: number;
  reading: string | undefined;
  /** A katakana-only unit. */
  katakana: boolean;
  /** Proper noun or unknown word (a name). */
  name: boolean;
  /** A 形容動詞語幹 (必要, 可能): with a suffix it makes general words (必要性, 可能性). */
  adjectival?: boolean;
  /** Offset in the original text where the unit starts, to see the spaces the writer put. */
  spaceBefore?: boolean;
}

/** A Latin name: words of letters/digits/symbols joined by single spaces when the next word is capitalized or a version. */
const LATIN_TAIL = String.raw`(?:[A-Za-z0-9&+\-_]|\.(?=[A-Za-z0-9]))*`;
const LATIN_NAME = new RegExp(String.raw`(?<![A-Za-z0-9&.+\-_])[A-Za-z0-9]${LATIN_TAIL}(?: [A-Z0-9]${LATIN_TAIL})*`, 'g');

const NOUN_POS1 = new Set(['一般', '固有名詞', 'サ変接続', '形容動詞語幹', 'ナイ形容詞語幹']);
/** Suffixes that make a new term and stay at the end of a compound (競争力, 必要性, 利用者). */
const KEPT_SUFFIXES = new Set(['性', '力', '者', '率', '型', '式', '法', '論', '学', '業', '権', '網', '機', '器', '費', '額', '量', '値', '層', '界', '系', '症', '剤', '書', '帯', '圏', '場', '所', '局', '庁', '省', '部', '課', '会', '党', '団', '家', '化']);
/** Nouns that only qualify what precedes them (考え方自体, DeepSeek 自身): dropped at the end of a compound. */
const TRAILING_FUNCTION_NOUNS = new Set(['自体', '自身', '全体', '同士', '以外', '以上', '以下', '未満', '同様', '関連', '向け', '中心']);
const KATAKANA = /^[\u30a0-\u30ff・ー]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A mixed-case Latin name (DeepSeek, Microsoft), as opposed to an acronym (AI, LLM). */
const MIXED_CASE_NAME = /^(?=.*\p{Lu})(?=.*\p{Ll})/u;

function unitOf(token: Token): Unit | undefined {
  const base = { text: token.surface, start: token.start, end: token.end, reading: token.reading, katakana: KATAKANA.test(token.surface), name: token.pos1 === '固有名詞' || !token.known };
  // 対 in 対中輸出規制 is a 名詞-接続詞的 that works like a prefix.
  if ((token.pos === '接頭詞' && token.pos1 === '名詞接続') || (token.pos === '名詞' && token.pos1 === '接続詞的')) return { ...base, kind: 'prefix' };
  if (token.pos === '記号' && token.surface === '・') return { ...base, kind: 'dot' };
  if (token.pos !== '名詞') return undefined;
  if (token.pos1 === '数') return { ...base, kind: 'number' };
  if (token.pos1 === '接尾') return { ...base, kind: 'suffix' };
  // Brackets and other ASCII symbols come out of kuromoji as nouns: a noun has a letter or digit.
  if (!LETTER_OR_DIGIT.test(token.surface)) return undefined;
  if (NOUN_POS1.has(token.pos1) || !token.known) return { ...base, kind: 'noun', adjectival: token.pos1 === '形容動詞語幹' };
  return undefined;
}

/** Units of a normalized text: tokens, with every Latin name merged into one unit. */
export function unitsOf(text: string, tokens: Token[]): Array<Unit | undefined> {
  const names: Array<[number, number]> = [];
  const tokenAt = new Map(tokens.map((token) => [token.start, token]));
  for (const match of text.matchAll(LATIN_NAME)) {
    let value = match[0].replace(/[.\-_&]+$/, '');
    // A number followed by a counter is a quantity, not a version: GPU 1 枚, H100 8 基.
    const quantity = / [0-9][0-9.]*$/.exec(value);
    if (quantity && tokenAt.get(match.index + value.length)?.pos1 === '接尾') value = value.slice(0, quantity.index);
    if (/[A-Za-z]/.test(value)) names.push([match.index, match.index + value.length]);
  }
  const units: Array<Unit | undefined> = [];
  let name = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    while (name < names.length && names[name]![1] <= token.start) name++;
    const span = names[name];
    if (span && token.start >= span[0] && token.start < span[1]) {
      const surface = text.slice(span[0], span[1]);
      units.push({ kind: 'latin', text: surface, start: span[0], end: span[1], reading: undefined, katakana: false, name: true });
      while (i + 1 < tokens.length && tokens[i + 1]!.start < span[1]) i++;
      name++;
      continue;
    }
    units.push(unitOf(token));
  }
  return units;
}

/** A trailing suffix that belongs to the term (see the module comment for 化). */
function keepsSuffix(unit: Unit, before: Unit | undefined): boolean {
  if (!KEPT_SUFFIXES.has(unit.text)) return false;
  if (unit.text === '化') return before !== undefined && (before.katakana || before.kind === 'latin');
  return true;
}

/** Trims a run of joinable units to a compound noun; empty when nothing term-like is left. */
export function trimCompound(units: Unit[]): Unit[] {
  let start = 0;
  let end = units.length;
  for (;;) {
    const first = units[start];
    const last = units[end - 1];
    if (!first || !last || start >= end) return [];
    if (first.kind === 'suffix' || first.kind === 'number' || first.kind === 'dot') start++;
    else if (last.kind === 'prefix' || last.kind === 'number' || last.kind === 'dot') end--;
    else if (last.kind === 'suffix' && !keepsSuffix(last, units[end - 2])) end--;
    else if (end - start > 1 && TRAILING_FUNCTION_NOUNS.has(last.text)) end--;
    else break;
  }
  const compound = units.slice(start, end);
  // 必要性, 可能性: an adjectival noun with a suffix is general vocabulary, not a term.
  if (compound.length === 2 && compound[0]!.adjectival && compound[1]!.kind === 'suffix') return [];
  return compound.some((unit) => unit.kind === 'noun' || unit.kind === 'latin') ? compound : [];
}

/** Compound nouns of one normalized text, as unit lists. */
export function compoundsOf(text: string, tokens: Token[], spaceBefore: (offset: number) => boolean = () => false): Unit[][] {
  const compounds: Unit[][] = [];
  let current: Unit[] = [];
  const flush = () => {
    const compound = trimCompound(current);
    if (compound.length > 0) compounds.push(compound);
    current = [];
  };
  for (const unit of unitsOf(text, tokens)) {
    if (!unit) flush();
    else {
      // A prefix starts a new compound (低コスト in 驚異的な低コスト); a dot joins only katakana names.
      if (unit.kind === 'prefix' && current.length > 0 && current.at(-1)!.kind !== 'prefix') flush();
      // A name written after a space starts its own compound: AI スタートアップ | DeepSeek, while an acronym
      // joins what precedes it (フィジカル AI).
      if (unit.kind === 'latin' && current.length > 0 && MIXED_CASE_NAME.test(unit.text) && spaceBefore(unit.start)) flush();
      current.push(unit);
    }
  }
  flush();
  return compounds;
}

/** Whether a one-unit candidate looks like a term rather than general vocabulary. */
function termLikeSingle(unit: Unit): boolean {
  return unit.kind === 'latin' || unit.katakana || unit.name;
}

interface Occurrence {
  article: string;
  run: TextRun;
  /** Original offsets in the run text. */
  start: number;
  end: number;
}

interface Tally {
  key: string;
  units: Unit[];
  surfaces: Map<string, number>;
  occurrences: Occurrence[];
}

/** The sentence of `text` around [start, end), with the offsets inside it. */
function sentenceAround(text: string, start: number, end: number): { sentence: string; start: number; end: number } {
  const boundary = /[。！？!?\n]/u;
  let from = start;
  while (from > 0 && !boundary.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !boundary.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++;
  const lead = text.slice(from, to).length - text.slice(from, to).trimStart().length;
  const sentence = text.slice(from + lead, to).trimEnd();
  return { sentence, start: start - from - lead, end: end - from - lead };
}

/** Ranked candidates from the prose of `articles` (article id + text runs). */
export function suggestFromRuns(articles: Array<{ id: string; runs: TextRun[] }>, tokenizer: Tokenizer, isKnown: (term: string) => boolean): Candidate[] {
  const tallies = new Map<string, Tally>();
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  const unitKey = (unit: Unit) => sourceTermKey(unit.text);
  for (const article of articles) {
    for (const run of article.runs) {
      const normalized = normalizeWithMap(run.text);
      const tokens = tokenizer.tokenize(normalized.text);
      // Spaces are gone from the normalized text next to Japanese; look at the original for them.
      const spaceBefore = (offset: number) => offset > 0 && /\s/u.test(run.text[normalized.starts[offset]! - 1] ?? '');
      for (const units of compoundsOf(normalized.text, tokens, spaceBefore)) {
        const first = units[0]!;
        const last = units.at(-1)!;
        const key = sourceTermKey(normalized.text.slice(first.start, last.end));
        for (let i = 0; i < units.length; i++) {
          if (i > 0) left.set(unitKey(units[i]!), (left.get(unitKey(units[i]!)) ?? 0) + 1);
          if (i < units.length - 1) right.set(unitKey(units[i]!), (right.get(unitKey(units[i]!)) ?? 0) + 1);
        }
        const { start, end } = originalRange(normalized, first.start, last.end);
        const surface = run.text.slice(start, end);
        let tally = tallies.get(key);
        if (!tally) {
          tally = { key, units, surfaces: new Map(), occurrences: [] };
          tallies.set(key, tally);
        }
        tally.surfaces.set(surface, (tally.surfaces.get(surface) ?? 0) + 1);
        tally.occurrences.push({ article: article.id, run, start, end });
      }
    }
  }
  const candidates: Candidate[] = [];
  for (const tally of tallies.values()) {
    if (tally.units.length === 1 && !termLikeSingle(tally.units[0]!)) continue;
    if ([...tally.key].length < 2) continue;
    const term = [...tally.surfaces].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
    if (isKnown(term)) continue;
    let logSum = 0;
    for (const unit of tally.units) logSum += Math.log((left.get(unitKey(unit)) ?? 0) + 1) + Math.log((right.get(unitKey(unit)) ?? 0) + 1);
    const frequency = tally.occurrences.length;
    const score = frequency * Math.exp(logSum / (2 * tally.units.length));
    const firstOccurrence = tally.occurrences[0]!;
    const { sentence, start, end } = sentenceAround(firstOccurrence.run.text, firstOccurrence.start, firstOccurrence.end);
    candidates.push({
      term,
      key: tally.key,
      score: Math.round(score * 100) / 100,
      frequency,
      articles: [...new Set(tally.occurrences.map((occurrence) => occurrence.article))].sort(),
      example: { article: firstOccurrence.article, sentence, start, end },
      parts: tally.units.map((unit) => unit.text),
      readings: tally.units.map((unit) => unit.reading),
    });
  }
  return candidates.sort((a, b) => b.score - a.score || b.frequency - a.frequency || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * True when the glossary already covers `term`: one of its Japanese terms is the same after
 * normalization, or the matcher finds one concept covering the whole candidate (long-vowel and
 * inflected variants).
 */
export function glossaryCovers(glossary: Glossary, matcher: Matcher): (term: string) => boolean {
  const keys = new Set<string>();
  for (const concept of glossary.concepts) for (const term of concept.terms[SOURCE_LANGUAGE] ?? []) keys.add(sourceTermKey(term.text));
  return (term) => {
    if (keys.has(sourceTermKey(term))) return true;
    const matches = matcher.find(term);
    return matches.length === 1 && matches[0]!.start === 0 && matches[0]!.end === term.length;
  };
}

/** Candidates from every source article of the project. */
export function suggestForProject(project: Project, glossary: Glossary, matcher: Matcher, tokenizer: Tokenizer, files?: string[]): Candidate[] {
  const articles = (files ?? listArticles(project)).map((file) => {
    const article = loadArticle(project, file);
    return { id: article.id, runs: article.segments.flatMap((segment) => segment.runs) };
  });
  return suggestFromRuns(articles, tokenizer, glossaryCovers(glossary, matcher));
}
