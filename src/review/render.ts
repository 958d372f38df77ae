/**
 * One segment's inline Markdown as HTML for the review page, through the same remark tree `build` uses:
 * remark-rehype turns it into HTML, rehype-sanitize keeps only what GitHub would (plus the review page's
 * own term marks), rehype-stringify writes it. Raw HTML of the article is shown as text and images as their
 * alt text and address: nothing of an article runs or loads in the review page.
 */
import type { Element, ElementContent, Root as HastRoot, Properties } from 'hast';
import type { Definition, Html, Image, ImageReference, Parent, PhrasingContent, Root, Text } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { type InlineContext, parseInline } from '../markdown/inline.js';

/** A glossary term found in a text, with what the page shows about it. */
export interface TermHighlight {
  start: number;
  end: number;
  concept: string;
  /** `accepted`, or the status of a term a translation should not use. */
  kind: 'accepted' | 'deprecated' | 'forbidden';
  /** Shown on hover and focus: the required term, the definition. */
  tip: string;
}

export interface RenderInput {
  text: string;
  /** Parse as inline Markdown (segments of the body) or show as plain text (front-matter values). */
  markdown: boolean;
  inline: InlineContext;
  /** Link reference definitions of the article (identifier → URL), so `[text][ref]` renders as a link. */
  definitions: ReadonlyMap<string, string>;
  /** The terms in a text node's value. */
  highlight: (text: string) => TermHighlight[];
}

const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    mark: ['className', 'dataConcept', 'dataTip', 'dataKind', 'tabIndex'],
    span: [...(defaultSchema.attributes?.['span'] ?? []), 'className', 'title'],
    // GitHub's schema allows only `language-*` classes on code; the page marks raw HTML shown as text.
    code: [['className', /^language-./, 'raw-html']],
  },
};

const processor = unified()
  .use(remarkRehype, {
    handlers: {
      // Raw HTML is shown, never parsed: `<script>` in an article is text on the review page.
      html: (_state, node: Html): Element => element('code', { className: ['raw-html'] }, node.value),
      image: (_state, node: Image): Element => imagePlaceholder(node.alt ?? '', node.url),
      imageReference: (_state, node: ImageReference): Element => imagePlaceholder(node.alt ?? '', `[${node.label ?? node.identifier}]`),
    },
  })
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

export function renderSegment(input: RenderInput): string {
  let children: PhrasingContent[];
  try {
    children = input.markdown ? parseInline(input.text, input.inline) : [{ type: 'text', value: input.text }];
  } catch {
    // Not one paragraph of inline Markdown (check reports it): show the text as written.
    children = [{ type: 'text', value: input.text }];
  }
  const definitions: Definition[] = [...input.definitions].map(([identifier, url]) => ({ type: 'definition', identifier, label: identifier, url, title: null }));
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children: highlightTerms(children, input.highlight) }, ...definitions] };
  const hast = processor.runSync(root) as HastRoot;
  // The paragraph's content only: the page puts it in its own block.
  const [paragraph] = hast.children.filter((node): node is Element => node.type === 'element');
  const content: HastRoot = { type: 'root', children: paragraph?.children ?? [] };
  return processor.stringify(content);
}

function element(tagName: string, properties: Properties, text: string): Element {
  return { type: 'element', tagName, properties, children: [{ type: 'text', value: text }] };
}

function imagePlaceholder(alt: string, url: string): Element {
  const children: ElementContent[] = [{ type: 'text', value: `🖼 ${alt}` }];
  return { type: 'element', tagName: 'span', properties: { className: ['image'], title: url }, children };
}

/** Splits text nodes at term occurrences and wraps each in a mark (rendered as `<mark>` with its concept). */
function highlightTerms(nodes: readonly PhrasingContent[], highlight: (text: string) => TermHighlight[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'text') return splitText(node, highlight(node.value));
    if ('children' in node) return [{ ...node, children: highlightTerms((node as Parent).children as PhrasingContent[], highlight) } as PhrasingContent];
    return [node];
  });
}

function splitText(node: Text, terms: readonly TermHighlight[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let cursor = 0;
  for (const term of [...terms].sort((a, b) => a.start - b.start)) {
    if (term.start < cursor || term.end <= term.start) continue;
    if (term.start > cursor) out.push({ type: 'text', value: node.value.slice(cursor, term.start) });
    const mark = {
      type: 'termMark',
      data: {
        hName: 'mark',
        hProperties: { className: ['term', term.kind], dataConcept: term.concept, dataKind: term.kind, dataTip: term.tip, tabIndex: 0 },
      },
      children: [{ type: 'text', value: node.value.slice(term.start, term.end) }],
    };
    out.push(mark as unknown as PhrasingContent);
    cursor = term.end;
  }
  if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) });
  return out;
}
