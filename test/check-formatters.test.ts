import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import pc from 'picocolors';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../src/check/formatters/github.js';
import { type FormatContext, getFormatter } from '../src/check/formatters/index.js';
import type { Problem } from '../src/check/types.js';
import { resetMessages } from '../src/util/i18n.js';
import { YakugoError } from '../src/util/errors.js';
import { repositoryRoot } from './helpers/project.js';

// CommonJS packages whose default export TypeScript's NodeNext typing cannot see through an ES import.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const problems: Problem[] = [
  {
    rule: 'term/untranslated',
    severity: 'error',
    lng: 'en',
    file: 'locales/en/deepseek-shock.json',
    line: 9,
    column: 25,
    key: 'paragraph.e599e72f',
    concept: 'distillation',
    message: '“蒸留” is not translated as “distillation” in locales/en/deepseek-shock.json:9:25 (source: source/deepseek-shock.md:16:78)',
    source: { file: 'source/deepseek-shock.md', line: 16, column: 78 },
  },
  {
    rule: 'segment/missing',
    severity: 'warn',
    lng: 'zh-Hans',
    file: 'locales/zh-Hans/解説/蒸留 2.json',
    line: 1,
    column: 1,
    key: 'heading.0a1b2c3d',
    message: 'No zh-Hans translation of “50% off, 100%: a\nsecond line”',
    source: { file: 'source/解説/蒸留 2.md', line: 3, column: 3 },
  },
  {
    rule: 'edition/outdated',
    severity: 'error',
    lng: 'en',
    file: 'out/en/deepseek-shock.md',
    line: 3,
    column: 1,
    key: null,
    message: 'The en edition is not what yakugo build writes (first difference at line 3): run yakugo build',
    source: null,
  },
  {
    rule: 'segment/missing',
    severity: 'error',
    lng: 'en',
    file: 'locales/en/deepseek-shock.json',
    line: 2,
    column: 17,
    key: 'meta.title',
    message: 'Empty en translation of “DeepSeek ショック”',
    source: { file: 'source/deepseek-shock.md', line: 2, column: 8 },
  },
];

const context: FormatContext = {
  rules: [
    { id: 'segment/missing', description: 'A source segment has no translation.', defaultSeverity: 'error', helpUri: 'https://example.org/rules#segment-missing' },
    { id: 'term/untranslated', description: 'A glossary term is missing from its translation.', defaultSeverity: 'error' },
    { id: 'edition/outdated', description: 'A file in out/ is outdated.', defaultSeverity: 'error' },
    { id: 'markup/mismatch', description: 'Markup differs.', defaultSeverity: 'error' },
  ],
  colors: pc.createColors(false),
  tool: { name: 'yakugo', version: '0.1.0' },
};

beforeAll(() => {
  process.env['LC_ALL'] = 'en_US.UTF-8';
  resetMessages();
});

describe('json', () => {
  it('writes the documented shape: sorted problems, keys in order, paths as given', () => {
    const report = JSON.parse(getFormatter('json')(problems, context));
    expect(Object.keys(report)).toEqual(['version', 'summary', 'problems']);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ errors: 3, warnings: 1, files: 3 });
    expect(report.problems.map((problem: Problem) => `${problem.file}:${problem.line}`)).toEqual([
      'locales/en/deepseek-shock.json:2',
      'locales/en/deepseek-shock.json:9',
      'locales/zh-Hans/解説/蒸留 2.json:1',
      'out/en/deepseek-shock.md:3',
    ]);
    expect(Object.keys(report.problems[1])).toEqual(['rule', 'severity', 'lng', 'file', 'line', 'column', 'key', 'concept', 'message', 'source']);
    expect(Object.keys(report.problems[0])).toEqual(['rule', 'severity', 'lng', 'file', 'line', 'column', 'key', 'message', 'source']);
    expect(report.problems[3]).toMatchObject({ key: null, source: null });
    expect(report.problems[1].source).toEqual({ file: 'source/deepseek-shock.md', line: 16, column: 78 });
  });

  it('is the same whatever order problems come in', () => {
    const format = getFormatter('json');
    fc.assert(
      fc.property(fc.shuffledSubarray(problems, { minLength: problems.length }), (shuffled) => {
        expect(format(shuffled, context)).toBe(format(problems, context));
      }),
    );
  });
});

describe('github', () => {
  it('writes one workflow command per problem with file, line, col and title', () => {
    const lines = getFormatter('github')(problems, context).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=locales/en/deepseek-shock.json,line=2,col=17,title=segment/missing (en)::Empty en translation of “DeepSeek ショック”',
      '::error file=locales/en/deepseek-shock.json,line=9,col=25,title=term/untranslated (en)::“蒸留” is not translated as “distillation” in locales/en/deepseek-shock.json:9:25 (source: source/deepseek-shock.md:16:78)',
      '::warning file=locales/zh-Hans/解説/蒸留 2.json,line=1,col=1,title=segment/missing (zh-Hans)::No zh-Hans translation of “50%25 off, 100%25: a%0Asecond line”',
      '::error file=out/en/deepseek-shock.md,line=3,col=1,title=edition/outdated (en)::The en edition is not what yakugo build writes (first difference at line 3): run yakugo build',
    ]);
  });

  it('escapes as the Actions runner unescapes', () => {
    expect(escapeData('50%\r\nok: a,b')).toBe('50%25%0D%0Aok: a,b');
    expect(escapeProperty('a:b,c%d\n')).toBe('a%3Ab%2Cc%25d%0A');
    // The runner's unescaping (actions/toolkit command.ts, reversed) gives back the text.
    const unescapeProperty = (text: string) =>
      text.replaceAll('%2C', ',').replaceAll('%3A', ':').replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%25', '%');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeProperty(text);
        expect(escaped).not.toMatch(/[,:\r\n]/);
        expect(unescapeProperty(escaped)).toBe(text);
      }),
    );
  });
});

describe('stylish', () => {
  it('groups by file and ends with a total, without colours when not on a terminal', () => {
    const output = getFormatter('stylish')(problems, context);
    expect(output).not.toMatch(/\u001b\[/);
    expect(output.split('\n')).toEqual([
      'locales/en/deepseek-shock.json',
      '  2:17  error    Empty en translation of “DeepSeek ショック”  segment/missing',
      '  9:25  error    “蒸留” is not translated as “distillation” in locales/en/deepseek-shock.json:9:25 (source: source/deepseek-shock.md:16:78)  term/untranslated',
      '',
      'locales/zh-Hans/解説/蒸留 2.json',
      '  1:1   warning  No zh-Hans translation of “50% off, 100%: a second line”  segment/missing',
      '',
      'out/en/deepseek-shock.md',
      '  3:1   error    The en edition is not what yakugo build writes (first difference at line 3): run yakugo build  edition/outdated',
      '',
      '✖ 4 problems (3 errors, 1 warning)',
      '',
    ]);
  });

  it('colours severities on a terminal', () => {
    const output = getFormatter('stylish')(problems, { ...context, colors: pc.createColors(true) });
    expect(output).toContain('\u001b[31merror');
    expect(output).toContain('\u001b[33mwarning');
  });

  it('prints nothing when there is nothing to report', () => {
    expect(getFormatter('stylish')([], context)).toBe('');
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(join(repositoryRoot, 'test/fixtures/check/sarif-schema-2.1.0.json'), 'utf8'));
  // The official schema's `language` pattern has a stray `]`, legal only in non-Unicode regular expressions.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('is valid SARIF 2.1.0', () => {
    const log = JSON.parse(getFormatter('sarif')(problems, context));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is valid with no problems too', () => {
    expect(validate(JSON.parse(getFormatter('sarif')([], context)))).toBe(true);
  });

  it('lists the rules and points each result at the catalog, with the Markdown as related location', () => {
    const log = JSON.parse(getFormatter('sarif')(problems, context));
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['edition/outdated', 'markup/mismatch', 'segment/missing', 'term/untranslated']);
    expect(run.tool.driver.rules[2]).toEqual({
      id: 'segment/missing',
      shortDescription: { text: 'A source segment has no translation.' },
      defaultConfiguration: { level: 'error' },
      helpUri: 'https://example.org/rules#segment-missing',
    });
    const untranslated = run.results[1];
    expect(untranslated).toMatchObject({
      ruleId: 'term/untranslated',
      ruleIndex: 3,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'locales/en/deepseek-shock.json' }, region: { startLine: 9, startColumn: 25 } } }],
      relatedLocations: [{ physicalLocation: { artifactLocation: { uri: 'source/deepseek-shock.md' }, region: { startLine: 16, startColumn: 78 } } }],
      properties: { lng: 'en', key: 'paragraph.e599e72f', concept: 'distillation' },
    });
    expect(run.results[2].level).toBe('warning');
    expect(run.results[2].locations[0].physicalLocation.artifactLocation.uri).toBe('locales/zh-Hans/%E8%A7%A3%E8%AA%AC/%E8%92%B8%E7%95%99%202.json');
  });

  it('rejects a log the schema forbids (the validator is really checking)', () => {
    const log = JSON.parse(getFormatter('sarif')(problems, context));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });
});

it('an unknown format is a usage error', () => {
  expect(() => getFormatter('xml')).toThrow(YakugoError);
});
