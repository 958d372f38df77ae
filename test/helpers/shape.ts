import type { Nodes, Root } from 'mdast';

/**
 * The structure of a document without its words: block and inline node types, heading depths, list kinds,
 * code, HTML, and where every link, image and footnote reference goes (references resolved through the
 * definitions). Two editions of one article must have the same shape. With `inlineOrder: false` the markup
 * inside a paragraph, heading or cell is compared as a set (a translation may reorder its sentence).
 */
export function shapeOf(tree: Root, options: { inlineOrder?: boolean } = {}): string {
  const definitions = new Map<string, string>();
  const collect = (node: Nodes): void => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    if ('children' in node) for (const child of node.children) collect(child as Nodes);
  };
  collect(tree);
  const shape = (node: Nodes): string => {
    switch (node.type) {
      case 'text':
      case 'yaml':
        return node.type;
      case 'link':
      case 'image':
        return `${node.type} ${node.url}${'children' in node ? `(${node.children.map(shape).join(',')})` : ''}`;
      case 'linkReference':
        return `link ${definitions.get(node.identifier) ?? `?${node.identifier}`}(${node.children.map(shape).join(',')})`;
      case 'imageReference':
        return `image ${definitions.get(node.identifier) ?? `?${node.identifier}`}`;
      case 'footnoteReference':
        return `footnote ${node.identifier}`;
      case 'code':
      case 'inlineCode':
      case 'html':
        return `${node.type} ${JSON.stringify(node.value)}`;
      default: {
        const details = node.type === 'heading' ? ` ${node.depth}` : node.type === 'list' ? ` ${node.ordered} ${node.spread}` : '';
        if (options.inlineOrder === false && PHRASING_PARENTS.has(node.type) && 'children' in node) {
          // A real translation may reorder a sentence: the same markup, in any order, with text anywhere.
          const inline = (node.children as Nodes[]).filter((child) => child.type !== 'text').map(shape).sort();
          return `${node.type}${details}{${inline.join(',')}}`;
        }
        return `${node.type}${details}${'children' in node ? `(${(node.children as Nodes[]).map(shape).join(',')})` : ''}`;
      }
    }
  };
  return shape(tree);
}

/** Nodes whose children are a sentence's inline content. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);
