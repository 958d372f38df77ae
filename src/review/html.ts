/**
 * The review site's HTML: one page per article and language, and an index. Self-contained: the CSS and the
 * script are inlined and allowed by hash in a Content-Security-Policy that forbids every other script and
 * every network request. Labels follow the UI language (`LANG=ja_JP.UTF-8` → Japanese).
 */
import { createHash } from 'node:crypto';
import { percentTranslated } from '../build/build.js';
import type { Problem } from '../check/types.js';
import { defineMessages } from '../util/i18n.js';
import type { ReviewPage, ReviewRow } from './model.js';
import { REVIEW_SCRIPT, REVIEW_STYLE } from './assets.js';

export const reviewLabel = defineMessages('review-page', {
  en: {
    title: 'Review: {{article}} ({{lng}})',
    indexTitle: 'Review',
    index: 'All articles',
    source: 'Source ({{lng}})',
    translation: 'Translation ({{lng}})',
    filter: 'Show',
    all: 'all segments',
    problems: 'only segments with problems',
    unreviewed: 'only unreviewed (missing, stale, drafts)',
    previous: '↑ previous problem (k)',
    next: '↓ next problem (j)',
    shown: '{{shown}} of {{total}} segments shown',
    coverage: '{{translated}}/{{segments}} translated ({{percent}}%) · {{missing}} missing · {{stale}} stale · {{drafts}} drafts · {{errors}} errors · {{warnings}} warnings',
    missing: 'missing',
    stale: 'stale',
    draft: 'machine draft',
    draftFrom: 'draft: {{origin}}',
    reviewed: 'reviewed',
    notTranslated: 'not translated yet',
    previousSource: 'source when translated:',
    note: 'translator’s note:',
    error: 'error',
    warn: 'warning',
    otherProblems: 'Problems not attached to a segment',
    legend: 'Highlighted: glossary terms (hover or focus for the required term and definition). Struck through in red: terms a translation must not use.',
    article: 'Article',
    language: 'Language',
    segments: 'Segments',
    translated: 'Translated',
    percent: 'Percent',
    missingCount: 'Missing',
    staleCount: 'Stale',
    draftCount: 'Drafts',
    errorCount: 'Errors',
    warningCount: 'Warnings',
    total: '(total)',
    block_h: 'heading {{level}}',
    block_p: 'paragraph',
    block_li: 'list item',
    block_quote: 'quote',
    block_footnote: 'footnote',
    block_cell: 'table cell',
    block_meta: 'front matter: {{field}}',
  },
  ja: {
    title: 'レビュー: {{article}}({{lng}})',
    indexTitle: 'レビュー',
    index: '記事の一覧',
    source: '原文({{lng}})',
    translation: '訳文({{lng}})',
    filter: '表示',
    all: 'すべてのセグメント',
    problems: '問題のあるセグメントだけ',
    unreviewed: '未レビューだけ(未翻訳・要更新・下訳)',
    previous: '↑ 前の問題(k)',
    next: '↓ 次の問題(j)',
    shown: '{{total}} セグメント中 {{shown}} を表示',
    coverage: '翻訳済み {{translated}}/{{segments}}({{percent}}%)・未翻訳 {{missing}}・要更新 {{stale}}・下訳 {{drafts}}・エラー {{errors}}・警告 {{warnings}}',
    missing: '未翻訳',
    stale: '要更新',
    draft: '機械翻訳の下訳',
    draftFrom: '下訳: {{origin}}',
    reviewed: 'レビュー済み',
    notTranslated: 'まだ翻訳されていません',
    previousSource: '翻訳したときの原文:',
    note: '訳者のメモ:',
    error: 'エラー',
    warn: '警告',
    otherProblems: 'セグメントに結び付かない問題',
    legend: '色付き: 用語集の用語(ポインタを重ねるかフォーカスすると訳語と定義)。赤の取り消し線: 訳で使ってはいけない用語。',
    article: '記事',
    language: '言語',
    segments: 'セグメント',
    translated: '翻訳済み',
    percent: '翻訳率',
    missingCount: '未翻訳',
    staleCount: '要更新',
    draftCount: '下訳',
    errorCount: 'エラー',
    warningCount: '警告',
    total: '(合計)',
    block_h: '見出し {{level}}',
    block_p: '段落',
    block_li: 'リスト項目',
    block_quote: '引用',
    block_footnote: '脚注',
    block_cell: '表のセル',
    block_meta: 'フロントマター: {{field}}',
  },
});

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page shell: CSP that allows only the inlined style and script, by hash, and no request at all. */
function shell(uiLanguage: string, title: string, body: string, withScript: boolean): string {
  const csp = [
    "default-src 'none'",
    `style-src ${hash(REVIEW_STYLE)}`,
    `script-src ${withScript ? hash(REVIEW_SCRIPT) : "'none'"}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(uiLanguage)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REVIEW_STYLE}</style>`,
    '</head>',
    `<body>${body}`,
    withScript ? `<script>${REVIEW_SCRIPT}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function blockLabel(block: string): string {
  if (/^h\d$/.test(block)) return reviewLabel('block_h', { level: block.slice(1) });
  if (block.startsWith('meta:')) return reviewLabel('block_meta', { field: block.slice(5) });
  return reviewLabel(`block_${block}`);
}

function problemList(problems: readonly Problem[]): string {
  if (problems.length === 0) return '';
  const items = problems.map(
    (problem) =>
      `<li class="problem ${problem.severity === 'error' ? 'error' : 'warn'}" data-rule="${escapeHtml(problem.rule)}"${problem.concept ? ` data-concept="${escapeHtml(problem.concept)}"` : ''}>` +
      `<span class="severity">${reviewLabel(problem.severity === 'error' ? 'error' : 'warn')}</span> ` +
      `<span class="message">${escapeHtml(problem.message)}</span> ` +
      `<code class="rule">${escapeHtml(problem.rule)}</code> <span class="where">${escapeHtml(`${problem.file}:${problem.line}:${problem.column}`)}</span></li>`,
  );
  return `<ul class="problems">${items.join('')}</ul>`;
}

function statusBadge(row: ReviewRow): string {
  const text = row.status === 'draft' && row.origin ? reviewLabel('draftFrom', { origin: row.origin }) : reviewLabel(row.status);
  return `<span class="status status-${row.status}">${escapeHtml(text)}</span>`;
}

/** The source a stale translation was made from, as written (plain text: it is for comparing). */
function previousSource(row: ReviewRow): string {
  if (row.previousSource === undefined) return '';
  return `<p class="previous"><span class="label">${escapeHtml(reviewLabel('previousSource'))}</span> <del>${escapeHtml(row.previousSource)}</del></p>`;
}

/** The translator's note on the entry, as written (its language is not known: no lang of its own). */
function translatorNote(row: ReviewRow): string {
  if (row.note === undefined) return '';
  return `<p class="note" lang=""><span class="label">${escapeHtml(reviewLabel('note'))}</span> ${escapeHtml(row.note)}</p>`;
}

function rowHtml(row: ReviewRow, page: ReviewPage, index: number): string {
  const problems = row.sourceProblems.length + row.targetProblems.length;
  const target =
    row.targetHtml === undefined ? `<p class="text empty">${reviewLabel('notTranslated')}</p>` : `<div class="text">${row.targetHtml}</div>`;
  return [
    `<article class="segment block-${escapeHtml(row.block.replace(/:.*/, ''))}" id="s${index + 1}" tabindex="-1" data-key="${escapeHtml(row.key)}" data-status="${row.status}" data-problems="${problems}">`,
    `<div class="info"><code class="key">${escapeHtml(row.key)}</code> <span class="block">${escapeHtml(blockLabel(row.block))}</span> ${statusBadge(row)}</div>`,
    `<div class="source depth-${Math.min(row.depth, 4)}" lang="${escapeHtml(page.sourceLanguage)}"><div class="text">${row.sourceHtml}</div>${previousSource(row)}${problemList(row.sourceProblems)}</div>`,
    `<div class="target depth-${Math.min(row.depth, 4)}" lang="${escapeHtml(page.lng)}">${target}${translatorNote(row)}${problemList(row.targetProblems)}</div>`,
    '</article>',
  ].join('');
}

export function reviewPageHtml(page: ReviewPage, uiLanguage: string, indexHref: string): string {
  const coverage = reviewLabel('coverage', { ...page.coverage, drafts: page.drafts, errors: page.errors, warnings: page.warnings });
  const body = [
    '<header>',
    `<nav><a href="${escapeHtml(indexHref)}">${reviewLabel('index')}</a></nav>`,
    `<h1>${escapeHtml(reviewLabel('title', { article: page.article, lng: page.lng }))}</h1>`,
    `<p class="files"><code>${escapeHtml(page.source)}</code> → <code>${escapeHtml(page.catalog)}</code></p>`,
    `<p class="coverage">${escapeHtml(coverage)}</p>`,
    '<div class="controls">',
    `<fieldset class="filters"><legend>${reviewLabel('filter')}</legend>`,
    ...(['all', 'problems', 'unreviewed'] as const).map(
      (mode) => `<label><input type="radio" name="filter" value="${mode}"${mode === 'all' ? ' checked' : ''}> ${escapeHtml(reviewLabel(mode))}</label>`,
    ),
    '</fieldset>',
    `<button type="button" id="previous-problem">${reviewLabel('previous')}</button>`,
    `<button type="button" id="next-problem">${reviewLabel('next')}</button>`,
    `<output id="shown" data-template="${escapeHtml(reviewLabel('shown', { shown: '{shown}', total: '{total}' }))}">${escapeHtml(reviewLabel('shown', { shown: page.rows.length, total: page.rows.length }))}</output>`,
    '</div>',
    `<p class="legend">${escapeHtml(reviewLabel('legend'))}</p>`,
    '</header>',
    '<main>',
    page.otherProblems.length > 0 ? `<section class="other-problems"><h2>${reviewLabel('otherProblems')}</h2>${problemList(page.otherProblems)}</section>` : '',
    `<div class="columns" aria-hidden="true"><span>${escapeHtml(reviewLabel('source', { lng: page.sourceLanguage }))}</span><span>${escapeHtml(reviewLabel('translation', { lng: page.lng }))}</span></div>`,
    ...page.rows.map((row, index) => rowHtml(row, page, index)),
    '</main>',
  ].join('\n');
  return shell(uiLanguage, reviewLabel('title', { article: page.article, lng: page.lng }), body, true);
}

interface IndexCounts {
  segments: number;
  translated: number;
  missing: number;
  stale: number;
  drafts: number;
  errors: number;
  warnings: number;
}

function countsOf(page: ReviewPage): IndexCounts {
  const { segments, translated, missing, stale } = page.coverage;
  return { segments, translated, missing, stale, drafts: page.drafts, errors: page.errors, warnings: page.warnings };
}

function addCounts(a: IndexCounts, b: IndexCounts): IndexCounts {
  return {
    segments: a.segments + b.segments,
    translated: a.translated + b.translated,
    missing: a.missing + b.missing,
    stale: a.stale + b.stale,
    drafts: a.drafts + b.drafts,
    errors: a.errors + b.errors,
    warnings: a.warnings + b.warnings,
  };
}

/** Translated ÷ segments, floored to one decimal, as `build` and `status` report it. */
function percentOf(counts: IndexCounts): number {
  return percentTranslated(counts.segments, counts.missing);
}

export function reviewIndexHtml(pages: readonly ReviewPage[], uiLanguage: string, hrefOf: (page: ReviewPage) => string): string {
  const header = ['article', 'language', 'segments', 'translated', 'percent', 'missingCount', 'staleCount', 'draftCount', 'errorCount', 'warningCount']
    .map((label) => `<th scope="col">${reviewLabel(label)}</th>`)
    .join('');
  const row = (first: string, lng: string, counts: IndexCounts, attributes: string): string => {
    const cells = [
      first,
      `<td>${escapeHtml(lng)}</td>`,
      `<td>${counts.segments}</td>`,
      `<td>${counts.translated}</td>`,
      `<td>${percentOf(counts)}%</td>`,
      `<td>${counts.missing}</td>`,
      `<td>${counts.stale}</td>`,
      `<td>${counts.drafts}</td>`,
      `<td class="${counts.errors > 0 ? 'has-errors' : ''}">${counts.errors}</td>`,
      `<td class="${counts.warnings > 0 ? 'has-warnings' : ''}">${counts.warnings}</td>`,
    ];
    return `<tr ${attributes}>${cells.join('')}</tr>`;
  };
  const rows: string[] = [];
  for (const lng of [...new Set(pages.map((page) => page.lng))]) {
    const ofLanguage = pages.filter((page) => page.lng === lng);
    for (const page of ofLanguage) {
      rows.push(row(`<th scope="row"><a href="${escapeHtml(hrefOf(page))}">${escapeHtml(page.article)}</a></th>`, lng, countsOf(page), `data-article="${escapeHtml(page.article)}" data-lng="${escapeHtml(lng)}"`));
    }
    const total = ofLanguage.map(countsOf).reduce(addCounts);
    rows.push(row(`<th scope="row">${reviewLabel('total')}</th>`, lng, total, `class="total" data-lng="${escapeHtml(lng)}"`));
  }
  const body = `<header><h1>${reviewLabel('indexTitle')}</h1></header>\n<main><table class="index"><thead><tr>${header}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></main>`;
  return shell(uiLanguage, reviewLabel('indexTitle'), body, false);
}
