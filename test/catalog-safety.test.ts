/**
 * Nothing a translator wrote is lost: the project lock, the re-read before every rename, the write order
 * that makes an interrupted extract safe, and the journal that makes a catalog + sidecar pair atomic.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCatalog } from '../src/catalog/catalog.js';
import { extract } from '../src/catalog/extract.js';
import { isStale, readState } from '../src/catalog/state.js';
import { updateCatalog } from '../src/catalog/update.js';
import { runCheck } from '../src/check/run.js';
import { loadProject } from '../src/config/load.js';
import { LOCK_FILE, withProjectLock } from '../src/project/lock.js';
import { YakugoError } from '../src/util/errors.js';
import { shortHash } from '../src/markdown/segment.js';
import { runCli } from './helpers/cli.js';
import { errorOf } from './helpers/errors.js';
import { makeProject, read, readJson, repositoryRoot, write } from './helpers/project.js';

const roots: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}

const config = 'languages: [en, zh-Hans]\nrequired: [en]\n';
const paragraphs = [
  '中国の AI 新興企業 DeepSeek が業界に衝撃を与えた。',
  '同社は低コストで高性能なモデルを開発したと発表した。',
  '蒸留という技術で大きなモデルの知識を小さなモデルに移したとみられる。',
  '米国の輸出規制の下でも開発が進んだことが注目されている。',
];

/**
 * A project in the middle of real work, for an extract that does everything at once: the en catalog is
 * translated and recorded, then one paragraph is edited (its translation must be carried and marked stale),
 * one removed (kept as an orphan), one inserted (added empty), and a second article is new.
 */
function projectWithPendingChanges(): string {
  const root = project({ 'yakugo.config.yaml': config, 'source/a.md': `# 見出し\n\n${paragraphs.join('\n\n')}\n` });
  extract({ root });
  const en = readJson(root, 'locales/en/a.json');
  const translated = Object.fromEntries(Object.keys(en).map((key, index) => [key, `English sentence number ${index}.`]));
  write(root, 'locales/en/a.json', formatCatalog(Object.entries(translated)));
  extract({ root });
  const edited = [paragraphs[0]!, paragraphs[1]!.replace('発表した', '正式に発表した'), '新しく挿入した段落です。', paragraphs[3]!];
  write(root, 'source/a.md', `# 見出し\n\n${edited.join('\n\n')}\n`);
  write(root, 'source/b.md', '# 別の記事\n\n二本目の記事の本文です。\n');
  return root;
}

/** Every file under `locales/`, path → bytes as text. */
function localesOf(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(join(root, 'locales'));
  return files;
}

function copyOf(root: string): string {
  const copy = project({});
  cpSync(root, copy, { recursive: true });
  return copy;
}

class Crash extends Error {}

describe('interrupted extract', () => {
  it('at every point of its writes, a new run gives exactly the uninterrupted result (carry, stale mark, orphan)', () => {
    const start = projectWithPendingChanges();
    const reference = copyOf(start);
    const total = extract({ root: reference }).written.length;
    const expected = localesOf(reference);
    // The scenario really contains what an interruption could lose.
    const report = extract({ root: copyOf(start) }).languages.find((entry) => entry.lng === 'en' && entry.article === 'a')!;
    expect(report.carried).toHaveLength(1);
    expect(report.orphans).toHaveLength(1);
    expect(total).toBeGreaterThan(6);

    for (let crashAfter = 0; crashAfter < total; crashAfter++) {
      const root = copyOf(start);
      let writes = 0;
      expect(() =>
        extract({
          root,
          onWrite: () => {
            if (++writes > crashAfter) throw new Crash(`crash after ${crashAfter} writes`);
          },
        }),
      ).toThrow(Crash);
      extract({ root });
      expect(localesOf(root), `crash after ${crashAfter} of ${total} writes`).toEqual(expected);
      expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    }
  });

  it('the stale mark of a carried translation survives a run that stopped after the catalogs (the reported case)', async () => {
    const root = projectWithPendingChanges();
    const carried = extract({ root: copyOf(root) }).languages.find((entry) => entry.lng === 'en' && entry.article === 'a')!.carried[0]!;
    // Stop right after the target catalogs: in the old write order the sidecars came after them and were lost.
    const sidecars = 2 * 2;
    const catalogs = 2 * 2;
    let writes = 0;
    expect(() =>
      extract({
        root,
        onWrite: () => {
          if (++writes > sidecars + catalogs) throw new Crash('stopped');
        },
      }),
    ).toThrow(Crash);
    extract({ root });
    const result = await runCheck(loadProject(root), { languages: ['en'] });
    expect(result.problems.filter((problem) => problem.rule === 'segment/stale').map((problem) => problem.key)).toContain(carried.to);
  });
});

describe('a save while extract runs', () => {
  it('is merged, never overwritten', () => {
    const root = projectWithPendingChanges();
    const keys = Object.keys(readJson(root, 'locales/en/a.json'));
    let saved = false;
    const result = extract({
      root,
      onWrite: () => {
        if (saved) return;
        saved = true;
        // The translator saves the en catalog between extract's read and its write of that file.
        const en = readJson(root, 'locales/en/a.json');
        write(root, 'locales/en/a.json', formatCatalog(Object.entries({ ...en, [keys[1]!]: 'A heading the translator just saved.' })));
      },
    });
    expect(saved).toBe(true);
    expect(result.changedMeanwhile).toContain('locales/en/a.json');
    expect(readJson(root, 'locales/en/a.json')[keys[1]!]).toBe('A heading the translator just saved.');
    // The merge still happened on top of the save: the new article and the inserted paragraph are there.
    expect(Object.values(readJson(root, 'locales/en/a.json'))).toContain('');
    expect(existsSync(join(root, 'locales/en/b.json'))).toBe(true);
  });
});

describe('the project lock', () => {
  function liveProcess(): ChildProcess {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(child);
    return child;
  }

  function lockHeldBy(root: string, pid: number, host = hostname()): void {
    write(root, LOCK_FILE, `${JSON.stringify({ pid, host, command: 'translate', since: '2026-11-29T08:00:00.000Z' })}\n`);
  }

  it('refuses a second run while another holds it, with exit 2, naming the other run, writing nothing', async () => {
    const root = project({ 'yakugo.config.yaml': config, 'source/a.md': '本文です。\n' });
    const other = liveProcess();
    lockHeldBy(root, other.pid!);
    const run = await runCli(['--root', root, 'extract']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`another yakugo run (translate, pid ${other.pid} on ${hostname()}`);
    expect(existsSync(join(root, 'locales'))).toBe(false);
    const ja = await runCli(['--root', root, 'extract'], { lang: 'ja_JP.UTF-8' });
    expect(ja.stderr).toContain('別の yakugo (translate');
  });

  it('takes over a lock whose process is gone (killed), and removes it when done', () => {
    const root = project({ 'yakugo.config.yaml': config, 'source/a.md': '本文です。\n' });
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    lockHeldBy(root, dead.pid);
    extract({ root });
    expect(readJson(root, 'locales/ja/a.json')).toEqual({ [`paragraph.${shortHash('本文です。')}`]: '本文です。' });
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('on another host is never taken over: the message says how to remove it', async () => {
    const root = project({ 'yakugo.config.yaml': config, 'source/a.md': '本文です。\n' });
    lockHeldBy(root, 1, 'build-runner-7');
    expect(await errorOf(() => extract({ root }))).toContain('holds the project lock .yakugo.lock; if nothing runs there any more, delete that file');
  });

  it('is released when the run fails, and is re-entrant within one process', () => {
    const root = project({ 'yakugo.config.yaml': config, 'source/a.md': '本文です。\n', 'source/a.mdx': '本文です。\n' });
    // Two files with one article id: the whole run stops, inside the lock.
    expect(() => extract({ root })).toThrow(YakugoError);
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    const projectInfo = loadProject(root);
    const inner = withProjectLock(projectInfo, 'translate', () => withProjectLock(projectInfo, 'extract', () => existsSync(join(root, LOCK_FILE))));
    expect(inner).toBe(true);
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('removes temporary files that killed runs left, and keeps those of live ones', () => {
    const root = project({ 'yakugo.config.yaml': config, 'source/a.md': '本文です。\n' });
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    const live = liveProcess();
    write(root, `locales/en/a.json.yakugo-tmp-${dead.pid}-0a1b2c3d`, '{');
    write(root, `out/en/a.md.yakugo-tmp-${live.pid}-0a1b2c3d`, '# half');
    extract({ root });
    expect(existsSync(join(root, `locales/en/a.json.yakugo-tmp-${dead.pid}-0a1b2c3d`))).toBe(false);
    expect(existsSync(join(root, `out/en/a.md.yakugo-tmp-${live.pid}-0a1b2c3d`))).toBe(true);
  });
});

describe('updateCatalog (how translate and review write)', () => {
  function translatedProject(): { root: string; keys: string[] } {
    const root = project({ 'yakugo.config.yaml': config, 'source/a.md': `# 見出し\n\n${paragraphs[0]}\n\n${paragraphs[1]}\n` });
    extract({ root });
    return { root, keys: Object.keys(readJson(root, 'locales/en/a.json')) };
  }

  /** Fills every empty value with a draft, as translate does, marking it as a machine draft. */
  function fillEmpty(draft: (key: string) => string) {
    return ({ entries, state }: { entries: Map<string, string>; state: Map<string, { source: string; target: string; origin?: string }> }) => {
      const next = new Map(state);
      const filled: Array<[string, string]> = [...entries].map(([key, value]) => {
        if (value !== '') return [key, value];
        const text = draft(key);
        next.set(key, { source: 'x', target: shortHashOf(text), origin: 'machine:openai/test' });
        return [key, text];
      });
      return { entries: filled, state: next };
    };
  }

  it('applies the update to what a translator saved meanwhile, never over it', () => {
    const { root, keys } = translatedProject();
    const projectInfo = loadProject(root);
    let calls = 0;
    updateCatalog(projectInfo, 'en', 'a', (current) => {
      calls++;
      if (calls === 1) {
        // The translator saves a heading right after yakugo read the file.
        write(root, 'locales/en/a.json', formatCatalog(Object.entries({ ...readJson(root, 'locales/en/a.json'), [keys[0]!]: 'Heading by a person' })));
      }
      return fillEmpty((key) => `draft of ${key}`)(current);
    });
    expect(calls).toBe(2);
    const en = readJson(root, 'locales/en/a.json');
    expect(en[keys[0]!]).toBe('Heading by a person');
    expect(en[keys[1]!]).toBe(`draft of ${keys[1]}`);
  });

  it('a run killed between the catalog and its sidecar is completed by the next locked run; check refuses the half pair', async () => {
    const { root, keys } = translatedProject();
    const projectInfo = loadProject(root);
    expect(() =>
      updateCatalog(projectInfo, 'en', 'a', fillEmpty((key) => `draft of ${key}`), {
        onWrite: () => {
          throw new Crash('killed after the catalog');
        },
      }),
    ).toThrow(Crash);
    expect(readJson(root, 'locales/en/a.json')[keys[1]!]).toBe(`draft of ${keys[1]}`);
    // The half-written pair is reported at the catalog, as an article that cannot be read (exit 1); the other
    // articles are still checked.
    const check = await runCli(['--root', root, 'check', '--format', 'json']);
    expect(check.code).toBe(1);
    const problems = (JSON.parse(check.stdout) as { problems: Array<{ rule: string; file: string; message: string }> }).problems;
    expect(problems.find((problem) => problem.rule === 'edition/unbuildable' && problem.file === 'locales/en/a.json')?.message).toContain(
      'a yakugo run was interrupted while writing this catalog and its sidecar; run yakugo extract to complete it',
    );

    extract({ root });
    const state = readState(join(root, 'locales/en/a.state.yaml'), 'a.state.yaml');
    expect(state.get(keys[1]!)?.origin).toBe('machine:openai/test');
    expect(existsSync(join(root, 'locales/en/a.json.yakugo-journal'))).toBe(false);
  });

  it('re-drafting a stale translation and being killed midway never makes the old translation look reviewed', () => {
    const root = projectWithPendingChanges();
    extract({ root });
    const en = readJson(root, 'locales/en/a.json');
    const state = readState(join(root, 'locales/en/a.state.yaml'), 'a.state.yaml');
    const ja = readJson(root, 'locales/ja/a.json');
    const staleKey = Object.keys(en).find((key) => isStale(state.get(key), ja[key] ?? '', en[key]!))!;
    expect(staleKey).toBeDefined();
    expect(() =>
      updateCatalog(
        loadProject(root),
        'en',
        'a',
        ({ entries, state: current }) => {
          const next = new Map(current);
          next.set(staleKey, { source: 'fresh', target: shortHashOf('New machine draft.'), origin: 'machine:openai/test' });
          return { entries: [...entries].map(([key, value]) => [key, key === staleKey ? 'New machine draft.' : value] as [string, string]), state: next };
        },
        {
          onWrite: () => {
            throw new Crash('killed');
          },
        },
      ),
    ).toThrow(Crash);
    extract({ root });
    const after = readState(join(root, 'locales/en/a.state.yaml'), 'a.state.yaml');
    expect(readJson(root, 'locales/en/a.json')[staleKey]).toBe('New machine draft.');
    expect(after.get(staleKey)?.origin).toBe('machine:openai/test');
  });
});

const shortHashOf = shortHash;

describe('real processes', () => {
  const cli = join(repositoryRoot, 'dist/cli/main.js');

  /** A larger project, so a kill lands anywhere in a run: 60 articles with translations and pending edits. */
  function largeProject(): string {
    const files: Record<string, string> = { 'yakugo.config.yaml': config };
    for (let i = 0; i < 60; i++) {
      files[`source/a${String(i).padStart(2, '0')}.md`] = `# 見出し ${i}\n\n${paragraphs.map((text) => `${text}(${i})`).join('\n\n')}\n`;
    }
    const root = project(files);
    extract({ root });
    for (let i = 0; i < 60; i++) {
      const name = `locales/en/a${String(i).padStart(2, '0')}.json`;
      const en = readJson(root, name);
      write(root, name, formatCatalog(Object.keys(en).map((key, index) => [key, `English ${i}.${index}.`])));
      const source = `source/a${String(i).padStart(2, '0')}.md`;
      write(root, source, read(root, source).replace('発表した', '正式に発表した').replace(`${paragraphs[2]}(${i})\n\n`, ''));
    }
    return root;
  }

  it('SIGKILL at random moments, then a new run: always exactly the uninterrupted result', async () => {
    expect(existsSync(cli), `${cli} is built by npm install (prepare); run npm run build:ts`).toBe(true);
    const start = largeProject();
    const reference = copyOf(start);
    const begun = Date.now();
    expect(spawnSync(process.execPath, [cli, '--root', reference, 'extract'], { encoding: 'utf8' }).status).toBe(0);
    const duration = Date.now() - begun;
    const expected = localesOf(reference);

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), async (permille) => {
        const root = copyOf(start);
        const child = spawn(process.execPath, [cli, '--root', root, 'extract'], { stdio: 'ignore' });
        children.push(child);
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await new Promise((resolve) => setTimeout(resolve, (duration * permille) / 1000));
        child.kill('SIGKILL');
        await exited;
        const rerun = spawnSync(process.execPath, [cli, '--root', root, 'extract'], { encoding: 'utf8' });
        expect(rerun.status, rerun.stderr).toBe(0);
        expect(localesOf(root)).toEqual(expected);
        expect(readdirSync(join(root, 'locales/en')).filter((name) => name.includes('.yakugo-tmp-'))).toEqual([]);
      }),
      { numRuns: 12, seed: 20261129 },
    );
  }, 240_000);

  it('two extracts at once: one waits its turn or is refused, and nothing is lost', async () => {
    const start = largeProject();
    const reference = copyOf(start);
    spawnSync(process.execPath, [cli, '--root', reference, 'extract']);
    const root = copyOf(start);
    const runOnce = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, '--root', root, 'extract'], { stdio: ['ignore', 'ignore', 'pipe'] });
        children.push(child);
        let stderr = '';
        child.stderr?.on('data', (chunk) => {
          stderr += String(chunk);
        });
        child.once('exit', (code) => resolve({ code, stderr }));
      });
    const runs = await Promise.all([runOnce(), runOnce()]);
    for (const run of runs) {
      if (run.code !== 0) {
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/another yakugo run \(extract, pid \d+/);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
    }
    expect(runs.some((run) => run.code === 0)).toBe(true);
    expect(localesOf(root)).toEqual(localesOf(reference));
  }, 60_000);
});
