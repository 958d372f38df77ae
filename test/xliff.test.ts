import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../src/catalog/extract.js';
import { readState } from '../src/catalog/state.js';
import { loadProject } from '../src/config/load.js';
import { shortHash } from '../src/markdown/segment.js';
import { exportXliff } from '../src/xliff/export.js';
import { importXliff } from '../src/xliff/import.js';
import { markdownToPieces, piecesToMarkdown } from '../src/xliff/inline.js';
import { readXliff } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { runCli } from './helpers/cli.js';
import { copyRepository, makeProject, read, readJson, repositoryRoot, write } from './helpers/project.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
function project(files: Record<string, string>): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}

const schema = join(repositoryRoot, 'test/fixtures/xliff-2.0/xliff_core_2.0.xsd');

/** xmllint (Debian libxml2-utils) validating against the vendored OASIS schema; fails loudly when missing. */
function validate(file: string): string {
  const which = spawnSync('xmllint', ['--version']);
  if (which.error) throw new Error('xmllint not found: install libxml2-utils (apt-get install -y libxml2-utils); .ci/run does');
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
  return `${result.status} ${result.stderr.trim()}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function snapshot(root: string): Map<string, string> {
  return new Map(filesUnder(join(root, 'locales')).map((file) => [file, readFileSync(file, 'latin1')]));
}

const config = 'languages: [en, zh-Hans]\nrequired: [en]\n';
const article = [
  '---',
  'title: 蒸留の基礎',
  '---',
  '',
  '# **蒸留**とは',
  '',
  '[論文](https://arxiv.org/abs/1503.02531 "ヒントン氏らの論文")で知られる**蒸留**は、`distill()` を使う技術です[^1]。',
  '',
  '![図の説明](images/fig.png)と<kbd>Ctrl</kbd>、<https://example.com> を参照。',
  '',
  '| 項目 | 値 |',
  '| --- | --- |',
  '| *温度* | T |',
  '',
  '[^1]: 脚注の本文です。',
  '',
].join('\n');

const english: Record<string, string> = {
  'meta.title': 'Distillation basics',
  heading: 'What is **distillation**',
  paragraph: '**Distillation**, known from a [paper](https://arxiv.org/abs/1503.02531 "The paper by Hinton et al."), is a technique that uses `distill()`[^1].',
  image: 'See ![the figure](images/fig.png), <kbd>Ctrl</kbd> and <https://example.com>.',
  cell: '*Temperature*',
};

/** A project with one article whose en catalog is translated (keys found by their kind and text). */
function translatedProject(): string {
  const root = project({ 'yakugo.config.yaml': config, 'source/a.md': article });
  extract({ root });
  const source = readJson(root, 'locales/ja/a.json');
  const en: Record<string, string> = {};
  for (const [key, text] of Object.entries(source)) {
    if (key === 'meta.title') en[key] = english['meta.title']!;
    else if (key.startsWith('heading.')) en[key] = english['heading']!;
    else if (text.startsWith('[論文]')) en[key] = english['paragraph']!;
    else if (text.startsWith('![')) en[key] = english['image']!;
    else if (text === '*温度*') en[key] = english['cell']!;
    else en[key] = '';
  }
  write(root, 'locales/en/a.json', `${JSON.stringify(en, null, 2)}\n`);
  extract({ root });
  return root;
}

async function exportTo(root: string, lng = 'en'): Promise<string> {
  const [document] = (await exportXliff(loadProject(root), { languages: [lng] })).filter((doc) => doc.article === 'a');
  const file = join(root, `a.${lng}.xlf`);
  write(root, `a.${lng}.xlf`, document!.text);
  return file;
}

function keyOf(root: string, startsWith: string): string {
  return Object.entries(readJson(root, 'locales/ja/a.json')).find(([, text]) => text.startsWith(startsWith))![0];
}

describe('inline Markdown as XLIFF codes', () => {
  it('maps emphasis, links (title kept), images (alt translatable), code, footnotes, HTML and autolinks', () => {
    const context = { definitions: [], footnotes: ['1'] };
    const pieces = markdownToPieces(english['paragraph']!, context);
    expect(pieces).toEqual([
      { kind: 'pc', type: 'fmt', start: '**', end: '**', children: [{ kind: 'text', text: 'Distillation' }] },
      { kind: 'text', text: ', known from a ' },
      { kind: 'pc', type: 'link', start: '[', end: '](https://arxiv.org/abs/1503.02531 "The paper by Hinton et al.")', children: [{ kind: 'text', text: 'paper' }] },
      { kind: 'text', text: ', is a technique that uses ' },
      { kind: 'ph', data: '`distill()`' },
      { kind: 'ph', data: '[^1]' },
      { kind: 'text', text: '.' },
    ]);
    const image = markdownToPieces(english['image']!, context);
    expect(image[1]).toEqual({ kind: 'pc', type: 'image', start: '![', end: '](images/fig.png)', children: [{ kind: 'text', text: 'the figure' }] });
    expect(image.filter((piece) => piece.kind === 'ph').map((piece) => piece.kind === 'ph' && piece.data)).toEqual(['<kbd>', '</kbd>', '<https://example.com>']);
  });

  it('gives back every text byte for byte, through XLIFF and back (property)', () => {
    const markdownish = fc.stringMatching(/^[a-zA-Z あ漢*_`[\]()!<>&"\\\r\n\t#\-.:/^~|{}\u0001\u000b]{0,40}$/);
    fc.assert(
      fc.property(markdownish, markdownish, (source, target) => {
        const context = { definitions: [], footnotes: [] };
        const sourcePieces = markdownToPieces(source, context);
        const targetPieces = markdownToPieces(target, context);
        expect(piecesToMarkdown(sourcePieces)).toBe(source);
        expect(piecesToMarkdown(targetPieces)).toBe(target);
        const text = writeXliff({
          srcLang: 'ja',
          trgLang: 'en',
          original: 'source/a.md',
          units: [{ key: 'paragraph.0', source: sourcePieces, target: targetPieces, state: 'translated', notes: [] }],
        });
        const [unit] = readXliff(text, 'a.xlf')[0]!.units;
        expect(piecesToMarkdown(unit!.source)).toBe(source);
        expect(piecesToMarkdown(unit!.target ?? [])).toBe(target);
      }),
      { numRuns: 300 },
    );
  });
});

describe('yakugo xliff export', () => {
  it("validates against the OASIS XLIFF 2.0 core schema, for this repository's articles", async () => {
    const root = copyRepository();
    roots.push(root);
    const result = await runCli(['--root', root, 'xliff', 'export']);
    expect(result.code).toBe(0);
    const files = filesUnder(join(root, 'out/.xliff'));
    expect(files.map((file) => file.slice(root.length + 1)).sort()).toEqual([
      'out/.xliff/en/deepseek-shock.xlf',
      'out/.xliff/en/explainers/distillation.xlf',
      'out/.xliff/zh-Hans/deepseek-shock.xlf',
      'out/.xliff/zh-Hans/explainers/distillation.xlf',
    ]);
    for (const file of files) expect(validate(file)).toBe(`0 ${file} validates`);
  });

  it('a file that breaks the schema does not validate (the validation can fail)', async () => {
    const root = translatedProject();
    const file = await exportTo(root);
    write(root, 'broken.xlf', read(root, 'a.en.xlf').replace('state="reviewed"', 'state="done"'));
    expect(validate(join(root, 'broken.xlf'))).toMatch(/^[1-9]\d* .*state/s);
    expect(validate(file)).toMatch(/^0 /);
  });

  it('writes one unit per segment with id = key, states from the sidecar, glossary notes and codes', async () => {
    const root = translatedProject();
    write(root, 'glossary/ai.yaml', 'concepts:\n  - id: distillation\n    definition: Training a small model to imitate a large one.\n    ja: 蒸留\n    en: [distillation, { term: distilment, status: forbidden }]\n');
    const text = read(root, (await exportTo(root)).slice(root.length + 1));
    const paragraph = keyOf(root, '[論文]');
    expect(text).toContain(`<unit id="${paragraph}" name="${paragraph}">`);
    expect(text).toContain('<note category="glossary">蒸留 → distillation (glossary concept distillation); avoid: distilment; definition: Training a small model to imitate a large one.</note>');
    expect(text).toContain('<data id="d1" xml:space="preserve">[</data>');
    expect(text).toMatch(/<pc id="1" type="link" dataRefStart="d1" dataRefEnd="d2">論文<\/pc>/);
    // An untranslated segment: state initial, no target.
    const empty = keyOf(root, '脚注');
    expect(text).toMatch(new RegExp(`name="${empty.replace('.', '\\.')}">[\\s\\S]*?<segment state="initial">\\s*<source[^>]*>脚注の本文です。</source>\\s*</segment>`));
    expect(text.match(/<segment state="reviewed">/g)).toHaveLength(5);
  });

  it('marks a stale translation (with its previous source) and a machine draft', async () => {
    const root = translatedProject();
    const paragraph = keyOf(root, '[論文]');
    // The title changed in the source after its translation (front-matter keys keep their key).
    write(root, 'source/a.md', article.replace('title: 蒸留の基礎', 'title: 蒸留の基礎と応用'));
    const state = read(root, 'locales/en/a.state.yaml');
    const line = new RegExp(`^("${paragraph.replace('.', '\\.')}": \\{ .*) \\}$`, 'm');
    expect(state).toMatch(line);
    write(root, 'locales/en/a.state.yaml', state.replace(line, '$1, origin: "machine:openai/gpt-4o" }'));
    const text = read(root, (await exportTo(root)).slice(root.length + 1));
    expect(text).toMatch(/name="meta\.title">[\s\S]*?<note category="previous-source" appliesTo="source">previous source: 蒸留の基礎<\/note>[\s\S]*?<segment state="translated" subState="yakugo:stale">/);
    expect(text).toMatch(new RegExp(`name="${paragraph}">[\\s\\S]*?unreviewed draft from machine:openai/gpt-4o[\\s\\S]*?<segment state="initial" subState="yakugo:draft">`));
  });
});

describe('yakugo xliff import', () => {
  it('export → import without a change changes no byte of any catalog or sidecar (property)', async () => {
    const root = translatedProject();
    const keys = Object.keys(readJson(root, 'locales/en/a.json'));
    const value = fc.oneof(fc.constant(''), fc.constantFrom(...Object.values(english)), fc.stringMatching(/^[a-z *_`[\]()<>&\r\n\u0001]{1,20}$/));
    const sidecar = fc.constantFrom('keep', 'none', 'stale', 'machine', 'tm');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(value, sidecar), { minLength: keys.length, maxLength: keys.length }), async (entries) => {
        const catalog: Record<string, string> = {};
        const lines: string[] = [];
        keys.forEach((key, index) => {
          const [text, kind] = entries[index]!;
          catalog[key] = text;
          if (text === '' || kind === 'none') return;
          const source = kind === 'stale' ? 'deadbeef' : shortHash(readJson(root, 'locales/ja/a.json')[key]!);
          const origin = kind === 'machine' ? ', origin: "machine:openai/gpt-4o"' : kind === 'tm' ? ', origin: "tm"' : '';
          lines.push(`${JSON.stringify(key)}: { source: "${source}", target: "${shortHash(text)}"${origin} }`);
        });
        // Hand-written layout (4-space indent): an import that changes nothing must not reformat it.
        write(root, 'locales/en/a.json', JSON.stringify(catalog, null, 4));
        write(root, 'locales/en/a.state.yaml', `# by hand\n${lines.join('\n')}\n`);
        const before = snapshot(root);
        const file = await exportTo(root);
        const result = importXliff(loadProject(root), [file]);
        expect(result.written).toEqual([]);
        expect(result.reports[0]!.rejected).toEqual([]);
        expect(snapshot(root)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it('writes an edited target; reviewed only when the XLIFF state says so', async () => {
    const root = translatedProject();
    const heading = Object.keys(readJson(root, 'locales/en/a.json')).find((key) => key.startsWith('heading.'))!;
    const file = await exportTo(root);
    const xliff = read(root, 'a.en.xlf');
    const edit = (state: string, text: string) =>
      xliff.replace(
        /(name="heading\.[0-9a-f]+">[\s\S]*?)<segment state="reviewed">([\s\S]*?)<target xml:space="preserve">What is (<pc[^>]*>)distillation<\/pc><\/target>/,
        `$1<segment state="${state}">$2<target xml:space="preserve">${text}$3distillation</pc>?</target>`,
      );
    write(root, 'a.en.xlf', edit('translated', 'Why '));
    let result = await runCli(['--root', root, 'xliff', 'import', file]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual(['locales/en/a.json', 'locales/en/a.state.yaml', '']);
    expect(readJson(root, 'locales/en/a.json')[heading]).toBe('Why **distillation**?');
    expect(readState(join(root, 'locales/en/a.state.yaml'), 'x').get(heading)?.origin).toBe('xliff');
    const unreviewed = await runCli(['--root', root, 'check', '--rule', 'segment/unreviewed', '--format', 'json']);
    expect(JSON.parse(unreviewed.stdout).problems.map((problem: { key: string; message: string }) => [problem.key, problem.message.split(' for ')[0]])).toEqual([
      [heading, 'Unreviewed en translation imported from a CAT tool (XLIFF state not reviewed)'],
    ]);
    // A translator's note on the entry survives the import.
    write(root, 'locales/en/a.state.yaml', read(root, 'locales/en/a.state.yaml').replace('origin: "xliff" }', 'origin: "xliff", note: "keep the question" }'));
    write(root, 'a.en.xlf', edit('final', 'How '));
    result = await runCli(['--root', root, 'xliff', 'import', file]);
    expect(readJson(root, 'locales/en/a.json')[heading]).toBe('How **distillation**?');
    const entry = readState(join(root, 'locales/en/a.state.yaml'), 'x').get(heading);
    expect(entry).toEqual({ source: shortHash(readJson(root, 'locales/ja/a.json')[heading]!), target: shortHash('How **distillation**?'), note: 'keep the question' });
  });

  it('accepts a stale translation a reviewer confirmed without editing it', async () => {
    const root = translatedProject();
    write(root, 'source/a.md', article.replace('title: 蒸留の基礎', 'title: 蒸留の基礎と応用'));
    const check = async () => (await runCli(['--root', root, 'check', '--rule', 'segment/stale', '--lang', 'en', '--format', 'json'])).stdout;
    expect(await check()).toContain('meta.title');
    const file = await exportTo(root);
    write(root, 'a.en.xlf', read(root, 'a.en.xlf').replace('<segment state="translated" subState="yakugo:stale">', '<segment state="reviewed">'));
    const result = await runCli(['--root', root, 'xliff', 'import', file]);
    expect(result.stderr).toContain('0 translation(s) written, 1 marked reviewed, 0 not applied');
    expect(await check()).not.toContain('meta.title');
  });

  it('reports a unit whose source changed, or whose markup broke, with its id, and applies the rest', async () => {
    const root = translatedProject();
    const file = await exportTo(root);
    const paragraph = keyOf(root, '[論文]');
    const cell = keyOf(root, '*温度*');
    const heading = Object.keys(readJson(root, 'locales/en/a.json')).find((key) => key.startsWith('heading.'))!;
    let xliff = read(root, 'a.en.xlf');
    // The source of the cell was edited in the CAT tool; the paragraph lost its inline code;
    // the heading's target had `**` typed as text (it would turn into markup).
    xliff = xliff.replace('<source xml:space="preserve"><pc id="1" type="fmt" dataRefStart="d1" dataRefEnd="d1">温度</pc>', '<source xml:space="preserve"><pc id="1" type="fmt" dataRefStart="d1" dataRefEnd="d1">湿度</pc>');
    xliff = xliff.replace(/is a technique that uses <ph id="\d+" dataRef="d\d+"\/>/, 'is a technique');
    xliff = xliff.replace(/What is (<pc[^>]*>)distillation<\/pc><\/target>/, 'What **is** $1distillation</pc></target>');
    xliff = xliff.replace('<target xml:space="preserve">Distillation basics</target>', '<target xml:space="preserve">Basics of distillation</target>');
    write(root, 'a.en.xlf', xliff);
    const before = readJson(root, 'locales/en/a.json');
    const result = await runCli(['--root', root, 'xliff', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`unit ${cell}: the source changed since the export; not applied`);
    expect(result.stderr).toContain(`unit ${paragraph}: Inline code differs from the source: missing “distill()”; not applied`);
    expect(result.stderr).toContain(`unit ${heading}: the markup of the target does not come back intact`);
    expect(result.stderr).toMatch(/a\.en\.xlf:\d+:\d+: unit /);
    const after = readJson(root, 'locales/en/a.json');
    expect(after).toEqual({ ...before, 'meta.title': 'Basics of distillation' });
  });

  it('reads through <mrk> a CAT tool added, keeps a translated link title, and refuses codes split into <sc>/<ec>', async () => {
    const root = translatedProject();
    const file = await exportTo(root);
    const paragraph = keyOf(root, '[論文]');
    const cell = keyOf(root, '*温度*');
    let xliff = read(root, 'a.en.xlf');
    // The paragraph: its words edited and one wrapped in a term annotation; the link (with its translated
    // title, a code only the target has) and the inline code kept.
    xliff = xliff.replace('is a technique that uses', 'is a <mrk id="m1" type="term">method</mrk> that relies on');
    // The cell: its emphasis written as a start and an end code.
    xliff = xliff.replace(/(<target xml:space="preserve">)<pc id="1" type="fmt" dataRefStart="(d\d+)" dataRefEnd="d\d+">Temperature<\/pc>/, '$1<sc id="1" dataRef="$2"/>Heat<ec startRef="1" dataRef="$2"/>');
    write(root, 'a.en.xlf', xliff);
    const result = await runCli(['--root', root, 'xliff', 'import', file]);
    expect(result.stderr).toContain(`unit ${cell}: <sc> (a code split in two) cannot be mapped back to Markdown`);
    expect(readJson(root, 'locales/en/a.json')[paragraph]).toBe(
      '**Distillation**, known from a [paper](https://arxiv.org/abs/1503.02531 "The paper by Hinton et al."), is a method that relies on `distill()`[^1].',
    );
    expect(readJson(root, 'locales/en/a.json')[cell]).toBe('*Temperature*');
  });

  it('refuses a DOCTYPE that declares entities, and a file for another project, writing nothing', async () => {
    const root = translatedProject();
    const file = await exportTo(root);
    const before = snapshot(root);
    write(root, 'a.en.xlf', read(root, 'a.en.xlf').replace('<xliff ', '<!DOCTYPE xliff [<!ENTITY x "boom">]>\n<xliff '));
    let result = await runCli(['--root', root, 'xliff', 'import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/a\.en\.xlf:2:\d+: refusing a DOCTYPE that declares entities/);
    write(root, 'b.xlf', (await exportXliff(loadProject(root), { languages: ['en'] }))[0]!.text.replace('original="source/a.md"', 'original="source/nope.md"'));
    result = await runCli(['--root', root, 'xliff', 'import', join(root, 'b.xlf')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/b\.xlf:3:\d+: <file original="source\/nope\.md"> names no article/);
    expect(snapshot(root)).toEqual(before);
  });

  it('takes the project lock: refused while another run writes; --dry-run writes nothing', async () => {
    const root = translatedProject();
    const file = await exportTo(root);
    write(root, 'a.en.xlf', read(root, 'a.en.xlf').replace('<target xml:space="preserve">Distillation basics</target>', '<target xml:space="preserve">Basics of distillation</target>'));
    const before = snapshot(root);
    const dry = await runCli(['--root', root, 'xliff', 'import', '--dry-run', file]);
    expect(dry.stdout).toBe('locales/en/a.json\nlocales/en/a.state.yaml\n');
    expect(snapshot(root)).toEqual(before);
    // A live process on this host holds the lock (pid 1 always runs).
    write(root, '.yakugo.lock', `${JSON.stringify({ pid: 1, host: hostname(), command: 'extract', since: '2026-01-01T00:00:00.000Z' })}\n`);
    const locked = await runCli(['--root', root, 'xliff', 'import', file]);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain('another yakugo run (extract, pid 1');
    expect(snapshot(root)).toEqual(before);
    rmSync(join(root, '.yakugo.lock'));
    expect((await runCli(['--root', root, 'xliff', 'import', file])).code).toBe(0);
    expect(readJson(root, 'locales/en/a.json')['meta.title']).toBe('Basics of distillation');
  });

  it('shows its page in --help and writes one file with -o FILE', async () => {
    const root = translatedProject();
    const out = join(root, 'one.xlf');
    const result = await runCli(['--root', root, 'xliff', 'export', join(root, 'source/a.md'), '--lang', 'zh-Hans', '-o', out]);
    expect(result.code).toBe(0);
    expect(execFileSync('xmllint', ['--noout', '--schema', schema, out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
    expect(read(root, 'one.xlf')).toContain('trgLang="zh-Hans"');
    expect((await runCli(['--root', root, 'xliff', 'export', '-o', out])).code).toBe(2);
  });
});
