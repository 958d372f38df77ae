/**
 * `markup/mismatch`: the translation's inline Markdown does not carry the same markup as the source:
 * inline code, link and image URLs, footnote references, heading IDs (`{#custom-id}`, as Docusaurus, Hugo
 * and Pandoc write them, so anchors keep working in every edition), MDX expressions (the comment
 * expressions MDX sites put after a heading as its id, `{frontmatter.title}`), or the number of emphasis, strong and
 * delete spans differ. Reference links count by the URL they resolve to, so `[text][ref]` may become
 * `[text](url)`, and a collapsed or shortcut reference whose text is translated (`[関数][]` →
 * `[Functions][]`) counts as the full reference build writes for it (`[Functions][関数]`). So a translation
 * that drops, adds or re-targets a link is reported, one that keeps it is not. Inline HTML is not compared: a translation rightly drops `<ruby>` readings. Both segments are parsed with the project's one processor
 * (CommonMark + GFM + CJK-friendly emphasis) with the article's definitions in scope, and compared as
 * multisets, so a translation may reorder them. A translation that does not parse as one paragraph (a
 * blank line in it) is reported too.
 *
 * @example ok
 * ```yaml
 * source: |
 *   **「蒸留」**は `distill()` で行います[^1]。詳しくは[論文][Hinton]を参照。
 *
 *   [蒸留][]の手順は[次の節]で説明します。
 *
 *   [^1]: Hinton ら、2015 年。
 *
 *   [hinton]: https://arxiv.org/abs/1503.02531
 *   [蒸留]: https://example.com/distillation
 *   [次の節]: #steps
 * en:
 *   - See [the paper](https://arxiv.org/abs/1503.02531) for details. **Distillation** is done with `distill()`[^1].
 *   - The steps of [distillation][] are described in [the next section].
 *   - Hinton et al., 2015.
 * ```
 *
 * @example not-ok
 * ```yaml
 * source: |
 *   **「蒸留」**は `distill()` で行います[^1]。詳しくは[論文](https://arxiv.org/abs/1503.02531)を参照。
 *
 *   ## 蒸留の手順 {#steps}
 *
 *   [^1]: Hinton ら、2015 年。
 * en:
 *   - See [the paper](https://arxiv.org/abs/1503.0253) for details. Distillation is done with `distil()`.
 *   - How distillation works {#how-it-works}
 *   - Hinton et al., 2015.
 * expect:
 *   - 'locales/en/example.json:3:23 error Heading IDs differ from the source: missing “{#steps}”, unexpected “{#how-it-works}”'
 *   - 'locales/en/example.json:2:25 error Footnote references differ from the source: missing “^1”'
 *   - 'locales/en/example.json:2:25 error Inline code differs from the source: missing “distill()”, unexpected “distil()”'
 *   - 'locales/en/example.json:2:25 error Link URLs differ from the source: missing “https://arxiv.org/abs/1503.02531”, unexpected “https://arxiv.org/abs/1503.0253”'
 *   - 'locales/en/example.json:2:25 error Strong emphasis count differs from the source: 1 in the source, 0 in the translation'
 * ```
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { defineMessages } from '../../util/i18n.js';
import { escapeBlockStarts } from '../../markdown/inline.js';
import { rewriteLostReferences } from '../../markdown/references.js';
import { parseSegmentInline } from '../prose.js';
import type { Rule } from '../types.js';

const t = defineMessages('check-rule-markup-mismatch', {
  en: {
    code: 'Inline code',
    links: 'Link URLs',
    images: 'Image URLs',
    footnotes: 'Footnote references',
    anchors: 'Heading IDs',
    expressions: 'MDX expressions',
    emphasis: 'Emphasis count',
    strong: 'Strong emphasis count',
    delete: 'Strikethrough count',
    listDiffers: '{{what}} differs from the source: {{details}}',
    listDiffersPlural: '{{what}} differ from the source: {{details}}',
    missing: 'missing {{items}}',
    unexpected: 'unexpected {{items}}',
    countDiffers: '{{what}} differs from the source: {{source}} in the source, {{target}} in the translation',
    notInline: 'The translation is not one paragraph of inline Markdown: {{reason}}',
  },
  ja: {
    code: 'インラインコード',
    links: 'リンク URL',
    images: '画像 URL',
    footnotes: '脚注参照',
    anchors: '見出し ID',
    expressions: 'MDX の式',
    emphasis: '強調の数',
    strong: '強い強調の数',
    delete: '取り消し線の数',
    listDiffers: '{{what}}が原文と違います:{{details}}',
    listDiffersPlural: '{{what}}が原文と違います:{{details}}',
    missing: '{{items}} がありません',
    unexpected: '{{items}} は原文にありません',
    countDiffers: '{{what}}が原文と違います:原文 {{source}}、訳 {{target}}',
    notInline: '訳が 1 段落のインライン Markdown になっていません:{{reason}}',
  },
});

/** What is compared, collected from one segment's phrasing content. */
export interface Markup {
  code: string[];
  links: string[];
  images: string[];
  footnotes: string[];
  /** `{#custom-id}` attributes: the anchors links point at. */
  anchors: string[];
  /** MDX `{expressions}`, including the comment heading ids of MDX sites: code, never translated. */
  expressions: string[];
  emphasis: number;
  strong: number;
  delete: number;
}

export function markupOf(nodes: readonly PhrasingContent[], definitions: ReadonlyMap<string, string> = new Map()): Markup {
  // A reference to an undefined label stays visible as `[label]`.
  const resolve = (identifier: string) => definitions.get(identifier) ?? `[${identifier}]`;
  const markup: Markup = { code: [], links: [], images: [], footnotes: [], anchors: [], expressions: [], emphasis: 0, strong: 0, delete: 0 };
  const walk = (node: Nodes): void => {
    if ((node.type as string) === 'mdxTextExpression') markup.expressions.push(`{${(node as unknown as { value: string }).value}}`);
    switch (node.type) {
      case 'inlineCode':
        markup.code.push(node.value);
        break;
      case 'text':
        for (const anchor of node.value.matchAll(/\{#[^\s{}]+\}/g)) markup.anchors.push(anchor[0]);
        break;
      case 'link':
        markup.links.push(node.url);
        break;
      case 'linkReference':
        markup.links.push(resolve(node.identifier));
        break;
      case 'image':
        markup.images.push(node.url);
        break;
      case 'imageReference':
        markup.images.push(resolve(node.identifier));
        break;
      case 'footnoteReference':
        markup.footnotes.push(`^${node.identifier}`);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        markup[node.type]++;
        break;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  for (const node of nodes) walk(node);
  return markup;
}

/** Items of `a` not in `b`, counting repeats (multiset difference), sorted. */
export function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const item of b) left.set(item, (left.get(item) ?? 0) + 1);
  const out: string[] = [];
  for (const item of a) {
    const count = left.get(item) ?? 0;
    if (count > 0) left.set(item, count - 1);
    else out.push(item);
  }
  return out.sort();
}

/** One message per kind of markup that differs, in a fixed order. */
export function compareMarkup(source: Markup, target: Markup): string[] {
  const messages: string[] = [];
  const lists = [
    ['code', source.code, target.code, 'listDiffers'],
    ['links', source.links, target.links, 'listDiffersPlural'],
    ['images', source.images, target.images, 'listDiffersPlural'],
    ['footnotes', source.footnotes, target.footnotes, 'listDiffersPlural'],
    ['anchors', source.anchors, target.anchors, 'listDiffersPlural'],
    ['expressions', source.expressions, target.expressions, 'listDiffersPlural'],
  ] as const;
  for (const [what, expected, actual, template] of lists) {
    const missing = multisetMinus(expected, actual);
    const unexpected = multisetMinus(actual, expected);
    if (missing.length === 0 && unexpected.length === 0) continue;
    const details = [
      missing.length > 0 ? t('missing', { items: quoteAll(missing) }) : undefined,
      unexpected.length > 0 ? t('unexpected', { items: quoteAll(unexpected) }) : undefined,
    ].filter((part) => part !== undefined);
    messages.push(t(template, { what: t(what), details: details.join(', ') }));
  }
  for (const what of ['emphasis', 'strong', 'delete'] as const) {
    if (source[what] !== target[what]) {
      messages.push(t('countDiffers', { what: t(what), source: source[what], target: target[what] }));
    }
  }
  return messages;
}

function quoteAll(items: readonly string[]): string {
  return items.map((item) => `“${item}”`).join(', ');
}

export const markupMismatch: Rule = {
  id: 'markup/mismatch',
  description: {
    en: 'Inline code, link or image URLs, footnote references or emphasis differ between source and translation.',
    ja: 'インラインコード、リンクや画像の URL、脚注参照、強調が原文と訳で違う。',
  },
  defaultSeverity: () => 'error',
  check(context) {
    for (const { inline, definitions, targets } of context.articles) {
      for (const target of targets) {
        for (const pair of target.pairs) {
          if (pair.target === undefined || pair.target.trim() === '') continue;
          const report = (message: string) =>
            context.report({ lng: pair.lng, ...pair.place, key: pair.source.segment.key, message, source: pair.source.place });
          const source = pair.source.segment;
          // Front-matter values, JSX attribute values and the text of HTML elements are plain strings, not Markdown.
          if (source.kind === 'meta' || source.kind === 'attribute' || source.kind === 'html') continue;
          const parsedSource = parseSegmentInline(source.text, inline);
          // Read the translation as build writes it: lost collapsed and shortcut references made full.
          const written = parsedSource.nodes ? rewriteLostReferences(escapeBlockStarts(pair.target), parsedSource.nodes, inline) : pair.target;
          const parsedTarget = parseSegmentInline(written, inline);
          if (!parsedTarget.nodes) {
            report(t('notInline', { reason: parsedTarget.error }));
            continue;
          }
          if (!parsedSource.nodes) continue;
          const expected = markupOf(parsedSource.nodes, definitions);
          for (const message of compareMarkup(expected, markupOf(parsedTarget.nodes, definitions))) report(message);
        }
      }
    }
  },
};
