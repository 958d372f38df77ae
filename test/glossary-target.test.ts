import { describe, expect, it } from 'vitest';
import { parseGlossaryFile } from '../src/glossary/load.js';
import { containsAcceptedTerm, findTargetTerms } from '../src/glossary/target/index.js';
import { englishForms } from '../src/glossary/target/en.js';
import type { Concept } from '../src/glossary/types.js';

const concepts = new Map(
  parseGlossaryFile(
    `concepts:
  - id: llm
    ja: 大規模言語モデル
    en: large language model
    zh-Hans: 大语言模型
    ko: 대규모 언어 모델
  - id: language-model
    ja: 言語モデル
    en: [language model, { term: LM, status: deprecated }]
  - id: distillation
    ja: 蒸留
    en: [distill, { term: distillation, status: admitted }]
    forms: { en: [distil] }
    zh-Hans: 蒸馏
  - id: company
    ja: 企業
    en: company
  - id: gpu
    translate: false
    ja: GPU
  - id: ai
    translate: false
    ja: AI
  - id: physical-ai
    ja: フィジカル AI
    en: physical AI
    zh-Hans: 物理 AI
  - id: meta
    translate: false
    caseSensitive: true
    ja: Meta
  - id: nvidia
    ja: NVIDIA
    en: [NVIDIA, { term: Nvidia, status: forbidden }]
    zh-Hans: 英伟达
    th: เอ็นวิเดีย
    de: NVIDIA
  - id: data-center
    ja: データセンター
    en: data center
    de: Rechenzentrum
  - id: llama-3
    translate: false
    ja: Llama 3
`,
    'test.yaml',
  ).map((concept) => [concept.id, concept]),
);
const concept = (id: string): Concept => concepts.get(id)!;

/** The surfaces found, with their status. */
function found(lng: string, text: string, id: string): string[] {
  return findTargetTerms(lng, text, concept(id)).map((hit) => `${text.slice(hit.start, hit.end)}/${hit.term.status}`);
}

describe('English', () => {
  it('matches whole words only', () => {
    expect(found('en', 'Two companies and a company-wide plan; accompany them.', 'company')).toEqual(['companies/preferred', 'company/preferred']);
    expect(found('en', 'GPUs, a GPU and GPUS', 'gpu')).toEqual(['GPUs/preferred', 'GPU/preferred']);
  });

  it('is case-insensitive, except for acronyms and case-sensitive concepts', () => {
    expect(found('en', 'Large Language Models are big', 'llm')).toEqual(['Large Language Models/preferred']);
    expect(found('en', 'The ai of OpenAI, the AI of Meta', 'ai')).toEqual(['AI/preferred']);
    expect(found('en', 'Meta, META and meta', 'meta')).toEqual(['Meta/preferred']);
  });

  it('does not end a number where a decimal part follows', () => {
    expect(found('en', 'Llama 3.1 beats Llama 3, and Llama-3 too.', 'llama-3')).toEqual(['Llama 3/preferred', 'Llama-3/preferred']);
    expect(found('zh-Hans', 'Llama 3.1 与 Llama 3。', 'llama-3')).toEqual(['Llama 3/preferred']);
  });

  it('accepts hyphen and space variants', () => {
    expect(found('en', 'a large-language model and a large language-model', 'llm')).toEqual([
      'large-language model/preferred',
      'large language-model/preferred',
    ]);
    expect(found('en', 'the data-center boom', 'data-center')).toEqual(['data-center/preferred']);
  });

  it('accepts regular plurals and verb forms, and the concept forms', () => {
    expect(found('en', 'It distills, distilled, is distilling; we distil.', 'distillation')).toEqual([
      'distills/preferred',
      'distilled/preferred',
      'distilling/preferred',
      'distil/admitted',
    ]);
    expect(englishForms('company')).toEqual(expect.arrayContaining(['companies']));
    expect(englishForms('model')).toEqual(expect.arrayContaining(['models', 'modeled', 'modelled', 'modeling']));
    expect(englishForms('distill')).toEqual(expect.arrayContaining(['distills', 'distilled', 'distilling']));
    expect(englishForms('match')).toEqual(expect.arrayContaining(['matches', 'matched', 'matching']));
    expect(englishForms('stop')).toEqual(expect.arrayContaining(['stops', 'stopped', 'stopping']));
    expect(englishForms('use')).toEqual(expect.arrayContaining(['uses', 'used', 'using']));
  });

  it('keeps the longest of overlapping terms and reports deprecated and forbidden ones', () => {
    expect(found('en', 'a large language model', 'llm')).toEqual(['large language model/preferred']);
    expect(found('en', 'an LM, not a language model', 'language-model')).toEqual(['LM/deprecated', 'language model/preferred']);
    expect(found('en', 'Nvidia and NVIDIA', 'nvidia')).toEqual(['Nvidia/forbidden', 'NVIDIA/preferred']);
  });

  it('normalizes width and line breaks, with offsets in the original text', () => {
    const text = 'ＧＰＵ and a large\nlanguage model';
    expect(found('en', text, 'gpu')).toEqual(['ＧＰＵ/preferred']);
    expect(found('en', text, 'llm')).toEqual(['large\nlanguage model/preferred']);
  });

  it('answers containsAcceptedTerm', () => {
    expect(containsAcceptedTerm('en', 'Two large language models.', concept('llm'))).toBe(true);
    expect(containsAcceptedTerm('en', 'Two LLMs.', concept('llm'))).toBe(false);
    expect(containsAcceptedTerm('en', 'An LM.', concept('language-model'))).toBe(false);
    expect(containsAcceptedTerm('en-GB', 'It was distilled.', concept('distillation'))).toBe(true);
  });
});

describe('Chinese', () => {
  it('matches substrings after NFKC, ignoring spaces between Chinese and Latin', () => {
    expect(found('zh-Hans', '机器人等物理AI和物理 AI', 'physical-ai')).toEqual(['物理AI/preferred', '物理 AI/preferred']);
    expect(found('zh-Hans', '这些大语言模型', 'llm')).toEqual(['大语言模型/preferred']);
  });

  it('does not find a Latin term inside a longer Latin word', () => {
    expect(found('zh-Hans', 'OpenAI 的 AI 模型', 'ai')).toEqual(['AI/preferred']);
    expect(found('zh-Hans', '使用ＧＰＵ训练', 'gpu')).toEqual(['ＧＰＵ/preferred']);
  });

  it('answers containsAcceptedTerm', () => {
    expect(containsAcceptedTerm('zh-Hans', '英伟达的股价', concept('nvidia'))).toBe(true);
    expect(containsAcceptedTerm('zh-Hans', 'NVIDIA 的股价', concept('nvidia'))).toBe(false);
    expect(containsAcceptedTerm('zh-Hant', '蒸馏技术', concept('distillation'))).toBe(false);
  });
});

describe('Chinese scripts', () => {
  const [concept] = parseGlossaryFile(
    `concepts:
  - id: distillation
    ja: 蒸留
    zh-Hans: 蒸馏
    zh-Hant: 蒸餾
`,
    'zh.yaml',
  );
  const [, server] = parseGlossaryFile(
    `concepts:
  - { id: distillation, ja: 蒸留, zh-Hans: 蒸馏 }
  - { id: server, ja: サーバー, zh-Hans: 服务器, forms: { zh-Hans: [伺服器] } }
`,
    'zh.yaml',
  );

  it('does not accept the Traditional spelling in a zh-Hans translation, nor the Simplified one in zh-Hant', () => {
    expect(containsAcceptedTerm('zh-Hans', '知识蒸餾是一种模型压缩方法。', concept!)).toBe(false);
    expect(containsAcceptedTerm('zh-Hant', '知識蒸馏是一種模型壓縮方法。', concept!)).toBe(false);
    expect(containsAcceptedTerm('zh-Hans', '知识蒸馏是一种模型压缩方法。', concept!)).toBe(true);
    expect(containsAcceptedTerm('zh-Hant', '知識蒸餾是一種模型壓縮方法。', concept!)).toBe(true);
  });

  it('accepts the other script when the concept lists it in forms', () => {
    expect(containsAcceptedTerm('zh-Hans', '台湾厂商称之为伺服器。', server!)).toBe(true);
    expect(containsAcceptedTerm('zh-Hans', '推理服务器', server!)).toBe(true);
  });

  it('compares after NFKC: a compatibility ideograph is its unified character', () => {
    // U+F9F4 (CJK compatibility ideograph 林) normalizes to U+6797.
    const [forest] = parseGlossaryFile('concepts:\n  - { id: forest, ja: 森林, zh-Hans: 森林 }\n', 'f.yaml');
    expect(containsAcceptedTerm('zh-Hans', '保护森\uF9F4资源', forest!)).toBe(true);
  });
});

describe('languages without a module', () => {
  it('finds terms in spaceless scripts as substrings', () => {
    expect(found('th', 'หุ้นเอ็นวิเดียร่วง', 'nvidia')).toEqual(['เอ็นวิเดีย/preferred']);
    expect(found('ko', '이 대규모 언어 모델은', 'llm')).toEqual(['대규모 언어 모델/preferred']);
  });

  it('finds other terms as whole words, case-insensitively', () => {
    expect(found('de', 'Das Rechenzentrum und die Rechenzentrumskosten', 'data-center')).toEqual(['Rechenzentrum/preferred']);
    expect(found('de', 'NVIDIA-Aktie', 'nvidia')).toEqual(['NVIDIA/preferred']);
  });
});
