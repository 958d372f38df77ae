import type { Nodes, PhrasingContent } from 'mdast';
import type { InlineContext } from './inline.js';
import { MarkdownSyntaxError, parseMarkdown } from './parse.js';

interface Reference {
  identifier: string;
  label: string;
}

/** How CommonMark matches a reference to its definition: case-folded, inner white space collapsed. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

/**
 * A collapsed or shortcut reference (`[関数とスコープ][]`, `[関数とスコープ]`) takes its destination from its
 * own text, so once the text is translated (`[Functions and scope][]`) it names no definition and silently
 * becomes plain text. This writes such references of the translation as full references to the source's
 * definition (`[Functions and scope][関数とスコープ]`).
 *
 * The references the source segment had and the translation lost are matched, in order, with the bracketed
 * spans of the translation that would be collapsed or shortcut references if their text were defined.
 * When the counts differ nothing is guessed and the text is returned as it is (the edition's link check,
 * and `markup/mismatch`, then report the lost link).
 */
export function rewriteLostReferences(markdown: string, sourceNodes: readonly PhrasingContent[], context: InlineContext): string {
  const wanted = referencesOf(sourceNodes, (node) => node.referenceType !== 'full');
  if (wanted.length === 0) return markdown;
  const defined = new Set(context.definitions.map(normalizeLabel));
  const kept = new Set(referencesOf(parseParagraph(markdown, context, []), () => true).map((reference) => reference.identifier));
  const lost = wanted.filter((reference) => !kept.has(reference.identifier));
  if (lost.length === 0) return markdown;

  // Parse again with every bracketed text defined: the spans that become references only now are the lost ones.
  const bracketed = [...markdown.matchAll(/\[([^[\]\n]+)\]/g)].map((match) => match[1]!);
  const candidates: Array<{ end: number; collapsed: boolean }> = [];
  const walk = (node: Nodes): void => {
    if ((node.type === 'linkReference' || node.type === 'imageReference') && node.referenceType !== 'full' && !defined.has(normalizeLabel(node.label ?? node.identifier))) {
      const end = node.position?.end.offset;
      if (end !== undefined) candidates.push({ end, collapsed: node.referenceType === 'collapsed' });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  for (const node of parseParagraph(markdown, context, bracketed)) walk(node);
  if (candidates.length !== lost.length) return markdown;

  let out = markdown;
  for (let index = candidates.length - 1; index >= 0; index--) {
    const { end, collapsed } = candidates[index]!;
    const label = `[${lost[index]!.label}]`;
    out = collapsed ? out.slice(0, end - 2) + label + out.slice(end) : out.slice(0, end) + label + out.slice(end);
  }
  return out;
}

function referencesOf(nodes: readonly Nodes[], keep: (node: { referenceType: string }) => boolean): Reference[] {
  const references: Reference[] = [];
  const walk = (node: Nodes): void => {
    if ((node.type === 'linkReference' || node.type === 'imageReference') && keep(node)) {
      references.push({ identifier: node.identifier, label: node.label ?? node.identifier });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  for (const node of nodes) walk(node);
  return references;
}

/** The phrasing content of `markdown` as the first paragraph, with the article's and `extra` labels defined. */
function parseParagraph(markdown: string, context: InlineContext, extra: readonly string[]): PhrasingContent[] {
  const stubs = [...context.definitions, ...extra].map((label) => `[${label}]: #`);
  stubs.push(...context.footnotes.map((label) => `[^${label}]: -`));
  let tree: ReturnType<typeof parseMarkdown>;
  try {
    tree = parseMarkdown(`${markdown}\n\n${stubs.join('\n')}\n`, context.syntax);
  } catch (error) {
    // Not parseable: nothing to rewrite; parseInline reports it.
    if (error instanceof MarkdownSyntaxError) return [];
    throw error;
  }
  const [first] = tree.children;
  return first?.type === 'paragraph' ? first.children : [];
}
