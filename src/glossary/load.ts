import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Project } from '../config/load.js';
import { YakugoError } from '../util/errors.js';
import { readTextFile } from '../util/fs.js';
import { checkConcepts, parseGlossaryDocument } from './load/parse.js';
import { projectCache } from '../cache/store.js';
import { createMatcher } from './match.js';
import { glossaryHash } from './match-cache.js';
import { glossaryMessage, listText } from './messages.js';
import type { Concept, Glossary, GlossaryPlace, SourceRule } from './types.js';

export { type ParseOptions, parseGlossaryDocument, parseGlossaryFile, sourceTermKey } from './load/parse.js';
export { acceptedTerms, isAccepted, preferredTerm, SOURCE_LANGUAGE, targetTermsFor } from './terms.js';

export interface LoadOptions {
  /** Folder paths in messages are relative to (default: the current folder). */
  root?: string;
  /** Target languages a term may be given in (the source language is always allowed). */
  languages?: string[];
}

/** Glossary files in a folder, by name: `*.yaml` (and `*.yml`). */
export function glossaryFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) throw new YakugoError(glossaryMessage('folderIsFile', { dir }));
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(dir, name));
}

/**
 * Loads every glossary file in `dir` (a missing folder is an empty glossary), checks the concepts across
 * files, and runs each concept's examples through the matcher: an example that fails is a load error
 * naming the line of the example, like prh's `specs`.
 */
export async function loadGlossary(dir: string, options: LoadOptions = {}): Promise<Glossary> {
  const root = resolve(options.root ?? '.');
  const concepts: Concept[] = [];
  const rules: SourceRule[] = [];
  const files: string[] = [];
  for (const file of glossaryFiles(resolve(root, dir))) {
    const shown = displayPath(root, file);
    files.push(shown);
    const document = parseGlossaryDocument(readTextFile(file, shown), shown, { languages: options.languages, skipCrossCheck: true });
    // A loop, not push(...): spreading a huge file's concepts as arguments would overflow the stack.
    for (const concept of document.concepts) concepts.push(concept);
    for (const rule of document.rules) rules.push(rule);
  }
  // Duplicates are checked once, across every file, in load order (the first definition wins the blame).
  checkConcepts(concepts);
  // A pattern that can backtrack catastrophically would hang `check` on a long paragraph: refused.
  const unsafe = rules.find((rule) => rule.unsafe);
  if (unsafe) throw exampleError(unsafe.place, glossaryMessage('ruleUnsafe', { pattern: unsafe.regex.source }));
  const glossary: Glossary = { concepts, rules, files };
  // Examples pass or fail on the concepts and rules alone: a glossary whose examples this code already ran
  // successfully needs no tokenizer (about 0.5 s and 300 MB) just to run them again.
  const cache = projectCache(root);
  const verified = glossaryHash(glossary);
  if (cache.get<boolean>('examples-passed', verified) !== true) {
    await checkExamples(glossary);
    cache.set('examples-passed', verified, true);
  }
  return glossary;
}

/** The glossary of a project: its glossary folder, terms in the source language and the configured languages. */
export function loadProjectGlossary(project: Project): Promise<Glossary> {
  return loadGlossary(project.dirs.glossary, { root: project.root, languages: project.config.languages });
}

/** Runs the `examples` of every concept; the first one that fails is thrown. */
export async function checkExamples(glossary: Glossary): Promise<void> {
  const withExamples = glossary.concepts.filter((concept) => concept.examples);
  if (withExamples.length === 0) return;
  const matcher = await createMatcher(glossary);
  for (const concept of withExamples) {
    const examples = concept.examples!;
    examples.match.forEach((sentence, index) => {
      if (!matcher.find(sentence).some((match) => match.concept === concept)) {
        const found = matcher.find(sentence).map((match) => `${match.concept.id} "${match.surface}"`);
        throw exampleError(
          examples.places?.match[index] ?? concept.place,
          found.length
            ? glossaryMessage('exampleNoMatchFound', { id: concept.id, sentence, found: listText(found) })
            : glossaryMessage('exampleNoMatch', { id: concept.id, sentence }),
        );
      }
    });
    examples.noMatch.forEach((sentence, index) => {
      const wrong = matcher.find(sentence).find((match) => match.concept === concept);
      if (wrong) {
        throw exampleError(
          examples.places?.noMatch[index] ?? concept.place,
          glossaryMessage('exampleMustNotMatch', { id: concept.id, surface: wrong.surface, sentence }),
        );
      }
    });
  }
}

function exampleError(place: GlossaryPlace | undefined, message: string): YakugoError {
  return new YakugoError(message, { file: place?.file, place: place ? { line: place.line, column: place.column } : undefined });
}

function displayPath(root: string, file: string): string {
  const path = relative(root, file);
  return path.startsWith('..') ? file : path.split(sep).join('/');
}
