/**
 * The review site opened in a real browser: headless Chromium (Debian's `chromium`, found by path) driven
 * by playwright-core. Screenshots of one English and one Chinese page go to `.test-output/review/`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/catalog/extract.js';
import { shortHash } from '../src/markdown/segment.js';
import { runCli } from './helpers/cli.js';
import { copyRepository, makeProject, read, readJson, repositoryRoot, write } from './helpers/project.js';

const CHROMIUM = process.env['YAKUGO_CHROMIUM'] ?? '/usr/bin/chromium';
const SCREENSHOTS = join(repositoryRoot, '.test-output', 'review');

const article = [
  '---',
  'title: 蒸留の基礎',
  '---',
  '',
  '# 蒸留とは',
  '',
  '**蒸留**は、大きな[モデル](https://example.com/model)の知識を小さなモデルに移す技術です。',
  '',
  '- 教師モデルの出力を集める',
  '- 生徒モデルを蒸留で学習させる',
  '',
  '> 蒸留はモデルのコピーではありません。',
  '',
  '説明は<script>window.__reviewPwned = "source"</script>ここまで<img src="https://example.com/x.png" onerror="window.__reviewPwned = \'img\'">です。',
  '',
  '| 項目 | 値 |',
  '| --- | --- |',
  '| 温度 | T |',
  '',
].join('\n');

const glossary = [
  'concepts:',
  '  - id: distillation',
  '    definition: Training a small model to imitate a large one.',
  '    ja: 蒸留',
  '    en: [distillation, { term: distilment, status: forbidden }]',
  '    zh-Hans: 蒸馏',
  '  - id: ai-model',
  '    ja: モデル',
  '    en: model',
  '    zh-Hans: 模型',
  '',
].join('\n');

type SegmentName = 'title' | 'heading' | 'paragraph' | 'item1' | 'item2' | 'quote' | 'html' | 'cellName' | 'cellTemp' | 'cellValue';

interface Fixture {
  root: string;
  keys: Record<SegmentName, string>;
}

/** The browser's globals, typed for the few calls these tests make (the project compiles without the DOM lib). */
interface BrowserGlobals {
  document: { activeElement: { getAttribute(name: string): string | null } | null };
  getComputedStyle(element: unknown, pseudo: string): { content: string };
  __reviewPwned?: string;
}


/** A project whose en catalog has every state: reviewed, stale, machine draft, missing; and problems. */
function fixture(): Fixture {
  const root = makeProject({
    'yakugo.config.yaml': 'languages: [en, zh-Hans]\nrequired: [en]\n',
    'source/guide.md': article,
    'glossary/ai.yaml': glossary,
  });
  extract({ root });
  const source = readJson(root, 'locales/ja/guide.json');
  const find = (start: string) => Object.keys(source).find((key) => source[key]!.startsWith(start))!;
  const keys: Record<SegmentName, string> = {
    title: 'meta.title',
    heading: find('蒸留とは'),
    paragraph: find('**蒸留**'),
    item1: find('教師'),
    item2: find('生徒'),
    quote: find('蒸留はモデル'),
    html: find('説明は'),
    cellName: find('項目'),
    cellTemp: find('温度'),
    cellValue: find('値'),
  };
  const en: Record<string, string> = {
    [keys.title]: 'Distillation basics',
    [keys.heading]: 'What is distillation',
    [keys.paragraph]: '**Distilment** moves the knowledge of a large [model](https://example.com/model) into a small model.',
    [keys.item1]: '',
    [keys.item2]: 'Train the student model by imitation',
    [keys.quote]: 'Distillation is not a copy of the model.',
    [keys.html]: 'That is all<script>window.__reviewPwned = "target"</script> for now<img src="https://example.com/x.png" onerror="window.__reviewPwned = \'img\'">.',
    [keys.cellName]: 'Item',
    [keys.cellTemp]: 'Temperature',
    [keys.cellValue]: 'Value',
  };
  for (const key of Object.keys(source)) en[key] ??= '';
  write(root, 'locales/en/guide.json', `${JSON.stringify(en, null, 2)}\n`);
  const zh: Record<string, string> = Object.fromEntries(Object.keys(source).map((key) => [key, '']));
  zh[keys.title] = '蒸馏基础';
  zh[keys.heading] = '什么是蒸馏';
  zh[keys.paragraph] = '**蒸馏**是把大[模型](https://example.com/model)的知识转移到小模型的技术。';
  zh[keys.quote] = '蒸馏不是模型的复制。';
  write(root, 'locales/zh-Hans/guide.json', `${JSON.stringify(zh, null, 2)}\n`);
  extract({ root });
  // The heading's translation was made from an older source text; the paragraph is a machine draft.
  const state = read(root, 'locales/en/guide.state.yaml')
    .replace(new RegExp(`^("${keys.heading}": \\{ source: )"[0-9a-f]+"`, 'm'), '$1"0badc0de"')
    .replace(new RegExp(`^("${keys.paragraph.replace('.', '\\.')}": \\{ .*) \\}$`, 'm'), '$1, origin: "machine:openai/gpt-4o" }');
  write(root, 'locales/en/guide.state.yaml', state);
  expect(state).toContain('0badc0de');
  expect(state).toContain(`"${keys.paragraph}": { source: "${shortHash(source[keys.paragraph]!)}"`);
  return { root, keys };
}

let browser: BrowserContext;
let site: Fixture;
let checkProblems: Array<{ rule: string; severity: string; lng: string | null; file: string; key: string | null; message: string; source: { file: string } | null }>;
const temporary: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium; .ci/run does) or set YAKUGO_CHROMIUM`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'yakugo-chromium-'));
  temporary.push(profile);
  // A fresh profile (the user data dir) per run: nothing from another session, nothing left behind.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 1280, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  site = fixture();
  temporary.push(site.root);
  const review = await runCli(['--root', site.root, 'review']);
  expect(review.code).toBe(0);
  const check = await runCli(['--root', site.root, 'check', '--format', 'json']);
  checkProblems = JSON.parse(check.stdout).problems;
});

afterAll(async () => {
  await browser?.close();
  for (const path of temporary) rmSync(path, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

async function open(path: string): Promise<Opened> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(join(site.root, 'out/.review', path)).href;
  await page.goto(url);
  await page.waitForLoadState('load');
  return { page, consoleErrors, requests: requests.filter((request) => request !== url) };
}

describe('yakugo review in Chromium', () => {
  it('shows every segment side by side with lang attributes, and every check problem of the page', async () => {
    const { page, consoleErrors, requests } = await open('en/guide.html');
    const segments = Object.keys(readJson(site.root, 'locales/ja/guide.json'));
    await expect(page.locator('.segment').count()).resolves.toBe(segments.length);
    for (const key of segments) {
      const row = page.locator(`.segment[data-key="${key}"]`);
      await expect(row.isVisible()).resolves.toBe(true);
      await expect(row.locator('.source').getAttribute('lang')).resolves.toBe('ja');
      await expect(row.locator('.target').getAttribute('lang')).resolves.toBe('en');
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const expected = checkProblems.filter(
      (problem) =>
        (problem.lng === 'en' || problem.lng === 'ja' || problem.lng === null) &&
        (problem.file === 'locales/en/guide.json' || problem.file === 'out/en/guide.md' || problem.source?.file === 'source/guide.md') &&
        !(problem.lng === 'ja' && problem.key === null),
    );
    expect(expected.map((problem) => problem.rule)).toEqual(expect.arrayContaining(['term/forbidden', 'term/untranslated', 'segment/missing', 'segment/stale']));
    const shown = await page.locator('.problem .message').allInnerTexts();
    expect(shown.sort()).toEqual(expected.map((problem) => problem.message).sort());
    for (const problem of expected.filter((candidate) => candidate.key !== null && candidate.key.length > 0 && candidate.lng === 'en')) {
      const inRow = page.locator(`.segment[data-key="${problem.key}"] .target .problem .message`, { hasText: problem.message });
      await expect(inRow.isVisible()).resolves.toBe(true);
    }
    // Headings, list items, quotes and cells are recognisable; states are shown.
    const row = (key: string) => page.locator(`.segment[data-key="${key}"]`);
    await expect(row(site.keys.heading).locator('.block').textContent()).resolves.toBe('heading 1');
    await expect(row(site.keys.item1).locator('.block').textContent()).resolves.toBe('list item');
    await expect(row(site.keys.quote).locator('.block').textContent()).resolves.toBe('quote');
    await expect(row(site.keys.cellTemp).locator('.block').textContent()).resolves.toBe('table cell');
    await expect(row(site.keys.heading).getAttribute('data-status')).resolves.toBe('stale');
    await expect(row(site.keys.paragraph).locator('.status').textContent()).resolves.toBe('draft: machine:openai/gpt-4o');
    await expect(row(site.keys.item1).getAttribute('data-status')).resolves.toBe('missing');
    await expect(row(site.keys.quote).getAttribute('data-status')).resolves.toBe('reviewed');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('highlights glossary terms in both columns with their concept, the forbidden one marked', async () => {
    const { page } = await open('en/guide.html');
    const paragraph = page.locator(`.segment[data-key="${site.keys.paragraph}"]`);
    const concepts = async (column: string) => paragraph.locator(`.${column} mark.term`).evaluateAll((marks) => marks.map((mark) => `${mark.textContent}=${mark.getAttribute('data-concept')}:${mark.getAttribute('data-kind')}`));
    await expect(concepts('source')).resolves.toEqual(['蒸留=distillation:accepted', 'モデル=ai-model:accepted', 'モデル=ai-model:accepted']);
    await expect(concepts('target')).resolves.toEqual(['Distilment=distillation:forbidden', 'model=ai-model:accepted', 'model=ai-model:accepted']);
    // The definition and the required term show on focus (keyboard users) as on hover.
    const mark = paragraph.locator('.source mark.term').first();
    await mark.focus();
    const tip = await mark.evaluate((element) => (globalThis as unknown as BrowserGlobals).getComputedStyle(element, '::after').content);
    expect(tip).toContain('distillation → en: distillation');
    expect(tip).toContain('Training a small model to imitate a large one.');
    await page.close();
  });

  it('filters to problems and to unreviewed segments, and j/k move between problems', async () => {
    const { page } = await open('en/guide.html');
    const visibleKeys = () => page.locator('.segment:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')));
    const all = await visibleKeys();
    await page.getByLabel('only segments with problems').check();
    const withProblems = await visibleKeys();
    const expected = await page.locator('.segment').evaluateAll((rows) => rows.filter((row) => row.getAttribute('data-problems') !== '0').map((row) => row.getAttribute('data-key')));
    expect(withProblems).toEqual(expected);
    expect(withProblems.length).toBeGreaterThan(0);
    expect(withProblems.length).toBeLessThan(all.length);
    await page.getByLabel('only unreviewed').check();
    const unreviewed = await page.locator('.segment:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(new Set(unreviewed)).toEqual(new Set(['missing', 'stale', 'draft']));
    await expect(page.locator('#shown').textContent()).resolves.toBe(`${unreviewed.length} of ${all.length} segments shown`);
    // Printed, a filtered page still shows every segment, and no controls.
    await page.emulateMedia({ media: 'print' });
    expect(await visibleKeys()).toEqual(all);
    await expect(page.locator('.controls').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('all segments').check();
    expect(await visibleKeys()).toEqual(all);
    await page.locator('body').press('j');
    const focused = () => page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.activeElement?.getAttribute('data-key'));
    await expect(focused()).resolves.toBe(expected[0]);
    await page.keyboard.press('j');
    await expect(focused()).resolves.toBe(expected[1]);
    await page.keyboard.press('k');
    await expect(focused()).resolves.toBe(expected[0]);
    await page.close();
  });

  it('never runs a <script> or loads an image from an article or a translation', async () => {
    const { page, requests, consoleErrors } = await open('en/guide.html');
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__reviewPwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    const row = page.locator(`.segment[data-key="${site.keys.html}"]`);
    await expect(row.locator('.source code.raw-html').first().textContent()).resolves.toBe('<script>');
    await expect(row.locator('.target').textContent()).resolves.toContain('window.__reviewPwned = "target"');
    expect(requests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('links every article and language from the index with coverage and problem counts', async () => {
    const { page, consoleErrors, requests } = await open('index.html');
    const cells = (selector: string) => page.locator(selector).locator('th, td').allInnerTexts();
    await expect(page.locator('tbody tr').count()).resolves.toBe(4);
    const segments = Object.keys(readJson(site.root, 'locales/ja/guide.json')).length;
    const translatedEn = Object.values(readJson(site.root, 'locales/en/guide.json')).filter((value) => value !== '').length;
    const en = await cells('tr[data-article="guide"][data-lng="en"]');
    expect(en.slice(0, 4)).toEqual(['guide', 'en', String(segments), String(translatedEn)]);
    // The en page's own counts: 2 missing, 1 stale, 1 draft, and its errors.
    const enPage = checkProblems.filter((problem) => problem.lng === 'en' && problem.file === 'locales/en/guide.json');
    const errors = enPage.filter((problem) => problem.severity === 'error').length;
    expect(en.slice(5)).toEqual(['2', '1', '1', String(errors), String(enPage.length - errors)]);
    expect((await cells('tr[data-article="guide"][data-lng="zh-Hans"]')).slice(0, 4)).toEqual(['guide', 'zh-Hans', String(segments), '4']);
    expect((await cells('tr.total[data-lng="en"]')).slice(0, 4)).toEqual(['(total)', 'en', String(segments), String(translatedEn)]);
    await page.getByRole('link', { name: 'guide' }).first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/en\/guide\.html$/);
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((request) => !request.endsWith('/en/guide.html'))).toEqual([]);
    await page.close();
  });

  it("opens this repository's own review pages: every segment, no problem, no request, no console error", async () => {
    const root = copyRepository();
    temporary.push(root);
    expect((await runCli(['--root', root, 'review'])).code).toBe(0);
    for (const lng of ['en', 'zh-Hans']) {
      for (const articleId of ['deepseek-shock', 'explainers/distillation']) {
        const page = await browser.newPage();
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('request', (request) => requests.push(request.url()));
        const url = pathToFileURL(join(root, 'out/.review', lng, `${articleId}.html`)).href;
        await page.goto(url);
        const keys = Object.keys(readJson(root, `locales/ja/${articleId}.json`));
        await expect(page.locator('.segment:visible').count()).resolves.toBe(keys.length);
        await expect(page.locator('.problem').count()).resolves.toBe(0);
        await expect(page.locator('.target mark.term').count()).resolves.toBeGreaterThan(10);
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
        if (lng === 'en' && articleId === 'explainers/distillation') {
          mkdirSync(SCREENSHOTS, { recursive: true });
          await page.screenshot({ path: join(SCREENSHOTS, 'review-repository-en.png') });
        }
        await page.close();
      }
    }
  });

  it('follows the UI language and saves screenshots of an English and a Chinese page', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const english = await open('en/guide.html');
    await english.page.screenshot({ path: join(SCREENSHOTS, 'review-en.png'), fullPage: true });
    await english.page.close();
    const japaneseUi = join(site.root, 'review-ja');
    const result = await runCli(['--root', site.root, 'review', '-o', japaneseUi], { lang: 'ja_JP.UTF-8' });
    expect(result.code).toBe(0);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(japaneseUi, 'zh-Hans/guide.html')).href);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await expect(page.getByLabel('問題のあるセグメントだけ').count()).resolves.toBe(1);
    await expect(page.locator('.segment .target').first().getAttribute('lang')).resolves.toBe('zh-Hans');
    await page.screenshot({ path: join(SCREENSHOTS, 'review-zh-Hans.png'), fullPage: true });
    await page.close();
    for (const name of ['review-en.png', 'review-zh-Hans.png']) expect(readFileSync(join(SCREENSHOTS, name)).subarray(1, 4).toString()).toBe('PNG');
  });
});
