import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../build/build.js';
import { catalogPath, formatCatalog } from '../catalog/catalog.js';
import { extract } from '../catalog/extract.js';
import { loadProject } from '../config/load.js';
import { YakugoError } from '../util/errors.js';
import { inputMessage } from '../util/input-messages.js';
import { writeAll } from '../util/write-all.js';

export interface InitOptions {
  /** The dev-dependency spec of yakugo in the new package.json (default: `defaultYakugoSpec()`). */
  yakugoSpec?: string;
}

export interface InitResult {
  root: string;
  /** Files written, relative to the root, in order. */
  written: string[];
}

/** The sample article, and the English translation init fills in so the new project starts green. */
const SAMPLE_ARTICLE = `---
title: はじめての記事
description: yakugo で翻訳する記事の見本です。
---

# はじめての記事

この記事は yakugo の見本です。用語集にある翻訳メモリは、どの版でも同じ訳語で書かれます。

## 次にすること

\`source/\` に記事を加えて \`npx yakugo extract\` を実行し、\`locales/en/\` の空の値を翻訳します。
`;

const SAMPLE_TRANSLATION: Record<string, string> = {
  はじめての記事: 'Your first article',
  'yakugo で翻訳する記事の見本です。': 'A sample article translated with yakugo.',
  'この記事は yakugo の見本です。用語集にある翻訳メモリは、どの版でも同じ訳語で書かれます。':
    'This article is a yakugo sample. The glossary term translation memory is written the same way in every edition.',
  次にすること: 'What to do next',
  '`source/` に記事を加えて `npx yakugo extract` を実行し、`locales/en/` の空の値を翻訳します。':
    'Add an article to `source/`, run `npx yakugo extract`, and translate the empty values in `locales/en/`.',
};

function scaffold(name: string, yakugoSpec: string): Record<string, string> {
  return {
    'package.json': `${JSON.stringify(
      {
        name,
        private: true,
        description: 'Japanese articles and their localized editions, built with yakugo',
        scripts: {
          extract: 'yakugo extract',
          build: 'yakugo build',
          status: 'yakugo status',
          test: 'yakugo check',
        },
        devDependencies: { yakugo: yakugoSpec },
      },
      null,
      2,
    )}\n`,
    'yakugo.config.yaml': `# yakugo configuration. Every setting has a default; see yakugo's README, "Configuration".
sourceLanguage: ja
languages: [en]
# A missing translation in a required language fails \`yakugo build\` and \`yakugo check\` (and so npm test).
required: [en]
paths:
  source: source
  locales: locales
  out: out
  glossary: glossary
# Front-matter fields whose values are translated.
frontMatter: [title, description]
`,
    'source/hello.md': SAMPLE_ARTICLE,
    'glossary/terms.yaml': `# One concept per entry: the Japanese term and the term every translation must use.
concepts:
  - id: translation-memory
    definition: A database of earlier translations that translators reuse.
    ja: 翻訳メモリ
    en: translation memory
`,
    '.github/workflows/yakugo.yml': `name: yakugo
on:
  push:
    branches: [main]
  pull_request:
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      # Annotates the pull request with every problem; fails the job on any error.
      - run: npx yakugo check --format github
`,
    '.gitignore': `node_modules/
# Generated for people, not committed: the review site and XLIFF exchange files.
out/.review/
out/.xliff/
# A run in progress, or one that was interrupted (see yakugo's docs/safety.md).
.yakugo.lock
*.yakugo-tmp-*
*.yakugo-journal
`,
  };
}

/**
 * Scaffolds a content project in `dir`: its own package.json with yakugo as a dev dependency, the config, a
 * sample article with its glossary term, the GitHub Actions workflow and a .gitignore; then extracts the
 * sample, fills in its English translation and builds, so `npm test` passes from the start. Refuses to
 * touch a folder that already holds any of these files.
 */
export function initProject(dir: string, options: InitOptions = {}): InitResult {
  const root = resolve(dir);
  const files = scaffold(packageName(root), options.yakugoSpec ?? defaultYakugoSpec());
  const existing = [...Object.keys(files), 'locales', 'out'].filter((file) => existsSync(join(root, file)));
  if (existing.length > 0) throw new YakugoError(inputMessage('initExists', { dir: root, files: existing.join(', ') }));

  const written = writeAll(
    Object.entries(files).map(([file, contents]) => ({ file: join(root, file), contents })),
    (file) => file.slice(root.length + 1),
  );
  const extracted = extract({ root });
  const project = loadProject(root);
  const english = catalogPath(project, 'en', 'hello');
  const entries = JSON.parse(readFileSync(catalogPath(project, 'ja', 'hello'), 'utf8')) as Record<string, string>;
  writeAll([{ file: english, contents: formatCatalog(Object.entries(entries).map(([key, text]) => [key, SAMPLE_TRANSLATION[text] ?? ''])) }], String);
  build({ root });
  const generated = [...extracted.written, ...['out/ja/hello.md', 'out/en/hello.md']];
  return { root, written: [...written, ...generated.filter((file) => !written.includes(file))] };
}

/** An npm package name from the folder name: lower case, `-` for anything else. */
function packageName(root: string): string {
  return (
    basename(root)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[._-]+|-+$/g, '') || 'articles'
  );
}

/**
 * The yakugo a new project depends on: this very installation when it runs from a clone (a `file:` path,
 * as long as yakugo is not published), else the same version range from the registry.
 */
export function defaultYakugoSpec(): string {
  const packageRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
  return packageRoot.split(sep).includes('node_modules') ? `^${yakugoVersion()}` : `file:${packageRoot}`;
}

function yakugoVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
