import type { Project } from '../../config/load.js';
import { segmentMarkdown } from '../../markdown/segment.js';
import { displayPath, listArticles } from '../../project/articles.js';
import { withProjectLock } from '../../project/lock.js';
import { placeOfOffset } from '../../util/errors.js';
import { commitWrites } from '../../catalog/commit.js';
import { decodeTextFile } from '../../util/fs.js';
import { readFileSync } from 'node:fs';
import { changedWhileRunning } from '../../util/input-messages.js';
import type { Matcher } from '../match.js';
import { unifiedDiff } from './diff.js';
import { applyEdits, type Edit, planFixes, type Skipped } from './fix.js';
import { withBom } from './text-file.js';

export interface FileFix {
  /** Path relative to the root. */
  path: string;
  edits: Array<Edit & { line: number; column: number }>;
  skipped: Array<Skipped & { line: number; column: number }>;
  /** Unified diff of the change (empty when nothing changes). */
  diff: string;
}

/**
 * Rewrites deprecated Japanese variants in every source article into the preferred term. Only prose is
 * searched (the segments' text runs: never code, URLs, HTML or front-matter fields that are not
 * translated); the edits are spliced in by file offset, so every other byte (line endings, BOM,
 * spacing) stays as it was. With `dryRun` nothing is written.
 */
export function fixSources(project: Project, matcher: Matcher, options: { dryRun: boolean; files?: string[] }): FileFix[] {
  // A dry run writes nothing, so it needs no lock and may run beside anything.
  return options.dryRun ? planAndFix(project, matcher, options) : withProjectLock(project, 'fix', () => planAndFix(project, matcher, options));
}

function planAndFix(project: Project, matcher: Matcher, options: { dryRun: boolean; files?: string[] }): FileFix[] {
  const fixes: FileFix[] = [];
  for (const file of options.files ?? listArticles(project)) {
    const path = displayPath(project, file);
    const bytes = readFileSync(file);
    const text = decodeTextFile(bytes, path);
    const { segments } = segmentMarkdown(text, { frontMatter: project.config.frontMatter, file: path });
    const matches = matcher.findInRuns(segments.flatMap((segment) => segment.runs));
    const runs = segments.flatMap((segment) => segment.runs);
    const { edits, skipped } = planFixes(matches, text, matcher.findRulesInRuns(runs));
    if (edits.length === 0 && skipped.length === 0) continue;
    const after = applyEdits(text, edits);
    if (!options.dryRun && after !== text) {
      // A writer who saved the article since it was read keeps their version: nothing is overwritten.
      const { conflict } = commitWrites([{ file, contents: withBom(after, bytes), expected: bytes }]);
      if (conflict !== undefined) throw changedWhileRunning(path, fixes.filter((fix) => fix.diff !== '').map((fix) => fix.path));
    }
    fixes.push({
      path,
      edits: edits.map((edit) => ({ ...edit, ...placeOfOffset(text, edit.start) })),
      skipped: skipped.map((skip) => ({ ...skip, ...placeOfOffset(text, skip.start) })),
      diff: unifiedDiff(path, text, after),
    });
  }
  return fixes;
}
