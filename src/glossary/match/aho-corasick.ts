/**
 * Aho–Corasick automaton over UTF-16 code units: finds every occurrence of every key in one pass over the
 * text, so the cost of a search depends on the text and the number of hits, not on how many keys there are.
 */
export class AhoCorasick {
  /** Transitions, keyed `node * 65536 + code unit` (one flat map is far smaller than a map per node). */
  private readonly next = new Map<number, number>();
  private readonly fail: Int32Array;
  /** Nearest node along the failure chain that ends a key (-1: none). */
  private readonly outputLink: Int32Array;
  /** Key ids ending at each node. */
  private readonly outputs: Array<number[] | undefined> = [];

  constructor(keys: readonly string[]) {
    const parent: number[] = [0];
    const via: number[] = [0];
    const depth: number[] = [0];
    keys.forEach((key, id) => {
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const edge = node * 65536 + key.charCodeAt(i);
        let child = this.next.get(edge);
        if (child === undefined) {
          child = parent.length;
          parent.push(node);
          via.push(key.charCodeAt(i));
          depth.push(depth[node]! + 1);
          this.next.set(edge, child);
        }
        node = child;
      }
      const ending = this.outputs[node];
      if (ending) ending.push(id);
      else this.outputs[node] = [id];
    });
    const count = parent.length;
    this.fail = new Int32Array(count);
    this.outputLink = new Int32Array(count).fill(-1);
    // Failure links are computed shallowest node first (a counting sort by depth stands in for the BFS).
    for (const node of byDepth(depth)) {
      if (node === 0) continue;
      const up = parent[node]!;
      let target = 0;
      if (up !== 0) {
        let candidate = this.fail[up]!;
        const code = via[node]!;
        for (;;) {
          const step = this.next.get(candidate * 65536 + code);
          if (step !== undefined) {
            target = step;
            break;
          }
          if (candidate === 0) break;
          candidate = this.fail[candidate]!;
        }
      }
      this.fail[node] = target;
      this.outputLink[node] = this.outputs[target] ? target : this.outputLink[target]!;
    }
  }

  /** Calls `hit(end, keyId)` for every occurrence; `end` is the offset just after the key. */
  search(text: string, hit: (end: number, keyId: number) => void): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      for (;;) {
        const step = this.next.get(node * 65536 + code);
        if (step !== undefined) {
          node = step;
          break;
        }
        if (node === 0) break;
        node = this.fail[node]!;
      }
      for (let out = this.outputs[node] ? node : this.outputLink[node]!; out > 0; out = this.outputLink[out]!) {
        for (const id of this.outputs[out]!) hit(i + 1, id);
      }
    }
  }
}

function byDepth(depth: number[]): number[] {
  let max = 0;
  for (const value of depth) if (value > max) max = value;
  const buckets: number[][] = Array.from({ length: max + 1 }, () => []);
  depth.forEach((value, node) => {
    buckets[value]!.push(node);
  });
  return buckets.flat();
}
