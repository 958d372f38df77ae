import type { Colors } from 'picocolors/types.js';
import { Document } from 'yaml';
import { SOURCE_LANGUAGE } from '../terms.js';
import type { Concept } from '../types.js';
import { idFromLatin, romanizeKatakana, uniqueId } from './ids.js';
import type { Candidate } from './suggest.js';
import { conceptToYaml } from './yaml.js';

/** The example sentence with the candidate marked: coloured on a terminal, `**…**` in plain text. */
export function highlightExample(candidate: Candidate, colors: Colors): string {
  const { sentence, start, end } = candidate.example;
  const mark = colors.isColorSupported ? (text: string) => colors.bold(colors.underline(text)) : (text: string) => `**${text}**`;
  return sentence.slice(0, start) + mark(sentence.slice(start, end)) + sentence.slice(end);
}

/** Human-readable list: rank, term, score, frequency, articles, then the example sentence. */
export function formatCandidatesStylish(candidates: readonly Candidate[], colors: Colors): string {
  if (candidates.length === 0) return '';
  const width = String(candidates.length).length;
  const lines: string[] = [];
  candidates.forEach((candidate, index) => {
    const rank = String(index + 1).padStart(width);
    lines.push(
      `${colors.dim(rank)}  ${colors.bold(candidate.term)}  ${colors.dim(`score ${candidate.score.toFixed(2)} · ${candidate.frequency}× · ${candidate.articles.join(', ')}`)}`,
    );
    lines.push(`${' '.repeat(width)}  ${highlightExample(candidate, colors)}`);
  });
  return lines.join('\n') + '\n';
}

export function formatCandidatesJson(candidates: readonly Candidate[]): string {
  return JSON.stringify(
    candidates.map(({ term, key, score, frequency, articles, example, parts }) => ({ term, key, score, frequency, articles, example, parts })),
    null,
    2,
  ) + '\n';
}

/** A concept id for a candidate: from its Latin text, else from the romanized readings of its parts. */
export function candidateId(candidate: Candidate, taken: Set<string>): string {
  const latin = /^[\x20-\x7e]+$/.test(candidate.term) ? idFromLatin(candidate.term) : undefined;
  const romanized = candidate.parts.map((part, index) => romanizeKatakana(candidate.readings[index] ?? part)).filter(Boolean);
  const base = latin ?? idFromLatin(romanized.join('-')) ?? 'term';
  const id = uniqueId(base, taken);
  taken.add(id);
  return id;
}

/** The concept stub of a candidate: id, the Japanese term; names in Latin script are `translate: false`. */
export function candidateConcept(candidate: Candidate, taken: Set<string>): Concept {
  const concept: Concept = {
    id: candidateId(candidate, taken),
    translate: !/^[\x20-\x7e]+$/.test(candidate.term),
    caseSensitive: false,
    longVowel: false,
    terms: { [SOURCE_LANGUAGE]: [{ text: candidate.term, status: 'preferred' }] },
    forms: {},
  };
  return concept;
}

/**
 * Concept stubs ready to paste into a glossary file, each with a comment giving its score, frequency,
 * articles and example. Translations are left for the editor (a stub without them is what `glossary
 * lint` reports as missing a term, so none is forgotten).
 */
export function formatCandidatesYaml(candidates: readonly Candidate[], takenIds: ReadonlySet<string>, languageOrder: readonly string[]): string {
  const taken = new Set(takenIds);
  const document = new Document({ concepts: [] as unknown[] });
  const list = document.get('concepts', true) as { items: unknown[] };
  for (const candidate of candidates) {
    const node = document.createNode(conceptToYaml(candidateConcept(candidate, taken), languageOrder)) as { commentBefore?: string };
    const plainExample = candidate.example.sentence.slice(0, candidate.example.start) + `【${candidate.example.sentence.slice(candidate.example.start, candidate.example.end)}】` + candidate.example.sentence.slice(candidate.example.end);
    node.commentBefore = ` score ${candidate.score.toFixed(2)} · ${candidate.frequency}× · ${candidate.articles.join(', ')}\n ${plainExample}`;
    list.items.push(node);
  }
  return document.toString({ lineWidth: 0 });
}
