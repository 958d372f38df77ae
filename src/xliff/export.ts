/**
 * `yakugo xliff export`: every segment of the selected articles, in each selected language, as an XLIFF 2.0
 * document a CAT tool opens. The per-segment inputs (glossary matches, catalog values, inline context) are
 * the ones `yakugo check` prepares, so the notes name the same terms `check` enforces.
 */
import { targetStates } from '../catalog/previous-source.js';
import type { StateEntry } from '../catalog/state.js';
import { segmentStatus } from '../catalog/status.js';
import { prepareCheck } from '../check/run.js';
import type { ArticleInput, SegmentPair } from '../check/types.js';
import type { Project } from '../config/load.js';
import { acceptedTerms, targetTermsFor } from '../glossary/load.js';
import type { Concept } from '../glossary/types.js';
import { markdownToPieces } from './inline.js';
import { xliffMessage } from './messages.js';
import { type XliffNote, type XliffState, type XliffUnit, writeXliff } from './write.js';

export interface XliffExportOptions {
  /** Articles: ids or paths (default: every article). */
  articles?: readonly string[];
  /** Target languages (default: every configured one). */
  languages?: readonly string[];
}

export interface XliffDocument {
  article: string;
  lng: string;
  text: string;
  units: number;
  translated: number;
}

export async function exportXliff(project: Project, options: XliffExportOptions = {}): Promise<XliffDocument[]> {
  const languages = options.languages && options.languages.length > 0 ? options.languages : project.config.languages;
  const prepared = await prepareCheck(project, { languages, articles: options.articles });
  const documents: XliffDocument[] = [];
  for (const input of prepared.articles) {
    const { states, previous } = targetStates(project, input.article.id, input.targets);
    for (const target of input.targets) {
      const state = states.get(target.lng)!;
      const units = target.pairs.map((pair) => unitOf(pair, input, state.get(pair.source.segment.key), previous));
      documents.push({
        article: input.article.id,
        lng: target.lng,
        text: writeXliff({ srcLang: project.config.sourceLanguage, trgLang: target.lng, original: input.article.path, units }),
        units: units.length,
        translated: units.filter((unit) => unit.target !== undefined).length,
      });
    }
  }
  return documents;
}

function unitOf(pair: SegmentPair, input: ArticleInput, entry: StateEntry | undefined, previousSources: ReadonlyMap<string, string>): XliffUnit {
  const { segment } = pair.source;
  const status = segmentStatus(entry, segment.text, pair.target);
  const notes = glossaryNotes(pair);
  if (entry?.note !== undefined) notes.push({ category: 'translator', appliesTo: 'target', text: entry.note });
  let state: XliffState = 'reviewed';
  let subState: string | undefined;
  if (status === 'missing') state = 'initial';
  else if (status === 'stale') {
    state = 'translated';
    subState = 'yakugo:stale';
    notes.push({ category: 'state', text: xliffMessage('noteStale') });
    const previous = entry ? previousSources.get(entry.source) : undefined;
    if (previous !== undefined && previous !== segment.text) notes.push({ category: 'previous-source', appliesTo: 'source', text: xliffMessage('notePrevious', { text: previous }) });
  } else if (status === 'draft') {
    // A machine draft is where a translation starts (initial); a translation-memory or CAT draft is a
    // translation nobody has reviewed yet (translated).
    state = entry?.origin?.startsWith('machine:') ? 'initial' : 'translated';
    subState = 'yakugo:draft';
    notes.push({ category: 'origin', text: xliffMessage('noteOrigin', { origin: entry?.origin ?? '' }) });
  }
  return {
    key: segment.key,
    source: markdownToPieces(segment.text, input.inline),
    target: status === 'missing' ? undefined : markdownToPieces(pair.target ?? '', input.inline),
    state,
    ...(subState ? { subState } : {}),
    notes,
  };
}

/** One note per concept found in the source segment: the term to use, the ones to avoid, the definition. */
function glossaryNotes(pair: SegmentPair): XliffNote[] {
  const seen = new Set<string>();
  const notes: XliffNote[] = [];
  for (const match of pair.source.matches) {
    if (seen.has(match.concept.id)) continue;
    seen.add(match.concept.id);
    notes.push({ category: 'glossary', text: describeConcept(match.concept, match.surface, pair.lng) });
  }
  return notes;
}

export function describeConcept(concept: Concept, surface: string, lng: string): string {
  const accepted = acceptedTerms(concept, lng).map((term) => term.text);
  const parts = [
    !concept.translate
      ? xliffMessage('noteName', { surface, concept: concept.id })
      : accepted.length > 0
        ? xliffMessage('noteTerm', { surface, target: accepted.join(' / '), concept: concept.id })
        : xliffMessage('noteTermNoTarget', { surface, lng, concept: concept.id }),
  ];
  const avoid = targetTermsFor(concept, lng).filter((term) => term.status === 'deprecated' || term.status === 'forbidden');
  if (avoid.length > 0) parts.push(xliffMessage('noteAvoid', { terms: avoid.map((term) => term.text).join(', ') }));
  if (concept.definition) parts.push(xliffMessage('noteDefinition', { text: concept.definition }));
  return parts.join('; ');
}
