/**
 * Runs one yakugo CLI command in this process and reports its wall time and peak RSS as JSON on fd 3, so
 * the scale benchmark measures whole runs (start-up, kuromoji, caches) as a user sees them.
 */
import { writeSync } from 'node:fs';
import { run } from '../src/cli/main.js';

const started = performance.now();
const code = await run(process.argv.slice(2));
// Standard output to a pipe is written asynchronously: set the exit code and let it drain, never exit().
writeSync(3, JSON.stringify({ code, ms: performance.now() - started, rssMiB: process.resourceUsage().maxRSS / 1024 }));
process.exitCode = code;
