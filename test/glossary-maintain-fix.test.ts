import fc from 'fast-check';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseGlossaryFile } from '../src/glossary/load.js';
import { unifiedDiff } from '../src/glossary/maintain/diff.js';
import { applyEdits, planFixes, replacementFor } from '../src/glossary/maintain/fix.js';
import { createMatcher } from '../src/glossary/match.js';
import { parseMarkdown } from '../src/markdown/parse.js';
import { segmentMarkdown } from '../src/markdown/segment.js';

const glossary = {
  concepts: parseGlossaryFile(
    'concepts:\n  - { id: server, ja: [サーバー, { term: サーバ, status: deprecated }], en: server }\n  - { id: interface, ja: [インターフェース, { term: インタフェース, status: deprecated }], en: interface }\n',
    'glossary/test.yaml',
  ),
  files: ['glossary/test.yaml'],
};

/** Code, URLs and HTML: what fix must never touch. */
function untouchable(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') found.push(`${node.type}:${node.value}`);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') found.push(`${node.type}:${node.url}`);
  });
  return found;
}

const fragment = fc.constantFrom(
  'サーバ',
  'サーバー',
  'インタフェース',
  'を選ぶ。',
  'の設定',
  '`サーバ`',
  '[サーバ](https://example.com/サーバ)',
  '<span title="サーバ">',
  '**サーバ**',
  'ＡＩ',
  ' ',
  '\n',
  '\r\n',
  '\n\n# ',
  '\n\n- ',
  '\n\n```\nサーバ\n```\n\n',
  '\n\n| サーバ | x |\n| --- | --- |\n| サーバ | y |\n\n',
);
const markdown = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(''));

async function fix(text: string): Promise<{ after: string; count: number }> {
  const matcher = await createMatcher(glossary);
  const { segments } = segmentMarkdown(text, { frontMatter: ['title'] });
  const { edits } = planFixes(matcher.findInRuns(segments.flatMap((segment) => segment.runs)), text);
  return { after: applyEdits(text, edits), count: edits.length };
}

describe('fix', () => {
  it('rewrites only prose: code, URLs and HTML stay, no deprecated variant is left, a second run changes nothing', async () => {
    const matcher = await createMatcher(glossary);
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const { after } = await fix(text);
        expect(untouchable(parseMarkdown(after))).toEqual(untouchable(parseMarkdown(text)));
        const { segments } = segmentMarkdown(after, { frontMatter: ['title'] });
        const left = matcher.findInRuns(segments.flatMap((segment) => segment.runs)).filter((match) => match.term.status === 'deprecated');
        expect(left.map((match) => match.surface)).toEqual([]);
        expect((await fix(after)).after).toBe(after);
      }),
      { numRuns: 60 },
    );
  });

  it('changes nothing but the variants: the text minus the edits is the original', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const matcher = await createMatcher(glossary);
        const { segments } = segmentMarkdown(text, { frontMatter: [] });
        const { edits } = planFixes(matcher.findInRuns(segments.flatMap((segment) => segment.runs)), text);
        // Undo each edit in the output: replace the preferred term by what was there.
        const after = applyEdits(text, edits);
        let undone = '';
        let at = 0;
        let shift = 0;
        for (const edit of edits) {
          const start = edit.start + shift;
          expect(after.slice(start, start + edit.to.length)).toBe(edit.to);
          undone += after.slice(at, start) + edit.from;
          at = start + edit.to.length;
          shift += edit.to.length - (edit.end - edit.start);
        }
        expect(undone + after.slice(at)).toBe(text);
        expect(edits.every((edit) => edit.from === 'サーバ' || edit.from === 'インタフェース')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('replaces only the stem of an inflected verb', () => {
    expect(replacementFor('行なった', '行なう', '行う')).toEqual({ length: 2, to: '行' });
    expect(replacementFor('サーバ', 'サーバ', 'サーバー')).toEqual({ length: 3, to: 'サーバー' });
    expect(replacementFor('ｻｰﾊﾞ', 'サーバ', 'サーバー')).toEqual({ length: 4, to: 'サーバー' });
  });

  it('prints a unified diff with context and hunk headers', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'サーバ', 'k', ''].join('\n');
    const after = before.replace('サーバ', 'サーバー').replace('a\n', 'A\n');
    expect(unifiedDiff('x.md', before, after)).toBe(
      ['--- a/x.md', '+++ b/x.md', '@@ -1,4 +1,4 @@', '-a', '+A', ' b', ' c', ' d', '@@ -8,5 +8,5 @@', ' h', ' i', ' j', '-サーバ', '+サーバー', ' k', ''].join('\n'),
    );
  });
});

describe('fix at a line end', () => {
  it('rewrites a variant followed by the spaces Markdown drops before a line break (found by fast-check)', async () => {
    expect((await fix('サーバ \r\nサーバ')).after).toBe('サーバー \r\nサーバー');
    expect((await fix('サーバ  \nを選ぶ。')).after).toBe('サーバー  \nを選ぶ。');
  });
});
