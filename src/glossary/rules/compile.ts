/**
 * Regular expressions of source rules, built exactly as prh 5 builds them (lib/utils/regexp.js,
 * lib/rule.js), so a prh dictionary means the same thing here:
 *
 * - a pattern written `/body/flags` (flags among g, i, m, y) is that regular expression; any other string
 *   is matched literally (prh fails on a literal with - or ¥; yakugo matches it);
 * - a rule without a pattern matches its `expected` with every ASCII letter or digit also accepted in the
 *   other case and in full width (`jQuery` matches `jquery` and `ｊＱｕｅｒｙ`);
 * - `wordBoundary` wraps each pattern in `\b…\b`;
 * - several patterns are one alternation `(?:a|b)`, and must share their flags;
 * - the result always has the flags g, m and u, plus i when the pattern had it.
 */

const REGEX_STRING = /^\/(.*)\/([gimy]*)$/;
const HALF_WIDTH = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const FULL_WIDTH = 'ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ０１２３４５６７８９';
// prh's list without - and ¥: prh escapes those too, which with the u flag makes a literal such as
// `O-Rマッパー` an invalid pattern ("Invalid escape"); unescaped they mean the same literal text.
const SPECIAL = new Set('*+.?{}()[]^$|/\\'.split(''));

/** `/body/flags` → its parts; undefined for a string prh matches literally. */
export function regexString(pattern: string): { body: string; flags: string } | undefined {
  const match = REGEX_STRING.exec(pattern);
  return match ? { body: match[1]!, flags: match[2]! } : undefined;
}

function escapeSpecial(text: string): string {
  return [...text].map((char) => (SPECIAL.has(char) ? `\\${char}` : char)).join('');
}

/** prh's `spreadAlphaNum`: each ASCII letter or digit also matches its other case and its full-width form. */
function spreadAlphaNum(text: string): string {
  return text
    .split('')
    .map((char) => {
      const upper = HALF_WIDTH.indexOf(char.toUpperCase());
      const lower = HALF_WIDTH.indexOf(char.toLowerCase());
      if (upper === -1 && lower === -1) return char;
      if (upper === lower) return `[${char}${FULL_WIDTH.charAt(upper)}]`;
      return `[${char.toUpperCase()}${char.toLowerCase()}${FULL_WIDTH.charAt(upper)}${FULL_WIDTH.charAt(lower)}]`;
    })
    .join('');
}

/** One compiled pattern before the default flags: source and the flags it was written with. */
interface Part {
  source: string;
  flags: string;
}

/** A pattern that cannot be compiled; `index` is the pattern at fault (or undefined for the combination). */
export class RulePatternError extends Error {
  constructor(
    message: string,
    readonly index: number | undefined,
  ) {
    super(message);
  }
}

function partOf(pattern: string, wordBoundary: boolean): Part {
  const regex = regexString(pattern);
  let source = regex ? regex.body : escapeSpecial(pattern);
  const flags = regex ? regex.flags : '';
  if (wordBoundary) source = `\\b${source}\\b`;
  // The same check prh's RegExp constructor makes (it compiles each pattern on its own first).
  new RegExp(source, flags);
  // prh then gives every pattern the flags g, m, u, keeping only i of what was written.
  return { source, flags: flags.includes('i') ? 'i' : '' };
}

/**
 * The regular expression of a rule: `patterns` as written (empty when the rule has none), `expected`, and
 * `wordBoundary`. Throws RulePatternError for an invalid pattern or patterns with different flags.
 */
export function compileRule(patterns: readonly string[], expected: string, wordBoundary: boolean): RegExp {
  let part: Part;
  if (patterns.length === 0) {
    const source = spreadAlphaNum(expected);
    part = { source: wordBoundary ? `\\b${source}\\b` : source, flags: '' };
  } else if (patterns.length === 1) {
    part = compilePart(patterns[0]!, 0, wordBoundary);
  } else {
    const parts = patterns.map((pattern, index) => compilePart(pattern, index, wordBoundary));
    // prh's `combine`: every pattern, literal ones included (no i), must have the same flags.
    let flags: string | undefined;
    parts.forEach((one, index) => {
      if (flags !== undefined && flags !== one.flags) {
        throw new RulePatternError(`combining different flags ${flags} and ${one.flags}`, index);
      }
      flags = one.flags;
    });
    part = { source: `(?:${parts.map((one) => one.source).join('|')})`, flags: flags ?? '' };
  }
  const flags = `gmu${part.flags.includes('i') ? 'i' : ''}`;
  try {
    return new RegExp(part.source, flags);
  } catch (error) {
    throw new RulePatternError((error as Error).message, patterns.length === 1 ? 0 : undefined);
  }
}

function compilePart(pattern: string, index: number, wordBoundary: boolean): Part {
  try {
    return partOf(pattern, wordBoundary);
  } catch (error) {
    throw new RulePatternError((error as Error).message, index);
  }
}

/** `$1` … `$9` (and `$10`…`$99`) of `expected` filled from a match, as prh fills them. */
export function fillExpected(expected: string, groups: ArrayLike<string | undefined>): string {
  return expected.replace(/\$([0-9]{1,2})/g, (whole, digits: string) => {
    const index = Number.parseInt(digits, 10);
    if (index === 0 || groups.length - 1 < index) return whole;
    return groups[index] ?? '';
  });
}
