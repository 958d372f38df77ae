import type { Nodes, Root } from 'mdast';

/** The first place where two trees differ, as a path of child indexes from the root and a description. */
export interface TreeDifference {
  path: number[];
  message: string;
}

/** Fields that say where a node was, not what it is. */
const IGNORED = new Set(['position', 'data']);

/**
 * Compares two mdast trees as documents: positions ignored, line endings in values normalized. Returns
 * the first difference in document order, or undefined when they are the same document.
 */
export function compareTrees(expected: Root, actual: Root): TreeDifference | undefined {
  return compareNodes(expected, actual, []);
}

function compareNodes(expected: Nodes, actual: Nodes, path: number[]): TreeDifference | undefined {
  if (expected.type !== actual.type) return { path, message: `expected ${expected.type}, got ${actual.type}` };
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of [...keys].sort()) {
    if (IGNORED.has(key) || key === 'children') continue;
    const a = normalize((expected as unknown as Record<string, unknown>)[key]);
    const b = normalize((actual as unknown as Record<string, unknown>)[key]);
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      return { path, message: `${expected.type}.${key}: expected ${JSON.stringify(a)}, got ${JSON.stringify(b)}` };
    }
  }
  const expectedChildren = 'children' in expected ? (expected.children as Nodes[]) : [];
  const actualChildren = 'children' in actual ? (actual.children as Nodes[]) : [];
  const length = Math.max(expectedChildren.length, actualChildren.length);
  for (let index = 0; index < length; index++) {
    const a = expectedChildren[index];
    const b = actualChildren[index];
    if (!a || !b) {
      const extra = (a ?? b)!;
      return { path: [...path, index], message: a ? `${a.type} is missing` : `unexpected ${extra.type}` };
    }
    const difference = compareNodes(a, b, [...path, index]);
    if (difference) return difference;
  }
  return undefined;
}

function normalize(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  // `spread: null` and a missing `spread` mean the same; likewise for `checked` and `align` entries.
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(normalize);
  // Nested objects (MDX JSX attributes) carry their own positions and parsed estree data: not content.
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !IGNORED.has(key))
        .map(([key, inner]) => [key, normalize(inner)]),
    );
  }
  return value;
}
