import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extract } from '../src/catalog/extract.js';
import { readState } from '../src/catalog/state.js';
import { loadProject } from '../src/config/load.js';
import { translate } from '../src/translate/run.js';
import { runCli } from './helpers/cli.js';
import { copyRepository, makeProject, read, readJson, write } from './helpers/project.js';
import { type StandIn, startStandIn } from './helpers/standin.js';

const KEY = 'sk-test-0123456789abcdefSECRET';
const KEY_VARIABLE = 'YAKUGO_TEST_KEY';

const SOURCE = `---
title: 蒸留の基礎
---

# 蒸留とは

**蒸留**は大きなモデルの知識を小さなモデルに移す技術です。詳しくは[論文](https://arxiv.org/abs/1503.02531)を参照。

\`distill()\` を使うと{{ product }}で蒸留できます[^1]。

小さなモデルは速い。

[^1]: Hinton ら、2015 年。
`;

const GLOSSARY = `concepts:
  - id: distillation
    ja: 蒸留
    en: [distillation, { term: distilling, status: forbidden }]
    forms: { en: [Distillation] }
    zh-Hans: 蒸馏
  - id: model
    ja: モデル
    en: model
    forms: { en: [models] }
    zh-Hans: 模型
  - id: knowledge-transfer
    ja: 知識転移
    en: knowledge transfer
  - id: hinton
    translate: false
    ja: Hinton
`;

function config(standIn: StandIn, translate: Record<string, unknown> = {}): string {
  const settings = {
    provider: 'openai',
    model: 'test-model',
    baseURL: `${standIn.url}/v1`,
    apiKeyEnv: KEY_VARIABLE,
    timeout: 2,
    maxRetries: 2,
    concurrency: 1,
    ...translate,
  };
  const lines = Object.entries(settings)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`);
  return `languages: [en, zh-Hans]\nrequired: [en]\ntranslate:\n${lines.join('\n')}\n`;
}

let standIn: StandIn;
const roots: string[] = [];

beforeEach(async () => {
  standIn = await startStandIn({ key: KEY });
  process.env[KEY_VARIABLE] = KEY;
});

afterEach(async () => {
  await standIn.close();
  delete process.env[KEY_VARIABLE];
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project with one extracted article and empty catalogs. */
function project(translate: Record<string, unknown> = {}, files: Record<string, string> = {}): string {
  const root = makeProject({ 'yakugo.config.yaml': config(standIn, translate), 'source/basics.md': SOURCE, 'glossary/terms.yaml': GLOSSARY, ...files });
  roots.push(root);
  extract({ root });
  return root;
}

const catalog = (root: string, lng = 'en') => readJson(root, `locales/${lng}/basics.json`);
const keyOf = (root: string, prefix: string) => Object.keys(catalog(root)).find((key) => key.startsWith(prefix))!;
const paragraphWith = (root: string, text: string) => {
  const source = readJson(root, 'locales/ja/basics.json');
  return Object.keys(source).find((key) => source[key]!.includes(text))!;
};

interface SentSegment {
  id: string;
  text: string;
  required_terms?: Array<{ source: string; target: string }>;
  forbidden_terms?: string[];
  previous_attempt_problem?: string;
  examples?: Array<{ source: string; target: string }>;
}

/** Every segment the stand-in received in chat requests, in order. */
function sentSegments(): SentSegment[] {
  return standIn.translations().flatMap((request) => {
    const body = request.body as { messages: Array<{ role: string; content: string }> };
    return (JSON.parse(body.messages.find((message) => message.role === 'user')!.content) as { segments: SentSegment[] }).segments;
  });
}

/** `check --lang en` after `build`, as a user would run them: the exit code (stdout shown on failure). */
async function checkAfterBuild(root: string): Promise<number> {
  expect((await runCli(['--root', root, 'build'])).code).toBe(0);
  const check = await runCli(['--root', root, 'check', '--lang', 'en']);
  if (check.code !== 0) console.error(check.stdout);
  return check.code;
}

function snapshot(root: string, dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (path: string) => {
    for (const name of readdirSync(join(root, path)).sort()) {
      const child = `${path}/${name}`;
      if (statSync(join(root, child)).isDirectory()) walk(child);
      else files.set(child, readFileSync(join(root, child), 'utf8'));
    }
  };
  walk(dir);
  return files;
}

describe('yakugo translate (openai-compatible)', () => {
  it('fills every empty segment with a glossary-bound draft, markup intact, and check passes', async () => {
    const root = project();
    const zhBefore = read(root, 'locales/zh-Hans/basics.json');
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^en: 6 draft\(s\) written \(6 openai\/test-model, 0 of them cached, 0 from translation memory\), 0 rejected, 0 with problems/m);

    const en = catalog(root);
    for (const value of Object.values(en)) expect(value).not.toBe('');
    const strong = paragraphWith(root, '**蒸留**');
    expect(en[strong]).toContain('**distillation**');
    expect(en[strong]).toContain('](https://arxiv.org/abs/1503.02531)');
    expect(en[strong]).toMatch(/\bmodel\b/);
    const code = paragraphWith(root, 'distill()');
    expect(en[code]).toContain('`distill()`');
    expect(en[code]).toContain('{{ product }}');
    expect(en[code]).toContain('[^1]');
    expect(en[code]).toContain('distillation');

    // Only the concepts found in each segment were sent, with the concept's forbidden terms.
    const sent = sentSegments();
    expect(sent.find((segment) => segment.id === strong)).toMatchObject({
      required_terms: [
        { source: '蒸留', target: 'distillation' },
        { source: 'モデル', target: 'model' },
      ],
      forbidden_terms: ['distilling'],
    });
    expect(sent.find((segment) => segment.id === keyOf(root, 'heading.'))?.required_terms).toEqual([{ source: '蒸留', target: 'distillation' }]);
    const speed = sent.find((segment) => segment.text.includes('速い'));
    expect(speed?.required_terms).toEqual([{ source: 'モデル', target: 'model' }]);
    expect(speed?.forbidden_terms).toBeUndefined();
    // Markup went out masked: no URL, no code, no footnote reference.
    const masked = sent.find((segment) => segment.id === code)!.text;
    expect(masked).toBe('⟦1⟧ を使うと⟦2⟧で蒸留できます⟦3⟧。');
    expect(sent.find((segment) => segment.id === strong)!.text).toBe('⟦1⟧蒸留⟦/1⟧は大きなモデルの知識を小さなモデルに移す技術です。詳しくは⟦2⟧論文⟦/2⟧を参照。');
    expect(sent.map((segment) => segment.text).join('\n')).not.toContain('arxiv.org');

    // Each draft is marked as an unreviewed machine draft.
    const state = readState(join(root, 'locales/en/basics.state.yaml'), 'state');
    expect([...state.values()].map((entry) => entry.origin)).toEqual(Array(6).fill('machine:openai/test-model'));

    expect(read(root, 'locales/zh-Hans/basics.json')).toBe(zhBefore);
    // check passes, with one segment/unreviewed warning per draft; review accept clears them.
    expect((await runCli(['--root', root, 'build'])).code).toBe(0);
    const check = await runCli(['--root', root, 'check', '--lang', 'en', '--format', 'json']);
    const problems = JSON.parse(check.stdout).problems as Array<{ rule: string; severity: string; key: string }>;
    expect(problems.map((problem) => `${problem.rule} ${problem.severity}`)).toEqual(Array(6).fill('segment/unreviewed warn'));
    expect(check.code).toBe(0);
    expect((await runCli(['--root', root, 'review', 'accept', '--lang', 'en'])).code).toBe(0);
    const accepted = await runCli(['--root', root, 'check', '--lang', 'en', '--format', 'json']);
    expect(JSON.parse(accepted.stdout).problems).toEqual([]);
    expect(accepted.code).toBe(0);
  });

  it('never overwrites a translation a person wrote, even one saved while the provider works', async () => {
    const root = project();
    const heading = keyOf(root, 'heading.');
    const title = keyOf(root, 'meta.title');
    const en = catalog(root);
    en[heading] = 'What distillation is';
    write(root, 'locales/en/basics.json', `${JSON.stringify(en, null, 2)}\n`);
    // A translator fills the title while the request is in flight.
    standIn.beforeReply = () => {
      const now = catalog(root);
      now[title] = 'Distillation: the basics';
      write(root, 'locales/en/basics.json', `${JSON.stringify(now, null, 2)}\n`);
      standIn.beforeReply = undefined;
    };
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('en: 1 segment(s) changed by someone during the run were left as they are');
    const after = catalog(root);
    expect(after[heading]).toBe('What distillation is');
    expect(after[title]).toBe('Distillation: the basics');
    expect(sentSegments().map((segment) => segment.id)).not.toContain(heading);
    const state = readState(join(root, 'locales/en/basics.state.yaml'), 'state');
    expect(state.get(title)).toBeUndefined();
    expect(Object.values(after).filter((value) => value === '')).toEqual([]);
  });

  it('retries a 429 (honouring Retry-After) and writes the drafts', async () => {
    const root = project();
    standIn.fail('429');
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(standIn.translations()).toHaveLength(2);
    expect(Object.values(catalog(root)).every((value) => value !== '')).toBe(true);
  });

  it('retries once, stating the problem, when a draft loses a placeholder, breaks the JSON or ignores a term', async () => {
    for (const [fault, problem] of [
      ['drop-placeholder', /placeholder ⟦1⟧ is missing/],
      ['break-json', /not valid JSON/],
      ['missing-id', /no translation for this segment/],
      ['ignore-term', /not translated as/],
    ] as const) {
      const root = project({ batchChars: 100_000 });
      standIn.requests.length = 0;
      standIn.fail(fault);
      const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
      expect(run.code, fault).toBe(0);
      const [first, second] = standIn.translations();
      expect(second, fault).toBeDefined();
      const retried = (JSON.parse((second!.body as { messages: Array<{ content: string }> }).messages[1]!.content) as { segments: SentSegment[] }).segments;
      expect(retried.length, fault).toBeGreaterThan(0);
      expect(retried[0]!.previous_attempt_problem, fault).toMatch(problem);
      expect(first).toBeDefined();
      expect(Object.values(catalog(root)).every((value) => value !== ''), fault).toBe(true);
      expect(await checkAfterBuild(root), fault).toBe(0);
    }
  });

  it('rejects a draft that still fails after the retry, and writes nothing for it', async () => {
    const root = project({ batchChars: 100_000 });
    standIn.fail('drop-placeholder', 2);
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^locales\/en\/basics\.json: paragraph\.\w+: draft rejected, not written: placeholder ⟦1⟧ is missing$/m);
    expect(Object.values(catalog(root)).filter((value) => value === '')).toHaveLength(1);
  });

  it('stops cleanly on an auth error, keeping the drafts already written and never printing the key', async () => {
    const root = project({ batchChars: 60 });
    standIn.requests.length = 0;
    // The first batch goes through, the second is refused.
    let answered = 0;
    standIn.beforeReply = () => {
      answered++;
      if (answered === 1) standIn.fail('auth');
    };
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('stopped: the provider refused the API key');
    expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
    expect(`${run.stdout}${run.stderr}`).not.toContain(KEY.slice(10, 20));
    const values = Object.values(catalog(root));
    expect(values.filter((value) => value !== '').length).toBeGreaterThan(0);
    expect(values.filter((value) => value === '').length).toBeGreaterThan(0);
    // Everything written is a complete draft with its state.
    const state = readState(join(root, 'locales/en/basics.state.yaml'), 'state');
    expect(state.size).toBe(values.filter((value) => value !== '').length);
  });

  it('Ctrl-C lets the request in flight finish and be written, and starts no other', async () => {
    const root = project({ batchChars: 60 });
    const interrupt = new AbortController();
    standIn.beforeReply = () => interrupt.abort();
    const result = await translate(loadProject(root), { languages: ['en'], signal: interrupt.signal });
    expect(result.stopped).toEqual({ kind: 'interrupted', message: '' });
    expect(standIn.translations()).toHaveLength(1);
    const sent = sentSegments().map((segment) => segment.id);
    const en = catalog(root);
    for (const [key, value] of Object.entries(en)) expect(value !== '', key).toBe(sent.includes(key));
  });

  it('on the command line, Ctrl-C says what happens, keeps the drafts and exits 130', async () => {
    const root = project({ batchChars: 60 });
    standIn.beforeReply = () => {
      standIn.beforeReply = undefined;
      process.emit('SIGINT');
    };
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('interrupting: finishing the requests in flight (Ctrl-C again to quit at once)');
    expect(run.stderr).toContain('interrupted: drafts written so far are kept; run the same command again to go on');
    expect(standIn.translations()).toHaveLength(1);
    expect(Object.values(catalog(root)).filter((value) => value !== '').length).toBeGreaterThan(0);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it('loses only the batch that timed out, and says so', async () => {
    const root = project({ batchChars: 60, timeout: 0.5, maxRetries: 0 });
    standIn.fail('timeout');
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/draft rejected, not written: the request timed out/);
    const values = Object.values(catalog(root));
    expect(values.filter((value) => value === '').length).toBeGreaterThan(0);
    expect(values.filter((value) => value !== '').length).toBeGreaterThan(0);
  });

  it('sends nothing twice: a re-run after the drafts are lost is answered from the cache', async () => {
    const root = project();
    const before = snapshot(root, 'locales');
    await runCli(['--root', root, 'translate', '--lang', 'en']);
    const drafted = snapshot(root, 'locales');
    const sent = standIn.translations().length;
    expect(sent).toBeGreaterThan(0);
    for (const [file, contents] of before) write(root, file, contents);
    rmSync(join(root, 'locales/en/basics.state.yaml'), { force: true });
    const again = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(again.code).toBe(0);
    expect(standIn.translations()).toHaveLength(sent);
    expect(again.stdout).toContain('6 of them cached');
    expect(snapshot(root, 'locales')).toEqual(drafted);
  });

  it('exits 2 naming the variable when the key is missing, and sends nothing', async () => {
    const root = project();
    delete process.env[KEY_VARIABLE];
    const run = await runCli(['--root', root, 'translate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('set the environment variable YAKUGO_TEST_KEY');
    expect(standIn.requests).toEqual([]);
  });

  it('--dry-run counts segments and characters, estimates the cost where known, and sends nothing', async () => {
    const root = project({ provider: 'deepl', baseURL: standIn.url });
    const before = snapshot(root, 'locales');
    const run = await runCli(['--root', root, 'translate', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^en: 6 segment\(s\), \d+ character\(s\) to send \(0 from translation memory, 0 cached\)$/m);
    expect(run.stdout).toMatch(/^zh-Hans: 6 segment\(s\)/m);
    expect(run.stdout).toMatch(/^estimated cost: 0\.\d\d USD \(deepl, \d+ characters\)$/m);
    expect(standIn.requests).toEqual([]);
    expect(snapshot(root, 'locales')).toEqual(before);
    const llm = await runCli(['--root', project(), 'translate', '--dry-run', '--lang', 'en']);
    expect(llm.stdout).toContain('estimated cost: unknown for openai/test-model');
    // --provider leaves the configured provider's model (and server and key variable) behind.
    const other = await runCli(['--root', project(), 'translate', '--dry-run', '--lang', 'en', '--provider', 'anthropic']);
    expect(other.stdout).toContain('estimated cost: unknown for anthropic/claude-haiku-4-5');
  });

  it('reuses an identical reviewed segment from another article (translation memory) without sending it', async () => {
    const root = project({}, { 'source/other.md': '小さなモデルは速い。\n' });
    write(root, 'locales/en/other.json', `${JSON.stringify({ [Object.keys(readJson(root, 'locales/ja/other.json'))[0]!]: 'Small models are fast.' }, null, 2)}\n`);
    const run = await runCli(['--root', root, 'translate', '--lang', 'en', join(root, 'source/basics.md')]);
    expect(run.code).toBe(0);
    const key = paragraphWith(root, '速い');
    expect(catalog(root)[key]).toBe('Small models are fast.');
    expect(readState(join(root, 'locales/en/basics.state.yaml'), 'state').get(key)?.origin).toBe('tm');
    expect(sentSegments().map((segment) => segment.id)).not.toContain(key);
    expect(run.stdout).toContain('1 from translation memory');
  });

  it('passes reviewed translations of similar segments to the LLM as examples', async () => {
    const root = project({}, { 'source/other.md': '小さなモデルはとても速い。\n' });
    write(root, 'locales/en/other.json', `${JSON.stringify({ [Object.keys(readJson(root, 'locales/ja/other.json'))[0]!]: 'Small models are very fast.' }, null, 2)}\n`);
    const run = await runCli(['--root', root, 'translate', '--lang', 'en', join(root, 'source/basics.md')]);
    expect(run.code).toBe(0);
    const sent = sentSegments();
    expect(sent.find((segment) => segment.text === '小さなモデルは速い。')?.examples).toEqual([{ source: '小さなモデルはとても速い。', target: 'Small models are very fast.' }]);
    expect(sent.find((segment) => segment.id === keyOf(root, 'heading.'))?.examples).toBeUndefined();
  });

  it('--only stale re-drafts translations whose source changed, and nothing else', async () => {
    const root = project();
    const heading = keyOf(root, 'heading.');
    const title = keyOf(root, 'meta.title');
    const en = Object.fromEntries(Object.keys(catalog(root)).map((key) => [key, `Human ${key}`]));
    write(root, 'locales/en/basics.json', `${JSON.stringify(en, null, 2)}\n`);
    extract({ root });
    // The heading's translation was made from an older source text.
    const sidecar = read(root, 'locales/en/basics.state.yaml').replace(new RegExp(`("${heading.replace('.', '\\.')}": \\{ source: )"[0-9a-f]{8}"`), '$1"00000000"');
    write(root, 'locales/en/basics.state.yaml', sidecar);
    const run = await runCli(['--root', root, 'translate', '--lang', 'en', '--only', 'stale']);
    expect(run.code).toBe(0);
    expect(sentSegments().map((segment) => segment.id)).toEqual([heading]);
    const after = catalog(root);
    expect(after[heading]).toBe('distillation what is');
    expect(after[title]).toBe(`Human ${title}`);
    const state = readState(join(root, 'locales/en/basics.state.yaml'), 'state');
    expect(state.get(heading)?.origin).toBe('machine:openai/test-model');
    expect(state.get(title)?.origin).toBeUndefined();
  });

  it('--only all-machine re-drafts unreviewed machine drafts but not ones a person edited', async () => {
    const root = project();
    await runCli(['--root', root, 'translate', '--lang', 'en']);
    const heading = keyOf(root, 'heading.');
    const en = catalog(root);
    en[heading] = 'What is distillation?';
    write(root, 'locales/en/basics.json', `${JSON.stringify(en, null, 2)}\n`);
    standIn.requests.length = 0;
    const run = await runCli(['--root', root, 'translate', '--lang', 'en', '--only', 'all-machine', '--cache-location', join(root, 'other-cache')]);
    expect(run.code).toBe(0);
    const ids = sentSegments().map((segment) => segment.id);
    expect(ids).toHaveLength(5);
    expect(ids).not.toContain(heading);
    expect(catalog(root)[heading]).toBe('What is distillation?');
  });
});

describe('yakugo translate: languages, keys and messages', () => {
  it('drafts every configured language with several requests in flight', async () => {
    const root = project({ concurrency: 4, batchChars: 20 });
    const run = await runCli(['--root', root, 'translate']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^en: 6 draft\(s\) written/m);
    expect(run.stdout).toMatch(/^zh-Hans: 6 draft\(s\) written/m);
    const zh = catalog(root, 'zh-Hans');
    expect(zh[paragraphWith(root, '**蒸留**')]).toContain('**蒸馏**');
    expect(sentSegments().find((segment) => segment.text.includes('速い') && JSON.stringify(segment).includes('模型'))?.required_terms).toEqual([{ source: 'モデル', target: '模型' }]);
    expect(standIn.translations().length).toBeGreaterThan(4);
  });

  it('refuses an API key written in the config file, without echoing it', async () => {
    const root = project();
    write(root, 'yakugo.config.yaml', config(standIn, { apiKey: 'sk-in-the-file-123456789' }));
    const run = await runCli(['--root', root, 'translate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^yakugo\.config\.yaml:\d+:\d+: unknown key "apiKey" in translate$/m);
    expect(run.stderr).not.toContain('sk-in-the-file-123456789');
    expect(standIn.requests).toEqual([]);
  });

  it('leaves the key in no file of the project', async () => {
    const root = project();
    await runCli(['--root', root, 'translate']);
    const cache = join(root, 'node_modules/.cache/yakugo');
    expect(snapshot(root, 'node_modules/.cache/yakugo').size).toBeGreaterThan(0);
    for (const dir of ['locales', 'node_modules/.cache/yakugo']) {
      for (const [file, contents] of snapshot(root, dir)) expect(contents, file).not.toContain(KEY);
    }
    expect(cache).toContain('node_modules');
  });

  it('reports a rejected draft in Japanese, while the model is told in English', async () => {
    const root = project({ batchChars: 100_000 });
    standIn.fail('drop-placeholder', 2);
    const run = await runCli(['--root', root, 'translate', '--lang', 'en'], { lang: 'ja_JP.UTF-8' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^locales\/en\/basics\.json: paragraph\.\w+: 下訳を採用せず、書き込みませんでした: プレースホルダー ⟦1⟧ がありません$/m);
    const retry = (JSON.parse((standIn.translations()[1]!.body as { messages: Array<{ content: string }> }).messages[1]!.content) as { segments: SentSegment[] }).segments;
    expect(retry[0]!.previous_attempt_problem).toBe('placeholder ⟦1⟧ is missing');
  });

  it('speaks Japanese when the locale is Japanese', async () => {
    const root = project();
    delete process.env[KEY_VARIABLE];
    const run = await runCli(['--root', root, 'translate'], { lang: 'ja_JP.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('環境変数 YAKUGO_TEST_KEY を設定してください');
  });
});

describe('yakugo translate --provider deepl', () => {
  it('syncs the glossary to a v3 multilingual glossary, reuses it while unchanged, and sends XML-masked markup', async () => {
    const root = project({ provider: 'deepl', baseURL: standIn.url, model: undefined, formality: 'more', modelType: 'quality_optimized' });
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const created = standIn.requests.filter((request) => request.path === '/v3/glossaries' && request.method === 'POST');
    expect(created).toHaveLength(1);
    const fields = created[0]!.body as Record<string, string[]>;
    expect(fields['dictionaries[0].source_lang']).toEqual(['ja']);
    expect(fields['dictionaries[0].target_lang']).toEqual(['en']);
    // One entry per concept with a target term; a name (translate: false) maps to itself.
    expect(fields['dictionaries[0].entries']![0]!.split('\n').sort()).toEqual(['Hinton\tHinton', 'モデル\tmodel', '知識転移\tknowledge transfer', '蒸留\tdistillation']);
    expect(fields['dictionaries[0].entries_format']).toEqual(['tsv']);

    const [translateRequest] = standIn.translations();
    const body = translateRequest!.body as Record<string, string[]>;
    expect(body['tag_handling']).toEqual(['xml']);
    expect(body['target_lang']).toEqual(['en-US']);
    expect(body['source_lang']).toEqual(['ja']);
    expect(body['glossary_id']).toEqual(['gl-1']);
    expect(body['formality']).toEqual(['more']);
    expect(body['model_type']).toEqual(['quality_optimized']);
    expect(body['text']).toContain('<m1/> を使うと<m2/>で蒸留できます<m3/>。');
    const en = catalog(root);
    expect(en[paragraphWith(root, 'distill()')]).toBe('`distill()` text use text {{ product }} text distillation text [^1] text');
    expect(readState(join(root, 'locales/en/basics.state.yaml'), 'state').get(keyOf(root, 'heading.'))?.origin).toBe('machine:deepl/quality_optimized');

    // A second run with the glossary unchanged reuses the DeepL glossary.
    const again = project({ provider: 'deepl', baseURL: standIn.url });
    await runCli(['--root', again, 'translate', '--lang', 'en', '--cache-location', join(again, 'fresh-cache')]);
    expect(standIn.requests.filter((request) => request.path === '/v3/glossaries' && request.method === 'POST')).toHaveLength(1);
    expect(standIn.translations().at(-1)!.body).toMatchObject({ glossary_id: ['gl-1'] });
    expect(await checkAfterBuild(root)).toBe(0);
  });

  it('rejects a draft whose placeholder did not come back (no retry for DeepL), writing nothing for it', async () => {
    const root = project({ provider: 'deepl', baseURL: standIn.url });
    standIn.fail('drop-placeholder');
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^locales\/en\/basics\.json: paragraph\.\w+: draft rejected, not written: placeholder <m1> is missing$/m);
    expect(Object.values(catalog(root)).filter((value) => value === '')).toHaveLength(1);
  });

  it('stops on a used-up quota (456) and on a refused key (403) without printing the key', async () => {
    for (const fault of ['quota', 'auth'] as const) {
      const root = project({ provider: 'deepl', baseURL: standIn.url, maxRetries: 0 });
      standIn.fail(fault);
      const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
      expect(run.code, fault).toBe(2);
      expect(run.stderr, fault).toMatch(fault === 'quota' ? /quota is used up/ : /refused the API key/);
      expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
    }
  });
});

describe('yakugo translate --provider anthropic', () => {
  it('drafts through the Messages API with the same prompt', async () => {
    const root = project({ provider: 'anthropic', baseURL: standIn.url, model: 'claude-test' });
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [request] = standIn.translations();
    expect(request!.path).toBe('/v1/messages');
    expect(request!.headers['x-api-key'] ?? request!.headers.authorization).toMatch(KEY);
    expect(readState(join(root, 'locales/en/basics.state.yaml'), 'state').get(keyOf(root, 'heading.'))?.origin).toBe('machine:anthropic/claude-test');
    expect(await checkAfterBuild(root)).toBe(0);
  });

  it('stops on a billing error', async () => {
    const root = project({ provider: 'anthropic', baseURL: standIn.url, model: 'claude-test' });
    standIn.fail('quota');
    const run = await runCli(['--root', root, 'translate', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('quota is used up');
  });
});

describe('the documented examples', () => {
  /** The first fenced block of `lang` after `heading` in docs/commands/translate.md. */
  function example(heading: string, lang: string): string {
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'commands', 'translate.md'), 'utf8');
    const after = doc.slice(doc.indexOf(heading));
    const match = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(after);
    if (!match) throw new Error(`no ${lang} block after ${heading}`);
    return match[1]!;
  }

  it('the Ollama example works as written against an OpenAI-compatible server', async () => {
    const ollama = await startStandIn({ key: 'ollama' });
    try {
      const yaml = example('### A local model', 'yaml');
      const shell = example('### A local model', 'sh');
      expect(yaml).toContain('baseURL: http://localhost:11434/v1');
      expect(shell).toContain('export OLLAMA_API_KEY=ollama');
      const root = makeProject({
        'yakugo.config.yaml': `languages: [en, zh-Hans]\nrequired: [en]\n${yaml.replace('http://localhost:11434', ollama.url)}`,
        'source/basics.md': SOURCE,
        'glossary/terms.yaml': GLOSSARY,
      });
      roots.push(root);
      process.env['OLLAMA_API_KEY'] = 'ollama';
      for (const line of shell.split('\n').filter((command) => command.startsWith('npx yakugo '))) {
        const run = await runCli(['--root', root, ...line.replace('npx yakugo ', '').split(' ')]);
        expect(run.code, `${line}\n${run.stderr}`).toBe(0);
      }
      expect(ollama.translations()[0]!.body).toMatchObject({ model: 'qwen2.5:7b', response_format: { type: 'json_object' } });
      expect(Object.values(readJson(root, 'locales/en/basics.json')).every((value) => value !== '')).toBe(true);
    } finally {
      delete process.env['OLLAMA_API_KEY'];
      await ollama.close();
    }
  });
});

describe('yakugo translate on this repository', () => {
  it('drafts a new article and changes no human translation by a byte', async () => {
    const root = copyRepository();
    roots.push(root);
    write(root, 'yakugo.config.yaml', `${read(root, 'yakugo.config.yaml')}${config(standIn).split('\n').slice(2).join('\n')}`);
    write(
      root,
      'source/new-article.md',
      '---\ntitle: 蒸留と推論コスト\n---\n\n# DeepSeek の蒸留\n\n大規模言語モデルの**蒸留**は `distill()` で行います。詳しくは[論文](https://arxiv.org/abs/1503.02531)を参照。\n',
    );
    const before = snapshot(root, 'locales');
    extract({ root });
    const run = await runCli(['--root', root, 'translate', '--lang', 'en', join(root, 'source/new-article.md')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshot(root, 'locales');
    for (const [file, contents] of before) expect(after.get(file), file).toBe(contents);
    const en = readJson(root, 'locales/en/new-article.json');
    expect(Object.values(en).every((value) => value !== '')).toBe(true);
    expect((await runCli(['--root', root, 'build'])).code).toBe(0);
    const check = await runCli(['--root', root, 'check', '--lang', 'en', '--article', 'new-article']);
    expect(check.stdout).not.toMatch(/\berror\b/);
    expect(check.code).toBe(0);
  });
});
