import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/config/load.js';
import { makeProject } from './helpers/project.js';

describe('config', () => {
  it('has a default for every setting, so a folder with only source/ works', () => {
    const root = makeProject({ 'source/a.md': '本文\n' });
    const { config, dirs } = loadProject(root);
    expect(config.sourceLanguage).toBe('ja');
    expect(config.languages).toEqual(['en', 'zh-Hans']);
    expect(config.frontMatter).toEqual(['title', 'description', 'tags']);
    expect(dirs.out).toBe(`${root}/out`);
  });

  it('names the file, line and column of an unknown key', () => {
    const root = makeProject({ 'yakugo.config.yaml': 'sourceLanguage: ja\npaths:\n  source: src\n  outt: build\n' });
    expect(() => loadProject(root)).toThrow('yakugo.config.yaml:4:3: unknown key "outt" in paths');
  });

  it('names the key of a wrong type', () => {
    const root = makeProject({ 'yakugo.config.yaml': 'languages: en\n' });
    expect(() => loadProject(root)).toThrow(/^yakugo\.config\.yaml:1:1: "languages": /);
  });

  it('rejects a malformed language tag and a required language that is not built', () => {
    expect(() => loadProject(makeProject({ 'yakugo.config.yaml': 'languages: [en, zh_CN]\n' }))).toThrow(/yakugo\.config\.yaml:1:17: "languages\.1": expected a language tag/);
    expect(() => loadProject(makeProject({ 'yakugo.config.yaml': 'languages: [en]\nrequired: [fr]\n' }))).toThrow(/yakugo\.config\.yaml:2:1: required language fr is not in languages/);
  });

  it('reports invalid YAML with its place', () => {
    expect(() => loadProject(makeProject({ 'yakugo.config.yaml': 'languages: [en\n' }))).toThrow(/^yakugo\.config\.yaml:\d+:\d+: invalid YAML/);
  });
});
