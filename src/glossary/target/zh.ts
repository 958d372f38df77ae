import { findSubstrings } from './substring.js';
import type { TargetLanguage } from './types.js';

/**
 * Chinese (zh, zh-Hans, zh-Hant): substring search after NFKC (so compatibility ideographs and full-width
 * Latin read as their plain forms), with the spaces between Chinese and Latin already dropped by
 * normalization (`物理 AI` = `物理AI`). Chinese has no inflection to undo.
 *
 * Scripts are never converted: a zh-Hans term is not found in its Traditional spelling (蒸馏 ≠ 蒸餾), nor
 * a zh-Hant term in its Simplified one, because a translation in the wrong script is a real defect. A
 * concept that does accept the other script's spelling (a brand written in Traditional characters in
 * mainland text, say) lists it in `forms`: `forms: { zh-Hans: [蒸餾] }`.
 */
export const chinese: TargetLanguage = {
  find: findSubstrings,
};
