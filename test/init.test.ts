import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makeTempFolder, readJson, write } from './helpers/project.js';

/** Runs `npm test` of a content project as npm would: each `yakugo …` of its test script, in its folder. */
async function npmTest(root: string): Promise<{ code: number; output: string }> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const cwd = process.cwd();
  process.chdir(root);
  try {
    let output = '';
    for (const command of manifest.scripts['test']!.split('&&').map((part) => part.trim().split(/\s+/))) {
      expect(command[0], 'the test script runs yakugo, the dev dependency').toBe('yakugo');
      const run = await runCli(command.slice(1));
      output += run.output;
      if (run.code !== 0) return { code: run.code, output };
    }
    return { code: 0, output };
  } finally {
    process.chdir(cwd);
  }
}

describe('yakugo init', () => {
  it('scaffolds a content project of its own that uses yakugo as a dev dependency, green from the start', async () => {
    const root = join(makeTempFolder(), 'My Articles');
    const result = await runCli(['init', root, '--yakugo', 'file:../yakugo-0.1.0.tgz']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Next: cd ${root} && npm install && npm test.`);
    for (const file of ['package.json', 'yakugo.config.yaml', 'source/hello.md', 'glossary/terms.yaml', '.github/workflows/yakugo.yml', '.gitignore']) {
      expect(existsSync(join(root, file)), file).toBe(true);
      expect(result.stderr).toContain(`wrote ${file}`);
    }
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; devDependencies: Record<string, string>; dependencies?: unknown };
    expect(manifest.name).toBe('my-articles');
    expect(manifest.devDependencies).toEqual({ yakugo: 'file:../yakugo-0.1.0.tgz' });
    expect(manifest.dependencies).toBeUndefined();
    expect(readFileSync(join(root, '.github/workflows/yakugo.yml'), 'utf8')).toContain('npx yakugo check --format github');
    expect(readFileSync(join(root, 'out/en/hello.md'), 'utf8')).toContain('The glossary term translation memory is written the same way');
    expect(await npmTest(root)).toMatchObject({ code: 0 });
  });

  it("the README's workflow: a new article fails npm test until it is translated and built, then passes", async () => {
    const root = join(makeTempFolder(), 'articles');
    expect((await runCli(['init', root])).code).toBe(0);
    write(root, 'source/news.md', '# お知らせ\n\n翻訳メモリを公開しました。\n');
    expect((await runCli(['--root', root, 'extract'])).code).toBe(0);
    const untranslated = await npmTest(root);
    expect(untranslated.code).toBe(1);
    expect(untranslated.output).toMatch(/locales\/en\/news\.json/);
    const keys = Object.keys(readJson(root, 'locales/en/news.json'));
    const english = ['Announcement', 'We have published our translation memory.'];
    writeFileSync(join(root, 'locales/en/news.json'), `${JSON.stringify(Object.fromEntries(keys.map((key, index) => [key, english[index]])), null, 2)}\n`);
    expect((await runCli(['--root', root, 'build'])).code).toBe(0);
    expect(await npmTest(root)).toMatchObject({ code: 0 });
  });

  it('by default depends on this installation (a path, until yakugo is published)', async () => {
    const root = join(makeTempFolder(), 'p');
    expect((await runCli(['init', root])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies['yakugo']).toMatch(/^file:\/.+/);
    expect(existsSync(join(manifest.devDependencies['yakugo']!.slice('file:'.length), 'package.json'))).toBe(true);
  });

  it('never touches a folder that already holds a project, in English and Japanese', async () => {
    const root = makeTempFolder();
    write(root, 'yakugo.config.yaml', 'languages: [fr]\n');
    const en = await runCli(['init', root]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`${root} already holds yakugo.config.yaml: yakugo init only starts a new project (choose an empty folder, or move these away)\n`);
    const ja = await runCli(['init', root], { lang: 'ja_JP.UTF-8' });
    expect(ja.stderr).toMatch(/にはすでに yakugo\.config\.yaml があります。/);
    expect(readFileSync(join(root, 'yakugo.config.yaml'), 'utf8')).toBe('languages: [fr]\n');
    expect(existsSync(join(root, 'source'))).toBe(false);
  });
});
