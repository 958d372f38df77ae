import { originalTokenEdges } from '../match.js';
import { normalizeWithMap } from '../normalize.js';
import { applyHits, applyRule, findRuleHits } from '../rules/apply.js';
import { compileRule } from '../rules/compile.js';
import type { Tokenizer } from '../tokenizer.js';
import type { SourceRule } from '../types.js';
import type { ImportedRule } from './types.js';

/**
 * The imported rules whose own specs show them rewriting part of a word — prh's 補助動詞 rules such as
 * `/(て|で)下さ/` → `$1くださ` (spec: 確認して下さい → 確認してください, where 下さい is one token). yakugo
 * does not report a match that cuts a token unless the rule says `insideWords: true`; a rule whose spec
 * would then not come out as the dictionary says is given `insideWords: true`, so it keeps working as its
 * author wrote it. Returns the rules so marked (the caller names them).
 */
export function markInsideWords(rules: readonly ImportedRule[], tokenizer: Tokenizer): ImportedRule[] {
  const edgesOf = (text: string) => {
    const normalized = normalizeWithMap(text);
    return originalTokenEdges(normalized, tokenizer.tokenize(normalized.text));
  };
  const marked: ImportedRule[] = [];
  for (const entry of rules) {
    const written = entry.rule;
    if (!written.specs?.length || written.insideWords) continue;
    const patterns = written.patterns ?? (written.pattern !== undefined ? [written.pattern] : []);
    let rule: SourceRule;
    try {
      const mustEmpty = written.regexpMustEmpty ? /^\$(\d+)$/.exec(written.regexpMustEmpty)?.[1] : undefined;
      rule = {
        expected: written.expected,
        patterns,
        regex: compileRule(patterns, written.expected, written.wordBoundary ?? false),
        regexpMustEmpty: mustEmpty === undefined ? undefined : Number(mustEmpty),
        wordBoundary: written.wordBoundary ?? false,
        insideWords: false,
        unsafe: false,
        specs: [],
      };
    } catch {
      continue; // an invalid pattern is reported when the written file is loaded
    }
    const cutsWords = written.specs.some(({ from, to }) => applyRule(rule, from) === to && applyHits(from, findRuleHits([rule], from, edgesOf)) !== to);
    if (cutsWords) {
      written.insideWords = true;
      marked.push(entry);
    }
  }
  return marked;
}
