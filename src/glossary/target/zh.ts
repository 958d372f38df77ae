import { findSubstrings } from './substring.js';
import type { TargetLanguage } from './types.js';

/**
 * Chinese (zh, zh-Hans, zh-Hant): substring search after NFKC, with the spaces between Chinese and Latin
 * already dropped by normalization (`物理 AI` = `物理AI`).
 */
export const chinese: TargetLanguage = {
  find: findSubstrings,
};
