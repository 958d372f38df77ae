import type { GlossaryPlace } from '../../../types.js';

/** The `file`, `line`, `column` of a problem at a glossary place. */
export function at(place: GlossaryPlace | undefined): { file: string; line: number; column: number } {
  return { file: place?.file ?? '', line: place?.line ?? 1, column: place?.column ?? 1 };
}

/** `file:line:column` of a place, for messages. */
export function where(place: GlossaryPlace | undefined): string {
  return place ? `${place.file}:${place.line}:${place.column}` : '?';
}
