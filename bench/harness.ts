/**
 * A tiny benchmark harness. Times are never compared with fixed numbers: every section reports ratios
 * against a baseline measured in the same run, on the same machine, so the numbers mean the same thing on
 * a laptop and in CI.
 */
export interface Measurement {
  name: string;
  /** Median milliseconds per operation. */
  ms: number;
}

/** Runs `operation` until about `budgetMs` have passed (at least 5 times) and returns the median time. */
export function measure(name: string, operation: () => unknown, budgetMs = 1500): Measurement {
  for (let i = 0; i < 2; i++) operation(); // warm up the JIT
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 5 || (performance.now() - started < budgetMs && samples.length < 500)) {
    const start = performance.now();
    operation();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, ms: samples[Math.floor(samples.length / 2)]! };
}

export async function measureAsync(name: string, operation: () => Promise<unknown>, budgetMs = 1500): Promise<Measurement> {
  for (let i = 0; i < 2; i++) await operation();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 5 || (performance.now() - started < budgetMs && samples.length < 500)) {
    const start = performance.now();
    await operation();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, ms: samples[Math.floor(samples.length / 2)]! };
}

/** Prints each measurement as a ratio to the baseline (the first row is the baseline itself). */
export function report(title: string, baseline: Measurement, rows: Array<Measurement & { note?: string; per?: number }>): void {
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(`  baseline: ${baseline.name} = 1.00×\n`);
  for (const row of rows) {
    const ratio = row.ms / (row.per ?? 1) / baseline.ms;
    process.stdout.write(`  ${row.name}: ${ratio.toFixed(2)}×${row.note ? `  (${row.note})` : ''}\n`);
  }
}

/** Peak resident set size so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
