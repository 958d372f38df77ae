import { PassThrough, Writable } from 'node:stream';
import pc from 'picocolors';
import { beforeEach, describe, expect, it } from 'vitest';
import { addFromSuggestions } from '../src/cli/commands/glossary/add-interactive.js';
import { resetMessages } from '../src/util/i18n.js';
import { loadProject } from '../src/config/load.js';
import { loadGlossary } from '../src/glossary/load.js';
import type { Concept } from '../src/glossary/types.js';
import { makeProject } from './helpers/project.js';

/** A scripted terminal: each time a question is printed, the next answer is typed. */
function scripted(answers: string[]) {
  const input = new PassThrough();
  let transcript = '';
  const output = new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      transcript += text;
      if (/[:\]] $/.test(text)) {
        const answer = answers.shift();
        if (answer !== undefined) {
          transcript += `${answer}\n`;
          setImmediate(() => input.write(`${answer}\n`));
        }
      }
      done();
    },
  });
  return { terminal: { input, output, interactive: true }, transcript: () => transcript };
}

beforeEach(() => {
  process.env['LC_ALL'] = 'en_US.UTF-8';
  resetMessages();
});

describe('glossary add --from-suggest', () => {
  it('asks about each candidate: accept with translations and an id, skip, edit the term, stop', async () => {
    const root = makeProject({
      'yakugo.config.yaml': 'languages: [en, zh-Hans]\n',
      'glossary/ai.yaml': 'concepts:\n  - { id: distillation, ja: 蒸留, en: distillation, zh-Hans: 蒸馏 }\n',
      'source/a.md': '蒸留モデルは小さい。蒸留モデルを使う。推論能力を蒸留する。推論能力が高い。追加学習させる。\n',
    });
    const project = loadProject(root);
    const glossary = await loadGlossary(project.dirs.glossary, { root });
    const context = { project, stdout: new PassThrough(), stderr: new PassThrough(), isTTY: false, colors: pc.createColors(false) };
    const { terminal, transcript } = scripted([
      'a', 'reasoning ability', '推理能力', '', // accept 推論能力, keep the offered id
      's', // skip the second (蒸留モデル)
      'e', '蒸留済みモデル', 'distilled model', '', 'Bad Id', 'distilled-model', // edit the term, no zh-Hans, fix a bad id
      'q',
    ]);
    const written: Concept[][] = [];
    await addFromSuggestions(context, glossary, 3, (concepts) => written.push(concepts), terminal);
    expect(written).toHaveLength(1);
    expect(written[0]!.map((concept) => ({ id: concept.id, terms: Object.fromEntries(Object.entries(concept.terms).map(([lng, terms]) => [lng, terms.map((term) => term.text)])) }))).toEqual([
      { id: 'suiron-nouryoku', terms: { ja: ['推論能力'], en: ['reasoning ability'], 'zh-Hans': ['推理能力'] } },
      { id: 'distilled-model', terms: { ja: ['蒸留済みモデル'], en: ['distilled model'] } },
    ]);
    expect(transcript()).toMatch(/\[1\/3\] 推論能力 {2}\(score [\d.]+, 2×, a\)\n {2}\*\*推論能力\*\*を蒸留する。/);
    // The second (蒸留モデル) was skipped; the third (追加学習) was edited before it was added.
    expect(transcript()).toMatch(/\[2\/3\] 蒸留モデル .*\n.*\n.*\[a\/e\/s\/q\] s\n\n\[3\/3\] 追加学習 /);
    expect(transcript()).toContain('Japanese term [追加学習]: 蒸留済みモデル');
    expect(transcript()).toContain('ids are lower case a-z, 0-9, . + - (starting with a letter or digit)');
  });
});
