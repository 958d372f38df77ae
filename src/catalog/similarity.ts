/**
 * Dice coefficient over character bigrams (code points). Works for Japanese, which has no spaces to split
 * words on: 「同社は 2 ヶ月で」 and 「同社はわずか 2 ヶ月で」 share most bigrams.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  let total = 0;
  for (const [gram, count] of left) {
    shared += Math.min(count, right.get(gram) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return (2 * shared) / total;
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, ' ')];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}
