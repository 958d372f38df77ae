/**
 * The review page's stylesheet and script, inlined into every page (and allowed there by their hashes).
 * The script only filters rows and moves between problems; it reads nothing from the article.
 */

export const REVIEW_STYLE = `
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --band: #f6f8fa;
  --error: #cf222e; --warn: #9a6700; --term: #fff1b8; --term-line: #d4a72c; --focus: #0969da;
  font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: var(--ink); background: var(--paper); line-height: 1.7;
}
:lang(ja) { font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", sans-serif; line-break: strict; word-break: normal; overflow-wrap: anywhere; }
:lang(zh-Hans) { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif; line-break: strict; overflow-wrap: anywhere; }
code, code:lang(ja), code:lang(zh-Hans) { font-family: ui-monospace, "SFMono-Regular", "Menlo", "DejaVu Sans Mono", monospace; font-size: .88em; }
body { margin: 0 auto; max-width: 88rem; padding: 0 1rem 4rem; }
header { position: sticky; top: 0; background: var(--paper); border-bottom: 1px solid var(--line); padding: .5rem 0; z-index: 2; }
h1 { font-size: 1.3rem; margin: .3rem 0; }
.files, .coverage, .legend { margin: .2rem 0; color: var(--muted); font-size: .9rem; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.filters { border: 1px solid var(--line); border-radius: 6px; padding: .2rem .6rem; display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
.filters legend { font-size: .8rem; color: var(--muted); }
button { font: inherit; padding: .2rem .7rem; border: 1px solid var(--line); border-radius: 6px; background: var(--band); cursor: pointer; }
button:focus-visible, input:focus-visible, mark:focus-visible, .segment:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; font-weight: 600; color: var(--muted); margin-top: 1rem; }
.segment { display: grid; grid-template-columns: 1fr 1fr; gap: .2rem 1rem; border-bottom: 1px solid var(--line); padding: .6rem 0; }
.segment[hidden] { display: none; }
.segment .info { grid-column: 1 / -1; font-size: .78rem; color: var(--muted); display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
.key { font-size: .78rem; }
.status { border-radius: 999px; padding: 0 .5rem; border: 1px solid currentColor; }
.status-missing { color: var(--error); }
.status-stale { color: var(--warn); }
.status-draft { color: #8250df; }
.status-reviewed { color: #1a7f37; }
.text { margin: 0; }
.empty { color: var(--muted); font-style: italic; }
.note { margin: .2rem 0 0; font-size: .85rem; background: #ddf4ff; border-left: 4px solid var(--focus); padding: .1rem .5rem; }
.previous { margin: .2rem 0 0; font-size: .85rem; color: var(--muted); } .previous del { text-decoration-color: var(--warn); }
.block-h .text { font-weight: 700; font-size: 1.15rem; }
.block-li .text::before { content: "• "; color: var(--muted); }
.block-quote .text { border-left: 4px solid var(--line); padding-left: .7rem; color: #3d444d; }
.block-footnote .text, .block-meta .text { font-size: .92rem; }
.block-cell .text { border: 1px dashed var(--line); padding: .1rem .4rem; display: inline-block; }
.depth-1 { padding-left: 1.2rem; } .depth-2 { padding-left: 2.4rem; } .depth-3, .depth-4 { padding-left: 3.6rem; }
mark.term { background: var(--term); border-bottom: 2px solid var(--term-line); color: inherit; position: relative; border-radius: 2px; }
mark.term.deprecated, mark.term.forbidden { background: #ffebe9; border-bottom-color: var(--error); text-decoration: line-through var(--error); }
mark.term:hover::after, mark.term:focus::after {
  content: attr(data-tip); white-space: pre-line; position: absolute; left: 0; top: 1.6em; z-index: 3; min-width: 14rem; max-width: 26rem;
  background: var(--ink); color: var(--paper); padding: .3rem .5rem; border-radius: 4px; font-size: .8rem; font-weight: 400; text-decoration: none;
}
.raw-html { background: var(--band); color: var(--muted); }
.image { background: var(--band); border-radius: 3px; padding: 0 .2rem; }
.problems { list-style: none; margin: .3rem 0 0; padding: 0; font-size: .85rem; }
.problem { border-left: 4px solid var(--warn); background: #fff8c5; padding: .2rem .5rem; margin-top: .2rem; }
.problem.error { border-left-color: var(--error); background: #ffebe9; }
.problem .severity { font-weight: 700; }
.problem .rule, .problem .where { color: var(--muted); font-size: .78rem; }
.other-problems h2 { font-size: 1rem; }
table.index { border-collapse: collapse; width: 100%; margin-top: 1rem; }
table.index th, table.index td { border-bottom: 1px solid var(--line); padding: .3rem .6rem; text-align: right; }
table.index th[scope=row], table.index thead th:first-child { text-align: left; }
table.index tr.total { font-weight: 700; background: var(--band); }
.has-errors { color: var(--error); font-weight: 700; } .has-warnings { color: var(--warn); }
@media (max-width: 48rem) { .segment, .columns { grid-template-columns: 1fr; } }
@media print {
  header { position: static; border: 0; }
  .controls, .legend, nav { display: none; }
  .segment[hidden] { display: grid; }
  .segment { break-inside: avoid; }
  mark.term { background: none; border-bottom: 1px solid #000; }
  mark.term:hover::after, mark.term:focus::after { content: none; }
  a { color: inherit; text-decoration: none; }
}
`;

export const REVIEW_SCRIPT = `
(() => {
  const rows = Array.from(document.querySelectorAll('.segment'));
  const shown = document.getElementById('shown');
  const wanted = (row, mode) =>
    mode === 'all' || (mode === 'problems' && row.dataset.problems !== '0') || (mode === 'unreviewed' && row.dataset.status !== 'reviewed');
  const filter = (mode) => {
    for (const row of rows) row.hidden = !wanted(row, mode);
    const count = rows.filter((row) => !row.hidden).length;
    shown.textContent = shown.dataset.template.replace('{shown}', String(count)).replace('{total}', String(rows.length));
  };
  for (const input of document.querySelectorAll('input[name="filter"]')) {
    input.addEventListener('change', () => filter(input.value));
  }
  const go = (step) => {
    const list = rows.filter((row) => !row.hidden && row.dataset.problems !== '0');
    if (list.length === 0) return;
    const current = document.activeElement ? document.activeElement.closest('.segment') : null;
    const index = list.indexOf(current);
    const next = index === -1 ? (step > 0 ? 0 : list.length - 1) : (index + step + list.length) % list.length;
    list[next].focus({ preventScroll: true });
    list[next].scrollIntoView({ block: 'center' });
  };
  document.getElementById('next-problem').addEventListener('click', () => go(1));
  document.getElementById('previous-problem').addEventListener('click', () => go(-1));
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || (event.target instanceof HTMLElement && event.target.matches('input[type="text"], textarea'))) return;
    if (event.key === 'j') go(1);
    else if (event.key === 'k') go(-1);
  });
})();
`;
