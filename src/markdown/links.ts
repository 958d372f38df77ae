import type { Definition, Nodes, Root } from 'mdast';
import type { TreeDifference } from './compare.js';

/** Blocks whose inline content is one segment: where a translation may reorder its links. */
const SEGMENT_BLOCKS = new Set(['heading', 'paragraph', 'tableCell']);

interface Group {
  path: number[];
  targets: string[];
}

/**
 * Compares the links, images and footnote references of an edition with the source's: the same number,
 * to the same destinations (references resolved through the document's definitions), block by block in
 * document order. Inside one heading, paragraph or table cell the order may change, since a translation
 * may reorder a sentence. Returns the first difference, or undefined.
 */
export function compareLinkTargets(source: Root, edition: Root): TreeDifference | undefined {
  const expected = groupsOf(source);
  const actual = groupsOf(edition);
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index++) {
    const a = expected[index];
    const b = actual[index];
    const want = [...(a?.targets ?? [])].sort();
    const got = [...(b?.targets ?? [])].sort();
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      const missing = want.filter((target) => !got.includes(target));
      const unexpected = got.filter((target) => !want.includes(target));
      const parts = [
        missing.length > 0 ? `missing ${missing.join(', ')}` : '',
        unexpected.length > 0 ? `unexpected ${unexpected.join(', ')}` : '',
        missing.length === 0 && unexpected.length === 0 ? `expected ${want.length}, got ${got.length}` : '',
      ].filter(Boolean);
      return { path: (a ?? b)!.path, message: `links, images or footnote references differ from the source: ${parts.join('; ')}` };
    }
  }
  return undefined;
}

function groupsOf(tree: Root): Group[] {
  const definitions = new Map<string, string>();
  const collect = (node: Nodes): void => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, (node as Definition).url);
    if ('children' in node) for (const child of node.children) collect(child as Nodes);
  };
  collect(tree);
  const resolve = (identifier: string) => definitions.get(identifier) ?? `[${identifier}]`;

  const groups: Group[] = [];
  const walk = (node: Nodes, path: number[], group: Group | undefined): void => {
    let current = group;
    if (!current && SEGMENT_BLOCKS.has(node.type)) {
      current = { path, targets: [] };
      groups.push(current);
    }
    if (current) {
      if (node.type === 'link') current.targets.push(`link ${node.url}`);
      else if (node.type === 'linkReference') current.targets.push(`link ${resolve(node.identifier)}`);
      else if (node.type === 'image') current.targets.push(`image ${node.url}`);
      else if (node.type === 'imageReference') current.targets.push(`image ${resolve(node.identifier)}`);
      else if (node.type === 'footnoteReference') current.targets.push(`footnote ^${node.identifier}`);
    }
    if (!('children' in node)) return;
    (node.children as Nodes[]).forEach((child, index) => {
      walk(child, [...path, index], current);
    });
  };
  walk(tree, [], undefined);
  return groups.filter((candidate) => candidate.targets.length > 0);
}
