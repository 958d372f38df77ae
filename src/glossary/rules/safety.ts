import safeRegex from 'safe-regex2';

/**
 * Whether a rule's regular expression can backtrack catastrophically: star height above one (a
 * quantified group containing a quantifier, `(a+)+`, `(\w+\s?)+`) or more repetitions than
 * safe-regex2's limit, the patterns whose matching time grows exponentially with the length of a line
 * that almost matches. JavaScript cannot interrupt a running regular expression, so such a pattern is
 * refused at load (and reported by `glossary lint` as `glossary/regex-unsafe`) rather than time-boxed.
 *
 * safe-regex2's parser does not know lookbehind; lookarounds are read as plain groups for the analysis
 * (they still count if they hold a nested quantifier).
 */
export function isCatastrophic(regex: RegExp): boolean {
  const source = regex.source.replace(/\(\?<?[=!]/g, '(?:');
  try {
    return !safeRegex(new RegExp(source, regex.flags));
  } catch {
    return false;
  }
}
