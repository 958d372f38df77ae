import { expect } from 'vitest';
import { YakugoError } from '../../src/util/errors.js';

/** The YakugoError `fn` throws, as `file:line:column: message`; fails the test when nothing is thrown. */
export async function errorOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(YakugoError);
    return String(error);
  }
  throw new Error('expected an error');
}
