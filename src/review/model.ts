/**
 * What a review page shows, per article and language: every segment in reading order with its place in the
 * document (heading level, list, quote, table, front matter), source and translation rendered with their
 * glossary terms marked, its state from the sidecar, and every `check` problem attached to the segment it
 * points at. Built from one `check` run, so the page and `yakugo check` never disagree.
 */
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { targetStates } from '../catalog/previous-source.js';
import { type SegmentStatus, segmentStatus } from '../catalog/status.js';
import { runCheck } from '../check/run.js';
import { type Coverage, coverageOf } from '../check/status.js';
import type { ArticleInput, Problem, SegmentPair, TermLookup } from '../check/types.js';
import type { Project } from '../config/load.js';
import { createMatcher, type Matcher } from '../glossary/match.js';
import type { Concept } from '../glossary/types.js';
import { segmentMarkdown } from '../markdown/segment.js';
import { displayPath } from '../project/articles.js';
import { renderSegment, type TermHighlight } from './render.js';

export interface ReviewRow {
  key: string;
  /** Where the segment stands: `h2`, `p`, `li`, `quote`, `cell`, `footnote`, `meta:title`…. */
  block: string;
  /** How deep in lists and quotes (for indentation). */
  depth: number;
  sourceHtml: string;
  /** Undefined when not translated. */
  targetHtml: string | undefined;
  status: SegmentStatus;
  /** Where an unreviewed draft came from (`machine:openai/gpt-4o`, `tm`). */
  origin?: string;
  /** For a stale translation: the source text it was made from, when it can be found. */
  previousSource?: string;
  /** The translator's note on the entry (sidecar `note`). */
  note?: string;
  /** Problems about the source segment (source/variant). */
  sourceProblems: Problem[];
  /** Problems about the translation. */
  targetProblems: Problem[];
}

export interface ReviewPage {
  article: string;
  /** The source file, relative to the root. */
  source: string;
  lng: string;
  sourceLanguage: string;
  catalog: string;
  rows: ReviewRow[];
  /** Problems about the article in this language that point at no current segment (a missing catalog, an orphaned entry, an outdated edition). */
  otherProblems: Problem[];
  coverage: Coverage;
  drafts: number;
  errors: number;
  warnings: number;
}

export interface ReviewSelection {
  articles?: readonly string[];
  languages?: readonly string[];
}

export async function buildReview(project: Project, selection: ReviewSelection = {}): Promise<ReviewPage[]> {
  const { sourceLanguage } = project.config;
  const targets = selection.languages && selection.languages.length > 0 ? selection.languages : project.config.languages;
  const result = await runCheck(project, { articles: selection.articles, languages: [sourceLanguage, ...targets.filter((lng) => lng !== sourceLanguage)] });
  const { prepared } = result;
  const matcher = await createMatcher(prepared.glossary);
  const pages: ReviewPage[] = [];
  for (const input of prepared.articles) {
    const blocks = blocksOf(project, input);
    const { states, previous } = targetStates(project, input.article.id, input.targets);
    for (const target of input.targets) {
      const state = states.get(target.lng)!;
      const edition = `${displayPath(project, join(project.dirs.out, target.lng, input.article.id))}.md`;
      const problems = result.problems.filter((problem) => belongsTo(problem, input.article.path, target.file, edition, target.lng, sourceLanguage));
      const keys = new Set(target.pairs.map((pair) => pair.source.segment.key));
      const rows = target.pairs.map((pair): ReviewRow => {
        const { segment } = pair.source;
        const entry = state.get(segment.key);
        const status = segmentStatus(entry, segment.text, pair.target);
        const own = problems.filter((problem) => problem.key === segment.key);
        const row: ReviewRow = {
          key: segment.key,
          block: blocks.get(segment.key)?.block ?? segment.kind,
          depth: blocks.get(segment.key)?.depth ?? 0,
          sourceHtml: render(input, segment.text, segment.kind !== 'meta', sourceHighlighter(matcher, prepared.terms, target.lng)),
          targetHtml: status === 'missing' ? undefined : render(input, pair.target ?? '', segment.kind !== 'meta', targetHighlighter(pair, prepared.terms)),
          status,
          sourceProblems: own.filter((problem) => problem.lng === sourceLanguage),
          targetProblems: own.filter((problem) => problem.lng !== sourceLanguage),
        };
        if (status === 'draft' && entry?.origin) row.origin = entry.origin;
        if (entry?.note !== undefined) row.note = entry.note;
        const previousText = status === 'stale' && entry ? previous.get(entry.source) : undefined;
        if (previousText !== undefined && previousText !== segment.text) row.previousSource = previousText;
        return row;
      });
      const otherProblems = problems.filter((problem) => problem.key === null || !keys.has(problem.key));
      const shown = [...rows.flatMap((row) => [...row.sourceProblems, ...row.targetProblems]), ...otherProblems];
      pages.push({
        article: input.article.id,
        source: input.article.path,
        lng: target.lng,
        sourceLanguage,
        catalog: target.file,
        rows,
        otherProblems,
        coverage: coverageOf(target),
        drafts: rows.filter((row) => row.status === 'draft').length,
        errors: shown.filter((problem) => problem.severity === 'error').length,
        warnings: shown.filter((problem) => problem.severity !== 'error').length,
      });
    }
  }
  return pages;
}

/** A problem is on this page when it points into this article's source, catalog or edition in this language (or the source language). */
function belongsTo(problem: Problem, source: string, catalog: string, edition: string, lng: string, sourceLanguage: string): boolean {
  if (problem.lng !== null && problem.lng !== lng && problem.lng !== sourceLanguage) return false;
  if (problem.lng === sourceLanguage) return problem.key !== null && (problem.file === source || problem.source?.file === source);
  return problem.file === catalog || problem.file === edition || problem.file === source || problem.source?.file === source;
}

function render(input: ArticleInput, text: string, markdown: boolean, highlight: (text: string) => TermHighlight[]): string {
  return renderSegment({ text, markdown, inline: input.inline, definitions: input.definitions, highlight });
}

/** Source terms: the matcher `check` uses, with the term the translation should use as the tip. */
function sourceHighlighter(matcher: Matcher, terms: TermLookup, lng: string): (text: string) => TermHighlight[] {
  return (text) =>
    matcher.find(text).map((match) => ({
      start: match.start,
      end: match.end,
      concept: match.concept.id,
      kind: match.term.status === 'deprecated' || match.term.status === 'forbidden' ? match.term.status : 'accepted',
      tip: tipOf(match.concept, terms, lng),
    }));
}

/** Target terms: every term (accepted or not) of the concepts the source segment uses. */
function targetHighlighter(pair: SegmentPair, terms: TermLookup): (text: string) => TermHighlight[] {
  const concepts = [...new Map(pair.source.matches.map((match) => [match.concept.id, match.concept])).values()];
  return (text) =>
    concepts.flatMap((concept) =>
      terms.find(pair.lng, text, concept).map((found) => ({
        start: found.start,
        end: found.end,
        concept: concept.id,
        kind: found.term.status === 'deprecated' || found.term.status === 'forbidden' ? found.term.status : ('accepted' as const),
        tip: tipOf(concept, terms, pair.lng),
      })),
    );
}

function tipOf(concept: Concept, terms: TermLookup, lng: string): string {
  const accepted = terms.accepted(concept, lng).map((term) => term.text);
  const parts = [`${concept.id} → ${lng}: ${accepted.length > 0 ? accepted.join(' / ') : '—'}`];
  if (concept.definition) parts.push(concept.definition);
  return parts.join('\n');
}

/** Each segment's block in the document: heading level, list item, quote, footnote, table cell, front matter. */
function blocksOf(project: Project, input: ArticleInput): Map<string, { block: string; depth: number }> {
  const { tree, nodes } = segmentMarkdown(input.article.source, { frontMatter: project.config.frontMatter });
  const keyOf = new Map<Nodes, string>([...nodes].map(([key, node]) => [node as Nodes, key]));
  const blocks = new Map<string, { block: string; depth: number }>();
  for (const segment of input.article.segments) {
    if (segment.kind === 'meta') blocks.set(segment.key, { block: `meta:${segment.field ?? ''}`, depth: 0 });
  }
  visitParents(tree, (node, ancestors) => {
    const key = keyOf.get(node as Nodes);
    if (!key) return;
    const containers = ancestors.map((ancestor) => ancestor.type);
    const depth = containers.filter((type) => type === 'listItem' || type === 'blockquote').length;
    let block: string = node.type === 'heading' ? `h${node.depth}` : node.type === 'tableCell' ? 'cell' : 'p';
    if (node.type === 'paragraph') {
      const nearest = [...ancestors].reverse().find((ancestor) => ['listItem', 'blockquote', 'footnoteDefinition'].includes(ancestor.type));
      if (nearest?.type === 'listItem') block = 'li';
      else if (nearest?.type === 'blockquote') block = 'quote';
      else if (nearest?.type === 'footnoteDefinition') block = 'footnote';
    }
    blocks.set(key, { block, depth });
  });
  return blocks;
}
