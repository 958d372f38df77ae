import { glossaryMessage } from '../messages.js';
import { normalizeText } from '../normalize.js';
import type { Concept, Glossary, GlossaryPlace, SourceRule } from '../types.js';
import type { ImportedConcept, ImportedRule } from './types.js';

function placeText(place: GlossaryPlace | { file: string; line: number; column: number } | undefined): string {
  return place ? `${place.file}:${place.line}:${place.column}` : '?';
}

/** What the import does with the source rules of a file. */
export interface RulePlan {
  add: ImportedRule[];
  /** Rules the glossary already has (same expected, patterns and options). */
  present: ImportedRule[];
  conflicts: Array<{ rule: ImportedRule; message: string }>;
}

function patternKey(patterns: readonly string[], mustEmpty: string | undefined, wordBoundary: boolean): string {
  return JSON.stringify([patterns, mustEmpty ?? null, wordBoundary]);
}

/**
 * Rules are never merged either: a rule the glossary (or the file, earlier) already has is present; a rule
 * with the same patterns and options but another `expected` is a conflict naming both places. Rules
 * without patterns compare by `expected` (that is their pattern).
 */
export function planRules(imported: ImportedRule[], glossary: Glossary): RulePlan {
  const plan: RulePlan = { add: [], present: [], conflicts: [] };
  const known = new Map<string, { expected: string; place: GlossaryPlace | { file: string; line: number; column: number } | undefined }>();
  const keyOf = (patterns: readonly string[], expected: string, mustEmpty: string | undefined, wordBoundary: boolean) =>
    patternKey(patterns.length > 0 ? patterns : [`=${expected}`], mustEmpty, wordBoundary);
  for (const rule of glossary.rules ?? ([] as SourceRule[])) {
    known.set(keyOf(rule.patterns, rule.expected, rule.regexpMustEmpty === undefined ? undefined : `$${rule.regexpMustEmpty}`, rule.wordBoundary), { expected: rule.expected, place: rule.place });
  }
  for (const entry of imported) {
    const { rule } = entry;
    const patterns = rule.patterns ?? (rule.pattern !== undefined ? [rule.pattern] : []);
    const key = keyOf(patterns, rule.expected, rule.regexpMustEmpty, rule.wordBoundary ?? false);
    const other = known.get(key);
    if (other && other.expected === rule.expected) plan.present.push(entry);
    else if (other) {
      plan.conflicts.push({
        rule: entry,
        message: glossaryMessage('conflictRule', { expected: rule.expected, pattern: patterns.join(', ') || rule.expected, other: other.expected, at: placeText(other.place) }),
      });
    } else {
      known.set(key, { expected: rule.expected, place: entry.place });
      plan.add.push(entry);
    }
  }
  return plan;
}

/** Why an imported concept was not added. */
export interface ImportConflict {
  concept: Concept;
  /** The existing concept it collides with (undefined for a clash inside the imported file). */
  existing: Concept | undefined;
  message: string;
}

export interface ImportPlan {
  /** New concepts, ready to append. */
  add: Concept[];
  /** Imported concepts the glossary already holds (same terms and fields): nothing to do. */
  present: Array<{ concept: Concept; existing: Concept }>;
  conflicts: ImportConflict[];
}

/** `lng` + normalized term, the identity two concepts must not share. */
function termKey(lng: string, text: string): string {
  return `${lng}\u0000${normalizeText(text).toLowerCase()}`;
}

function termKeys(concept: Concept): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [lng, terms] of Object.entries(concept.terms)) for (const term of terms) keys.set(termKey(lng, term.text), `${lng} "${term.text}"`);
  return keys;
}

/**
 * True when `existing` already says everything `imported` says: each imported term is there with the
 * same status, forms are there, and domain, definition and note are equal where the import has them.
 */
export function holdsConcept(existing: Concept, imported: Concept): boolean {
  for (const [lng, terms] of Object.entries(imported.terms)) {
    const have = existing.terms[lng] ?? [];
    for (const term of terms) if (!have.some((other) => other.text === term.text && other.status === term.status)) return false;
  }
  for (const [lng, forms] of Object.entries(imported.forms)) for (const form of forms) if (!(existing.forms[lng] ?? []).includes(form)) return false;
  if (imported.translate !== existing.translate) return false;
  for (const field of ['domain', 'definition', 'note'] as const) {
    if (imported[field] !== undefined && imported[field] !== existing[field]) return false;
  }
  return true;
}

/** First difference between two concepts, for the conflict message. */
function difference(existing: Concept, imported: Concept): string {
  for (const [lng, terms] of Object.entries(imported.terms)) {
    const have = existing.terms[lng] ?? [];
    for (const term of terms) {
      const other = have.find((candidate) => candidate.text === term.text);
      if (!other) return glossaryMessage('differsTermMissing', { lng, term: term.text });
      if (other.status !== term.status) return glossaryMessage('differsStatus', { lng, term: term.text, there: other.status, here: term.status });
    }
  }
  for (const [lng, forms] of Object.entries(imported.forms)) for (const form of forms) if (!(existing.forms[lng] ?? []).includes(form)) return glossaryMessage('differsFormMissing', { lng, form });
  if (imported.translate !== existing.translate) return glossaryMessage('differsTranslate', { there: existing.translate, here: imported.translate });
  for (const field of ['domain', 'definition', 'note'] as const) {
    if (imported[field] !== undefined && imported[field] !== existing[field]) return glossaryMessage('differsField', { field });
  }
  return glossaryMessage('differsOther');
}

/**
 * Decides, for every imported concept, whether it is new, already present, or in conflict with the
 * glossary (same id with other content, or a term that belongs to another concept) or with another
 * imported concept. Nothing is ever merged into an existing concept: a conflict is reported instead.
 */
export function planImport(imported: ImportedConcept[], glossary: Glossary): ImportPlan {
  const plan: ImportPlan = { add: [], present: [], conflicts: [] };
  const byId = new Map(glossary.concepts.map((concept) => [concept.id, concept]));
  const byTerm = new Map<string, Concept>();
  for (const concept of glossary.concepts) for (const key of termKeys(concept).keys()) if (!byTerm.has(key)) byTerm.set(key, concept);
  const importedByTerm = new Map<string, Concept>();
  const importedIds = new Set<string>();
  for (const { concept, idGiven } of imported) {
    const keys = termKeys(concept);
    const sameId = idGiven ? byId.get(concept.id) : undefined;
    const sharing = new Map<string, { existing: Concept; term: string }>();
    for (const [key, label] of keys) {
      const existing = byTerm.get(key);
      if (existing && !sharing.has(existing.id)) sharing.set(existing.id, { existing, term: label });
    }
    if (sameId) {
      if (holdsConcept(sameId, concept) && [...sharing.keys()].every((id) => id === sameId.id)) plan.present.push({ concept, existing: sameId });
      else {
        const other = [...sharing.values()].find(({ existing }) => existing.id !== sameId.id);
        plan.conflicts.push({
          concept,
          existing: other?.existing ?? sameId,
          message: other
            ? glossaryMessage('conflictTermOwned', { term: other.term, id: other.existing.id })
            : glossaryMessage('conflictExists', { id: sameId.id, difference: difference(sameId, concept) }),
        });
      }
      continue;
    }
    if (sharing.size > 0) {
      const [first] = sharing.values();
      if (sharing.size === 1 && !idGiven && holdsConcept(first!.existing, concept)) plan.present.push({ concept, existing: first!.existing });
      else {
        plan.conflicts.push({ concept, existing: first!.existing, message: glossaryMessage('conflictTermOwned', { term: first!.term, id: first!.existing.id }) });
      }
      continue;
    }
    const clash = [...keys].find(([key]) => importedByTerm.has(key));
    if (clash) {
      plan.conflicts.push({ concept, existing: undefined, message: glossaryMessage('conflictImportedTwice', { term: clash[1], id: importedByTerm.get(clash[0])!.id, at: placeText(importedByTerm.get(clash[0])!.place) }) });
      continue;
    }
    if (importedIds.has(concept.id)) {
      plan.conflicts.push({ concept, existing: undefined, message: glossaryMessage('conflictIdTwice', { id: concept.id }) });
      continue;
    }
    importedIds.add(concept.id);
    for (const key of keys.keys()) importedByTerm.set(key, concept);
    plan.add.push(concept);
  }
  return plan;
}
