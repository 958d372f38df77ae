import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading, Html, Link, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/check/rules/index.js';
import { allCommands, docsPageOf } from '../src/cli/docs.js';
import { createProgram } from '../src/cli/main.js';
import { lintRules } from '../src/glossary/maintain/lint/rules/index.js';
import { runCli } from './helpers/cli.js';
import { repositoryRoot } from './helpers/project.js';

/** `term/untranslated` → `docs/rules/term-untranslated.md`. */
function rulePage(id: string): string {
  return `docs/rules/${id.replace(/\//g, '-')}.md`;
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const documents = [join(repositoryRoot, 'README.md'), ...markdownFiles(join(repositoryRoot, 'docs'))];

function parse(path: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(readFileSync(path, 'utf8')) as Root;
}

/** The anchors GitHub gives a Markdown file: heading slugs plus explicit `<a id>` / `<a name>`. */
function anchorsOf(path: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  visit(parse(path), (node) => {
    if (node.type === 'heading') anchors.add(slugger.slug(textOf(node as Heading)));
    if (node.type === 'html') {
      for (const match of (node as Html).value.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
    }
  });
  return anchors;
}

interface LinkInFile {
  from: string;
  url: string;
  line: number;
}

function relativeLinks(path: string): LinkInFile[] {
  const links: LinkInFile[] = [];
  visit(parse(path), (node) => {
    if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
    const url = (node as Link).url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return; // https:, mailto: …
    links.push({ from: relative(repositoryRoot, path), url, line: node.position?.start.line ?? 0 });
  });
  return links;
}

/** Why a link does not resolve, or null when it does. */
function brokenReason(link: LinkInFile): string | null {
  const [target = '', anchor] = link.url.split('#');
  const file = target === '' ? join(repositoryRoot, link.from) : resolve(dirname(join(repositoryRoot, link.from)), decodeURIComponent(target));
  if (!existsSync(file)) return 'no such file';
  if (anchor === undefined || anchor === '') return null;
  if (!file.endsWith('.md')) return 'anchor into a file that is not Markdown';
  return anchorsOf(file).has(decodeURIComponent(anchor)) ? null : `no anchor #${anchor}`;
}

describe('docs/', () => {
  it('has a page for every command, named after its path (glossary add → docs/commands/glossary-add.md)', () => {
    const commands = allCommands(createProgram());
    expect(commands.map((command) => docsPageOf(command))).toContain('docs/commands/glossary-add.md');
    const missing = commands.map((command) => docsPageOf(command)).filter((page) => !existsSync(join(repositoryRoot, page)));
    expect(missing).toEqual([]);
  });

  it('has a page for every check rule and every glossary lint rule', () => {
    const ids = [...rules.map((rule) => rule.id), ...lintRules.map((rule) => rule.id)];
    expect(ids).toContain('term/untranslated');
    expect(ids).toContain('glossary/unused');
    const missing = ids.map(rulePage).filter((page) => !existsSync(join(repositoryRoot, page)));
    expect(missing).toEqual([]);
  });

  it('keeps the README anchor of every rule, where SARIF helpUri points (#rule-term-untranslated)', () => {
    const anchors = anchorsOf(join(repositoryRoot, 'README.md'));
    const ids = [...rules.map((rule) => rule.id), ...lintRules.map((rule) => rule.id)];
    expect(ids.filter((id) => !anchors.has(`rule-${id.replace(/\//g, '-')}`))).toEqual([]);
  });

  it('every relative link in README.md and docs/**/*.md resolves, anchors included', () => {
    const links = documents.flatMap(relativeLinks);
    expect(links.length).toBeGreaterThan(50);
    const broken = links.flatMap((link) => {
      const reason = brokenReason(link);
      return reason ? [`${link.from}:${link.line}: ${link.url} (${reason})`] : [];
    });
    expect(broken).toEqual([]);
  });

  it('finds a broken link and a broken anchor (the checker itself can fail)', () => {
    expect(brokenReason({ from: 'README.md', url: 'docs/commands/no-such-command.md', line: 1 })).toBe('no such file');
    expect(brokenReason({ from: 'README.md', url: 'docs/commands/check.md#no-such-section', line: 1 })).toBe('no anchor #no-such-section');
    expect(brokenReason({ from: 'docs/commands/check.md', url: '#output-formats', line: 1 })).toBeNull();
  });

  it('--help names the page of the command, in English and Japanese', async () => {
    const english = await runCli(['glossary', 'add', '--help']);
    expect(english.stdout).toContain('Reference: docs/commands/glossary-add.md');
    const japanese = await runCli(['check', '--help'], { lang: 'ja_JP.UTF-8' });
    expect(japanese.stdout).toContain('リファレンス: docs/commands/check.md');
    const top = await runCli(['--help']);
    expect(top.stdout).toContain('docs/README.md');
  });
});
