import type { LintRule } from '../types.js';
import { duplicateId } from './duplicate-id.js';
import { example } from './example.js';
import { forbiddenAccepted } from './forbidden-accepted.js';
import { missingTerm } from './missing-term.js';
import { normalizedDuplicate } from './normalized-duplicate.js';
import { regexUnsafe } from './regex-unsafe.js';
import { sharedTerm } from './shared-term.js';
import { unmatchable } from './unmatchable.js';
import { unused } from './unused.js';

/** Every glossary lint rule, in the order they run. */
export const lintRules: readonly LintRule[] = [duplicateId, sharedTerm, forbiddenAccepted, missingTerm, unmatchable, example, regexUnsafe, normalizedDuplicate, unused];
