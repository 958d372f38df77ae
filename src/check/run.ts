/**
 * One `yakugo check` run: reads the project once (articles, glossary, catalogs, sidecars), builds the
 * per-segment inputs every rule shares (glossary matches over each segment's prose, catalog places,
 * staleness), runs the selected rules and applies the configured severities.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { catalogPath, readCatalogIfExists } from '../catalog/catalog.js';
import { similarity } from '../catalog/similarity.js';
import { isStale, isUnreviewed, readState, statePath } from '../catalog/state.js';
import type { Project } from '../config/load.js';
import { acceptedTerms, loadProjectGlossary, preferredTerm } from '../glossary/load.js';
import { createMatcher } from '../glossary/match.js';
import { type SegmentMatches, segmentMatches } from '../glossary/match-cache.js';
import { containsAcceptedTerm, findTargetTerms } from '../glossary/target/index.js';
import type { Glossary } from '../glossary/types.js';
import type { SourceArticle } from '../markdown/types.js';
import { articleFacts, displayPath, listArticles, loadArticle } from '../project/articles.js';
import { fileSize, type Shard, selectShard } from '../project/shard.js';
import { YakugoError } from '../util/errors.js';
import { inputMessage } from '../util/input-messages.js';
import { readTextFile } from '../util/fs.js';
import { checkEditions } from './editions.js';
import { rules as allRules } from './rules/index.js';
import { LineIndex } from '../util/lines.js';
import {
  type ArticleInput,
  type EditionCheck,
  type EditionFailure,
  type Location,
  type OrphanEntry,
  type Problem,
  type Rule,
  type RuleContext,
  type RuleDescriptor,
  type SegmentPair,
  type Severity,
  type SourceSegment,
  sortProblems,
  type TargetCatalog,
  type TermLookup,
} from './types.js';

/** What `--lang`, `--article` and `--rule` narrow a run to; everything when left out. */
export interface CheckSelection {
  /** Target languages to check; the source language selects the source rules (`source/variant`, the `ja` edition). */
  languages?: readonly string[];
  /** Article ids (`explainers/distillation`) or paths (`source/explainers/distillation.md`). */
  articles?: readonly string[];
  /** Rule ids. */
  rules?: readonly string[];
  /** Only this slice of the articles (`--shard i/n`, for CI runners working in parallel). */
  shard?: Shard;
}

/** Everything the rules read, built once per run. */
export interface PreparedCheck {
  project: Project;
  glossary: Glossary;
  terms: TermLookup;
  languages: string[];
  includesSource: boolean;
  articles: ArticleInput[];
  /** Articles that cannot be read (front matter, catalogs, sidecars): left out of every rule, reported by `edition/unbuildable`. */
  failures: EditionFailure[];
  rules: Rule[];
}

export interface CheckResult {
  /** Sorted; rules set to `off` left out. */
  problems: Problem[];
  /** The rules that ran. */
  rules: Rule[];
  prepared: PreparedCheck;
}

/** Rule id namespaces owned by `check`: an unknown id in one of them in the config is a config error. */
const CHECK_NAMESPACES = ['segment/', 'term/', 'text/', 'markup/', 'source/', 'edition/'];

/** Reads the project and prepares the inputs of the selected rules. Bad selections are usage errors (exit 2). */
export async function prepareCheck(project: Project, selection: CheckSelection = {}, loaded?: Glossary): Promise<PreparedCheck> {
  validateConfiguredRules(project);
  const rules = selectRules(selection.rules);
  const { languages, includesSource } = selectLanguages(project, selection.languages);
  const files = selectedFiles(project, selection);
  // A caller that already loaded the glossary (the cached check) hands it over rather than have it read twice.
  const glossary = loaded ?? (await loadProjectGlossary(project));
  return prepareFiles(project, files, { glossary, languages, includesSource, rules });
}

/**
 * Prepares the rule inputs of articles already selected (absolute paths), with the rules, languages and
 * glossary of a run. The cached check prepares one article at a time, so that only one article's trees
 * are alive at once.
 */
export async function prepareFiles(
  project: Project,
  files: readonly string[],
  run: { glossary: Glossary; languages: string[]; includesSource: boolean; rules: Rule[] },
): Promise<PreparedCheck> {
  const { glossary, languages } = run;
  const getMatcher = () => createMatcher(glossary);
  const articles: ArticleInput[] = [];
  const failures: EditionFailure[] = [];
  for (const file of files) {
    try {
      const article = loadArticle(project, file);
      articles.push(prepareArticle(project, article, languages, await segmentMatches(project, glossary, article, getMatcher)));
    } catch (error) {
      // One unreadable article never stops the check of the others.
      if (!(error instanceof YakugoError)) throw error;
      const article = displayPath(project, file);
      const location = { file: error.file ?? article, line: error.place?.line ?? 1, column: error.place?.column ?? 1 };
      failures.push({ article, message: error.reason, location, lng: null, key: null, source: null });
    }
  }
  return { project, glossary, terms: termLookup(), languages, includesSource: run.includesSource, articles, failures, rules: run.rules };
}

/** Runs rules over prepared inputs; problems of rules set to `off` for their language are dropped. */
export function runRules(prepared: PreparedCheck, rules: readonly Rule[] = prepared.rules): Problem[] {
  const problems: Problem[] = [];
  let editions: EditionCheck | undefined;
  for (const rule of rules) {
    const context: RuleContext = {
      project: prepared.project,
      glossary: prepared.glossary,
      terms: prepared.terms,
      languages: prepared.languages,
      includesSource: prepared.includesSource,
      articles: prepared.articles,
      editions: () => {
        if (!editions) {
          const compared = checkEditions(
            prepared.project,
            prepared.articles.map((input) => input.article),
            prepared.includesSource ? [prepared.project.config.sourceLanguage, ...prepared.languages] : prepared.languages,
          );
          editions = { editions: compared.editions, failures: [...prepared.failures, ...compared.failures] };
        }
        return editions;
      },
      report: (report) => {
        const severity = severityOf(prepared.project, rule, report.lng);
        if (severity === 'off') return;
        problems.push({ rule: rule.id, severity, ...report });
      },
    };
    rule.check(context);
  }
  return sortProblems(problems);
}

export async function runCheck(project: Project, selection: CheckSelection = {}): Promise<CheckResult> {
  const prepared = await prepareCheck(project, selection);
  return { problems: runRules(prepared), rules: prepared.rules, prepared };
}

/**
 * The severity of `rule` in `lng`: the config's `rules` entry (one severity, or one per language), else
 * the rule's default.
 */
export function severityOf(project: Project, rule: Rule, lng: string | null): Severity {
  const setting = project.config.rules[rule.id];
  if (typeof setting === 'string') return setting;
  const forLanguage = lng === null ? undefined : setting?.[lng];
  return forLanguage ?? rule.defaultSeverity(lng ?? '', project);
}

/**
 * Rule descriptors for formatters (SARIF's driver.rules), in the UI language. With a `homepage`, each rule
 * links to its row in the README rules index (`#rule-term-untranslated`), which links to docs/rules/<area>-<name>.md.
 */
export function describeRules(project: Project, rules: readonly Rule[], uiLanguage: 'en' | 'ja', homepage?: string): RuleDescriptor[] {
  const lng = project.config.required[0] ?? project.config.languages[0] ?? '';
  return rules.map((rule) => {
    const severity = severityOf(project, rule, lng);
    const descriptor: RuleDescriptor = {
      id: rule.id,
      description: rule.description[uiLanguage],
      defaultSeverity: severity === 'off' ? rule.defaultSeverity(lng, project) : severity,
    };
    if (homepage) descriptor.helpUri = `${homepage.replace(/#.*$/, '')}#${ruleAnchor(rule.id)}`;
    return descriptor;
  });
}

/** `term/untranslated` → `rule-term-untranslated`, the README's anchor for the rule. */
export function ruleAnchor(id: string): string {
  return `rule-${id.replace(/[^a-z0-9]+/g, '-')}`;
}

export function termLookup(): TermLookup {
  return {
    accepted: acceptedTerms,
    preferred: preferredTerm,
    containsAccepted: containsAcceptedTerm,
    find: (lng, text, concept) => findTargetTerms(lng, text, concept).map(({ term, start, end }) => ({ term, start, end })),
  };
}

/** The rules `--rule` names (all when none); an unknown id is a usage error. */
export function selectRules(ids: readonly string[] | undefined): Rule[] {
  if (!ids || ids.length === 0) return [...allRules];
  return ids.map((id) => {
    const rule = allRules.find((candidate) => candidate.id === id);
    if (!rule) throw new YakugoError(inputMessage('unknownRule', { id, rules: allRules.map((known) => known.id).join(', ') }));
    return rule;
  });
}

/** The article files a selection names (`--article`, then `--shard`), in project order. */
export function selectedFiles(project: Project, selection: CheckSelection): string[] {
  const selected = selectArticles(project, selection.articles);
  return selection.shard ? selectShard(selected, selection.shard, (file) => displayPath(project, file), fileSize) : selected;
}

/** The target languages a selection names, and whether the source checks run (`--lang ja`). */
export function selectLanguages(project: Project, wanted: readonly string[] | undefined): { languages: string[]; includesSource: boolean } {
  const { languages, sourceLanguage } = project.config;
  if (!wanted || wanted.length === 0) return { languages: [...languages], includesSource: true };
  for (const lng of wanted) {
    if (lng !== sourceLanguage && !languages.includes(lng)) {
      throw new YakugoError(inputMessage('unknownLanguage', { lng, languages: [sourceLanguage, ...languages].join(', ') }));
    }
  }
  return { languages: languages.filter((lng) => wanted.includes(lng)), includesSource: wanted.includes(sourceLanguage) };
}

/** `--article` takes an id, a path relative to the root, or a path relative to the source folder. */
function selectArticles(project: Project, wanted: readonly string[] | undefined): string[] {
  const files = listArticles(project);
  if (!wanted || wanted.length === 0) return files;
  const selected = new Set<string>();
  for (const name of wanted) {
    const asPath = resolve(project.root, name);
    const file = files.find((candidate) => {
      const id = relative(project.dirs.source, candidate).split(/[\\/]/).join('/').replace(/\.(md|markdown|mdx)$/i, '');
      return candidate === asPath || candidate === resolve(process.cwd(), name) || id === name || id === name.replace(/\.(md|markdown|mdx)$/i, '');
    });
    if (!file) {
      throw new YakugoError(inputMessage('unknownArticle', { name, articles: files.map((candidate) => displayPath(project, candidate)).join(', ') || inputMessage('none') }));
    }
    selected.add(file);
  }
  return files.filter((file) => selected.has(file));
}

/** An unknown id under a check namespace (`term/untranslted`) in the config is a typo: fail with its place. */
export function validateConfiguredRules(project: Project): void {
  const known = new Set(allRules.map((rule) => rule.id));
  for (const id of Object.keys(project.config.rules)) {
    if (known.has(id) || !CHECK_NAMESPACES.some((namespace) => id.startsWith(namespace))) continue;
    throw new YakugoError(inputMessage('unknownConfiguredRule', { id, rules: [...known].join(', ') }), {
      file: project.configFile,
      place: project.configFile ? configKeyPlace(project, id) : undefined,
    });
  }
}

function configKeyPlace(project: Project, id: string): { line: number; column: number } | undefined {
  const text = readTextFile(resolve(project.root, project.configFile!), project.configFile);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const rules = document.get('rules', true);
  if (!isMap(rules)) return undefined;
  const pair = rules.items.find((item) => String((item.key as { value?: unknown })?.value) === id);
  const offset = (pair?.key as { range?: number[] } | undefined)?.range?.[0];
  if (offset === undefined) return undefined;
  const at = lineCounter.linePos(offset);
  return { line: at.line, column: at.col };
}

export function prepareArticle(project: Project, article: SourceArticle, languages: readonly string[], found: SegmentMatches[]): ArticleInput {
  const placeOf = locator(article.path, article.source);
  const sources: SourceSegment[] = article.segments.map((segment, index) => ({
    segment,
    place: { file: article.path, line: segment.start.line, column: segment.start.column },
    matches: (found[index]?.matches ?? []).map((match) => ({
      concept: match.concept,
      term: match.term,
      surface: match.surface,
      place: placeOf(match.fileStart),
    })),
    ruleHits: (found[index]?.ruleHits ?? []).map((hit) => ({
      rule: hit.rule,
      surface: hit.surface,
      replacement: hit.replacement,
      place: placeOf(hit.fileStart),
    })),
  }));
  const previousSource = readCatalogIfExists(
    catalogPath(project, project.config.sourceLanguage, article.id),
    displayPath(project, catalogPath(project, project.config.sourceLanguage, article.id)),
  ).entries;
  const facts = articleFacts(project, article);
  return {
    article,
    inline: facts.inline,
    definitions: new Map(facts.definitions),
    sources,
    targets: languages.map((lng) => prepareTarget(project, article, lng, sources, previousSource)),
    html: facts.untranslatedHtml.map((found) => ({ text: found.text, place: placeOf(found.offset) })),
  };
}

function prepareTarget(
  project: Project,
  article: SourceArticle,
  lng: string,
  sources: readonly SourceSegment[],
  previousSource: ReadonlyMap<string, string>,
): TargetCatalog {
  const file = catalogPath(project, lng, article.id);
  const shown = displayPath(project, file);
  const exists = existsSync(file);
  const catalog = readCatalogIfExists(file, shown);
  const stateFile = statePath(file);
  const state = readState(stateFile, displayPath(project, stateFile));
  const fileStart: Location = { file: shown, line: 1, column: 1 };
  const placeOf = (key: string): Location => {
    const place = catalog.places.get(key);
    return place ? { file: shown, line: place.line, column: place.column } : fileStart;
  };
  const pairs: SegmentPair[] = sources.map((source) => {
    const target = catalog.entries.get(source.segment.key);
    const entry = state.get(source.segment.key);
    const pair: SegmentPair = {
      lng,
      source,
      target,
      place: placeOf(source.segment.key),
      stale: target !== undefined && isStale(entry, source.segment.text, target),
    };
    if (target !== undefined && entry?.origin !== undefined && isUnreviewed(entry, target)) pair.origin = entry.origin;
    return pair;
  });
  const current = new Set(sources.map((source) => source.segment.key));
  const orphans: OrphanEntry[] = [];
  for (const [key, value] of catalog.entries) {
    if (current.has(key)) continue;
    const orphan: OrphanEntry = { key, value, place: placeOf(key) };
    const probably = probableSegment(previousSource.get(key), key, sources);
    if (probably) orphan.probably = probably;
    orphans.push(orphan);
  }
  return { lng, file: shown, exists, pairs, orphans };
}

/**
 * The current segment an orphaned key's old source text (from the generated source catalog) most likely
 * became, when one of the same kind is similar enough, as `extract` judges it.
 */
function probableSegment(oldText: string | undefined, key: string, sources: readonly SourceSegment[]): SourceSegment | undefined {
  if (oldText === undefined) return undefined;
  const kind = key.split('.')[0];
  let best: { source: SourceSegment; score: number } | undefined;
  for (const source of sources) {
    if (source.segment.key.split('.')[0] !== kind) continue;
    const score = similarity(oldText, source.segment.text);
    if (score >= 0.3 && (!best || score > best.score)) best = { source, score };
  }
  return best?.source;
}

/** Link reference definitions: normalized identifier → URL (the first definition wins, as in CommonMark). */
/** Maps file offsets to 1-based line and column (UTF-16), with a binary search over line starts. */
export function locator(file: string, text: string): (offset: number) => Location {
  const lines = new LineIndex(text);
  return (offset) => ({ file, ...lines.place(offset) });
}
