import { isAbsolute, relative, sep } from 'node:path';

/** `path` is `base` itself or somewhere below it (both absolute). */
export function isInside(path: string, base: string): boolean {
  const inside = relative(base, path);
  return inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}
