/**
 * Every `yakugo check` rule, in the order they are documented. Ids are part of the CLI contract: config
 * `rules:`, `--rule`, the JSON and SARIF outputs all use them.
 */
import type { Rule } from '../types.js';
import { editionOutdated } from './edition-outdated.js';
import { editionUnbuildable } from './edition-unbuildable.js';
import { markupMismatch } from './markup-mismatch.js';
import { segmentMissing } from './segment-missing.js';
import { segmentStale } from './segment-stale.js';
import { segmentUnreviewed } from './segment-unreviewed.js';
import { sourceVariant } from './source-variant.js';
import { termForbidden } from './term-forbidden.js';
import { termNoTarget } from './term-no-target.js';
import { termUntranslated } from './term-untranslated.js';
import { textUntranslated } from './text-untranslated.js';
import { textUntranslatedHtml } from './text-untranslated-html.js';

export const rules: readonly Rule[] = [
  segmentMissing,
  segmentStale,
  segmentUnreviewed,
  termUntranslated,
  termNoTarget,
  termForbidden,
  textUntranslated,
  textUntranslatedHtml,
  markupMismatch,
  sourceVariant,
  editionOutdated,
  editionUnbuildable,
];

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);

export function findRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
