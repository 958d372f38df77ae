import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring for this process. When a scavenge happens to find many young
 * objects of one allocation site alive (kuromoji's lattice nodes, micromark's events), V8 starts allocating
 * that site's objects straight in the old generation; for objects that live only as long as one sentence
 * that is the wrong guess, and the process then fills its old generation with garbage, runs a full
 * collection every second on the helper threads and holds twice the memory. It happened in about one run in
 * three of the same tokenizing work, which then took three times as long (measured with `--trace-gc`: 12 full
 * collections of 450 MB instead of 4 of 110 MB). yakugo's own objects are short-lived or few, so it loses
 * nothing by always allocating them young. V8 reads this flag at every collection, so setting it when the
 * process starts is enough; it holds for every thread of the process.
 */
export function allocateYoung(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
