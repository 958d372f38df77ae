import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDelimited, parseDelimited, parseDelimitedRows } from '../src/glossary/interchange/csv.js';
import { exportPrh, guardedLiteral, literalAlternatives, parsePrh, prhPattern } from '../src/glossary/interchange/prh.js';
import { collapseUntranslated, exportTbx, fromXmlId, parseTbx, toXmlId } from '../src/glossary/interchange/tbx.js';
import type { Concept, Term, TermStatus } from '../src/glossary/types.js';
import { normalizeText } from '../src/glossary/normalize.js';
import { YakugoError } from '../src/util/errors.js';

/** Whether TBX import would read `concept` as a name kept in every language (see collapseUntranslated). */
function wouldCollapse(concept: Concept): boolean {
  const copy = structuredClone(concept);
  collapseUntranslated(copy, options.sourceLanguage);
  return copy.translate !== concept.translate;
}

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/maintain/${name}`, import.meta.url)), 'utf8');
const options = { sourceLanguage: 'ja', languages: ['en', 'zh-Hans'] };

/** A concept without load places, the part an interchange format can carry. */
function plain(concept: Concept): unknown {
  const { place: _place, ...rest } = concept;
  return {
    ...rest,
    terms: Object.fromEntries(Object.entries(concept.terms).map(([lng, terms]) => [lng, terms.map(({ text, status }) => ({ text, status }))])),
  };
}

function thrown(run: () => unknown): YakugoError {
  try {
    run();
  } catch (error) {
    if (error instanceof YakugoError) return error;
    throw error;
  }
  throw new Error('expected a YakugoError');
}

// Text in each language comes from its own script, so a translated concept never looks like a name kept
// as is (identical terms in every language import as translate: false, by design).
const word = (chars: string) =>
  fc
    .array(fc.constantFrom(...chars), { minLength: 1, maxLength: 6 })
    .map((list) => list.join(''))
    .filter((text) => text.trim() === text && !text.includes('  '));
const jaWord = word('サーバ蒸留推論モデルAI言語大規模のー 〜&<');
const enWord = word('abcdefgxyz -&<>"\'');
const zhWord = word('蒸馏推理模型语言大规');
const freeText = fc.string({ minLength: 1, maxLength: 30 }).map((text) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff\r]/g, '').trim()).filter((text) => text.length > 0);
const status = fc.constantFrom<TermStatus>('preferred', 'admitted', 'deprecated', 'forbidden');

function termList(words: fc.Arbitrary<string>, minLength: number): fc.Arbitrary<Term[]> {
  return fc.uniqueArray(fc.tuple(words, status), { minLength, maxLength: 3, selector: ([text]) => text }).map((pairs) => pairs.map(([text, s], index) => ({ text, status: index === 0 ? 'preferred' : s })));
}

const conceptArbitrary: fc.Arbitrary<Concept> = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,12}$/),
    domain: fc.option(enWord, { nil: undefined }),
    definition: fc.option(freeText, { nil: undefined }),
    note: fc.option(freeText, { nil: undefined }),
    translate: fc.boolean(),
    ja: termList(jaWord, 1),
    en: termList(enWord, 0),
    zh: termList(zhWord, 0),
    enForms: fc.uniqueArray(word('stuvw'), { maxLength: 2 }),
  })
  .map(({ id, domain, definition, note, translate, ja, en, zh, enForms }) => {
    const concept: Concept = { id, translate, caseSensitive: false, longVowel: false, terms: { ja }, forms: {} };
    if (domain !== undefined) concept.domain = domain;
    if (definition !== undefined) concept.definition = definition;
    if (note !== undefined) concept.note = note;
    if (translate) {
      if (en.length > 0) concept.terms['en'] = en;
      if (zh.length > 0) concept.terms['zh-Hans'] = zh;
      if (enForms.length > 0 && en.length > 0) concept.forms['en'] = enForms;
    }
    return concept;
  });

const glossaryArbitrary = fc.uniqueArray(conceptArbitrary, { maxLength: 6, selector: (concept) => concept.id });

describe('TBX', () => {
  it('round-trips every field TBX-Basic holds (id, domain, definition, note, terms with status, forms, translate)', () => {
    fc.assert(
      fc.property(glossaryArbitrary, (concepts) => {
        // A concept to translate whose every other language holds just its source term is written exactly as a
        // name kept in every language (`translate: false`), as documented: TBX cannot tell the two apart.
        fc.pre(concepts.every((concept) => !concept.translate || wouldCollapse(concept) === false));
        const back = parseTbx(exportTbx(concepts, options), 'out.tbx', options);
        expect(back.notes).toEqual([]);
        expect(back.concepts.map(({ concept }) => plain(concept))).toEqual(concepts.map(plain));
        expect(back.concepts.every(({ idGiven }) => idGiven)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('writes XML IDs for ids that are not NCNames and reads them back', () => {
    expect(toXmlId('01.ai')).toBe('_01.ai');
    expect(toXmlId('c++')).toBe('c_x2B__x2B_');
    expect(fromXmlId(toXmlId('c++'))).toBe('c++');
    expect(fromXmlId(toXmlId('01.ai'))).toBe('01.ai');
  });

  it('reads the TBX 2008 martif layout (tig, ntig, descripGrp, supersededTerm)', () => {
    const { concepts } = parseTbx(fixture('martif-2008.tbx'), 'martif-2008.tbx', options);
    expect(concepts.map(({ concept }) => plain(concept))).toEqual([
      {
        id: 'c1',
        domain: 'AI',
        definition: 'Training a small model to imitate a large one.',
        translate: true,
        caseSensitive: false,
        longVowel: false,
        terms: {
          ja: [
            { text: '蒸留', status: 'preferred' },
            { text: '知識蒸留', status: 'admitted' },
          ],
          en: [{ text: 'distillation', status: 'preferred' }],
        },
        forms: {},
      },
      {
        id: 'c2',
        translate: true,
        caseSensitive: false,
        longVowel: false,
        terms: {
          ja: [
            { text: 'サーバー', status: 'preferred' },
            { text: 'サーバ', status: 'deprecated' },
          ],
          en: [{ text: 'server', status: 'preferred' }],
        },
        forms: {},
      },
    ]);
  });

  it('fails on malformed XML with the line and column the parser reports', () => {
    const error = thrown(() => parseTbx(fixture('broken.tbx'), 'broken.tbx', options));
    expect(error.file).toBe('broken.tbx');
    expect(error.toString()).toBe('broken.tbx:12:26: invalid XML: Opening and ending tag mismatch: "term" != "termSec"');
  });

  it('refuses a DOCTYPE that declares entities (no expansion, no external resolution)', () => {
    const error = thrown(() => parseTbx(fixture('entities.tbx'), 'entities.tbx', options));
    expect(error.reason).toBe('refusing a DOCTYPE that declares entities');
    expect(error.place?.line).toBe(2);
  });

  it('refuses a file that is XML but not TBX, naming the root element', () => {
    const error = thrown(() => parseTbx('<?xml version="1.0"?>\n<glossary/>', 'x.xml', options));
    expect(error.reason).toMatch(/root element is <glossary>/);
  });
});

describe('CSV and TSV', () => {
  for (const [name, delimiter] of [
    ['CSV', ','],
    ['TSV', '\t'],
  ] as const) {
    it(`${name} round-trips ids, statuses, forms, domain, definition, note and term order`, () => {
      fc.assert(
        fc.property(glossaryArbitrary, (concepts) => {
          const text = exportDelimited(concepts, options, delimiter);
          const back = parseDelimited(text, delimiter, `out.${name.toLowerCase()}`, options);
          expect(back.concepts.map(({ concept }) => plain(concept))).toEqual(concepts.map(plain));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('writes one row per status with a header of language codes', () => {
    const server: Concept = {
      id: 'server',
      domain: 'it',
      translate: true,
      caseSensitive: false,
      longVowel: true,
      terms: {
        ja: [
          { text: 'サーバー', status: 'preferred' },
          { text: 'サーバ', status: 'deprecated' },
        ],
        en: [{ text: 'server', status: 'preferred' }],
        'zh-Hans': [{ text: '服务器', status: 'preferred' }],
      },
      forms: { en: ['servers'] },
    };
    const deepseek: Concept = { id: 'deepseek', translate: false, caseSensitive: false, longVowel: false, terms: { ja: [{ text: 'DeepSeek', status: 'preferred' }] }, forms: {} };
    expect(exportDelimited([server, deepseek], options, ',')).toBe(
      [
        'id,status,ja,en,zh-Hans,domain,definition,note',
        'server,preferred,サーバー,server,服务器,it,,',
        'server,deprecated,サーバ,,,,,',
        'server,form,,servers,,,,',
        'deepseek,preferred,DeepSeek,DeepSeek,DeepSeek,,,',
        '',
      ].join('\n'),
    );
  });

  it('reads a Google-style file without id and status columns (description is the definition)', () => {
    const { concepts } = parseDelimited(fixture('google.csv'), ',', 'google.csv', options);
    expect(concepts.map(({ concept, idGiven }) => ({ idGiven, definition: concept.definition, terms: plain(concept) }))).toMatchObject([
      { idGiven: false, definition: 'Training a small model to imitate a large one.', terms: { terms: { ja: [{ text: '蒸留' }], en: [{ text: 'distillation' }] } } },
      { idGiven: false, definition: 'Running a trained model, e.g. "serving"', terms: { terms: { 'zh-Hans': [{ text: '推理' }] } } },
    ]);
  });

  it('parses quoted fields with line breaks, CRLF and a BOM, keeping the line of each field', () => {
    const rows = parseDelimitedRows('\ufeffja,note\r\n蒸留,"two\r\nlines"\r\n推論,x\r\n', ',', 'x.csv');
    expect(rows.map((row) => row.map((cell) => cell.value))).toEqual([
      ['ja', 'note'],
      ['蒸留', 'two\nlines'],
      ['推論', 'x'],
    ]);
    expect(rows[2]![0]).toMatchObject({ line: 4, column: 1 });
  });

  it('fails with file:line:column on an unterminated quote, an unknown column or a bad status', () => {
    expect(thrown(() => parseDelimited('ja,en\n蒸留,"distil\n', ',', 'a.csv', options)).toString()).toBe('a.csv:2:4: unterminated quoted field');
    expect(thrown(() => parseDelimited('ja,english\n', ',', 'b.csv', options)).toString()).toMatch(/^b\.csv:1:4: unknown column "english"/);
    expect(thrown(() => parseDelimited('status,ja\nobsolete,蒸留\n', ',', 'c.csv', options)).toString()).toMatch(/^c\.csv:2:1: unknown status "obsolete"/);
    expect(thrown(() => parseDelimited('en,zh-Hans\nx,y\n', ',', 'd.csv', options)).reason).toMatch(/no "ja" column/);
  });
});

describe('prh', () => {
  it('turns literal rules into concepts with deprecated ja variants and keeps the others as source rules', () => {
    const { concepts, notes, rules } = parsePrh(fixture('prh.yml'), 'prh.yml', options);
    expect(concepts.map(({ concept }) => ({ ja: concept.terms['ja']!.map((term) => `${term.status}:${term.text}`), note: concept.note, examples: concept.examples?.match }))).toEqual([
      { ja: ['preferred:サーバー', 'deprecated:サーバ'], note: undefined, examples: ['サーバを再起動する'] },
      { ja: ['preferred:ウェブサイト', 'deprecated:Webサイト', 'deprecated:ホームページ', 'deprecated:ウエブサイト'], note: '表記を統一してください', examples: undefined },
      { ja: ['preferred:インターフェース', 'deprecated:インタフェース', 'deprecated:インターフェイス'], note: undefined, examples: ['インタフェースを定義する'] },
    ]);
    expect(rules).toEqual([{ rule: { expected: '行う', pattern: '/行(な)う/' }, place: { file: 'prh.yml', line: 21, column: 5 } }]);
    expect(notes).toEqual([]);
  });

  it('merges spellings that normalize to one text into one term (WEB+DB_PRESS: Entity / entity, ON/OFF / ON／OFF)', () => {
    const dictionary = 'version: 1\nrules:\n  - expected: エンティティ\n    patterns:\n      - Entity\n      - entity\n  - expected: オン/オフ\n    pattern:  /ON\\/OFF|ON／OFF|オン・オフ/\n';
    const { concepts, rules, notes } = parsePrh(dictionary, 'web+db.yml', options);
    expect(concepts.map(({ concept }) => concept.terms['ja']!.map((term) => `${term.status}:${term.text}`))).toEqual([
      ['preferred:エンティティ', 'deprecated:Entity'],
      ['preferred:オン/オフ', 'deprecated:ON/OFF', 'deprecated:オン・オフ'],
    ]);
    expect(rules).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('reads a literal guarded against matching inside the expected term as that literal, and writes it so', () => {
    expect(guardedLiteral('サーバ(?!ー)', 'サーバー')).toBe('サーバ');
    expect(guardedLiteral('(?<!データ・)センター', 'データ・センター')).toBe('センター');
    // A guard that excludes more than the expected term changes the meaning: not converted.
    expect(guardedLiteral('サーバ(?!ー)', 'サーバーズ')).toBeUndefined();
    expect(guardedLiteral('サーバ(?!\\w)', 'サーバー')).toBeUndefined();
    expect(prhPattern('サーバ', 'サーバー')).toBe('/サーバ(?!ー)/');
    expect(prhPattern('センター', 'データ・センター')).toBe('/(?<!データ・)センター/');
    expect(prhPattern('Webサイト', 'ウェブサイト')).toBe('Webサイト');
  });

  it('converts only literal regular expressions', () => {
    expect(literalAlternatives('(?:ホームページ|ウエブサイト)')).toEqual(['ホームページ', 'ウエブサイト']);
    expect(literalAlternatives('Web\\.サイト')).toEqual(['Web.サイト']);
    expect(literalAlternatives('サーバ(?!ー)')).toBeUndefined();
    expect(literalAlternatives('[Jj]avascript')).toBeUndefined();
    expect(literalAlternatives('\\bAI\\b')).toBeUndefined();
  });

  it('round-trips the expected term, its variants, the message and the specs', () => {
    const prhConcept = fc
      .record({
        preferred: jaWord,
        variants: fc.uniqueArray(jaWord, { minLength: 1, maxLength: 3 }),
        note: fc.option(freeText, { nil: undefined }),
        suffix: fc.constantFrom('を使う', 'の設定', ''),
      })
      .filter(({ preferred, variants }) => !variants.includes(preferred) && !/^\//.test(preferred) && variants.every((variant) => !variant.startsWith('/')))
      .map(({ preferred, variants, note, suffix }): Concept => {
        const concept: Concept = {
          id: '',
          translate: true,
          caseSensitive: false,
          longVowel: false,
          terms: { ja: [{ text: preferred, status: 'preferred' }, ...variants.map((text) => ({ text, status: 'deprecated' as const }))] },
          forms: {},
          examples: { match: [`${variants[0]}${suffix}`], noMatch: [] },
        };
        if (note !== undefined) concept.note = note;
        return concept;
      });
    fc.assert(
      fc.property(fc.uniqueArray(prhConcept, { maxLength: 5, selector: (concept) => concept.terms['ja']![0]!.text }), (concepts) => {
        // A glossary never has one Japanese term in two concepts, as matching sees it (`推サ` and `推 サ` are one).
        const spellings = concepts.flatMap((concept) => concept.terms['ja']!.map((term) => normalizeText(term.text)));
        fc.pre(new Set(spellings).size === spellings.length);
        const back = parsePrh(exportPrh(concepts, options), 'out.yml', options);
        expect(back.notes).toEqual([]);
        expect(back.concepts.map(({ concept }) => plain(concept))).toEqual(concepts.map(plain));
      }),
      { numRuns: 150 },
    );
  });

  it('fails on a file that is not a prh dictionary, with its line', () => {
    expect(thrown(() => parsePrh('version: 2\nrules: []\n', 'x.yml', options)).toString()).toBe('x.yml:1:10: not a prh dictionary: expected "version: 1"');
    expect(thrown(() => parsePrh('version: 1\nrules:\n  - pattern: a\n', 'y.yml', options)).toString()).toBe('y.yml:3:5: a prh rule needs "expected"');
  });
});
