/**
 * One `yakugo translate` run: plans the segments to draft, fills what the translation memory and the
 * response cache already know, sends the rest to the provider in batches, restores markup, post-checks
 * each draft (one retry with the problem stated, for LLMs), and writes every batch of drafts as soon as it
 * is done, through `updateCatalog`: a value is set only where it is still what the run planned from (empty,
 * or for `--only stale|all-machine` the exact text re-drafted), so a translator saving mid-run loses nothing.
 */
import { selectTargetLanguages } from '../project/languages.js';
import { catalogPath, readCatalogIfExists } from '../catalog/catalog.js';
import { type CatalogState, isStale, isUnreviewed, readState, type StateEntry, statePath } from '../catalog/state.js';
import { updateCatalog } from '../catalog/update.js';
import { prepareArticle } from '../check/run.js';
import type { ArticleInput, Problem } from '../check/types.js';
import type { Project } from '../config/load.js';
import { type TranslateConfig, translateSchema } from '../config/schema.js';
import { loadProjectGlossary } from '../glossary/load.js';
import { createMatcher, type Matcher } from '../glossary/match.js';
import { glossaryHash, segmentMatches } from '../glossary/match-cache.js';
import { projectCache } from '../cache/store.js';
import { preferredTerm, targetTermsFor } from '../glossary/terms.js';
import type { Glossary } from '../glossary/types.js';
import { shortHash } from '../markdown/segment.js';
import type { SourceArticle } from '../markdown/types.js';
import { displayPath, listArticles, loadArticle } from '../project/articles.js';
import { withProjectLock } from '../project/lock.js';
import { YakugoError } from '../util/errors.js';
import { defineMessages } from '../util/i18n.js';
import { maskSegment, type Restored, restoreTokens, restoreXml, toTokens, toXml } from './mask.js';
import { buildMemory, cacheKey, replyCache, type ResponseCache, type TranslationMemory } from './memory.js';
import { checkDrafts } from './postcheck.js';
import { PROMPT_VERSION } from './prompt.js';
import { type Reason, reason, verbatim } from './reasons.js';
import { createProvider, DEFAULT_KEY_VARIABLES, modelOf, type ProviderName } from './providers/index.js';
import { type Batch, BatchRejected, type Job, type MarkupStyle, type Provider, ProviderStop, type TermHint } from './types.js';

const t = defineMessages('translate-run', {
  en: {
    missingKey: 'no API key for {{provider}}: set the environment variable {{variable}} (translate.apiKeyEnv names it)',
  },
  ja: {
    missingKey: '{{provider}} の API キーがありません。環境変数 {{variable}} を設定してください(translate.apiKeyEnv で変数名を指定できます)',
  },
});

export type OnlyMode = 'missing' | 'stale' | 'all-machine';

export interface TranslateProgress {
  start(total: number): void;
  advance(count: number): void;
  stop(): void;
}

export interface TranslateOptions {
  /** Source files (absolute); default every article. */
  files?: string[];
  /** Target languages; default every configured one. */
  languages?: string[];
  provider?: ProviderName;
  model?: string;
  only?: OnlyMode;
  dryRun?: boolean;
  concurrency?: number;
  /** Where the API key is read from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  progress?: TranslateProgress;
  /** Aborted (Ctrl-C): no new request is started; the ones in flight finish and are written. */
  signal?: AbortSignal;
}

/** A segment that could not be drafted cleanly. */
export interface SegmentIssue {
  article: string;
  key: string;
  /** `locales/<lng>/<article>.json`. */
  file: string;
  reason: string;
}

export interface LanguageReport {
  lng: string;
  /** Segments selected by `--only`. */
  planned: number;
  /** Reused from reviewed translations elsewhere in the project. */
  memory: number;
  /** Replies found in the response cache. */
  cached: number;
  /** Drafts written from the provider (cached replies included). */
  machine: number;
  /** Not written: placeholders did not round-trip, no answer, or the request failed. */
  rejected: SegmentIssue[];
  /** Written, but the post-check still reports a problem (`check` shows it). */
  problems: SegmentIssue[];
  /** Left alone: someone changed the value during the run. */
  changedMeanwhile: number;
  /** Segments sent, retries included (with --dry-run: that would be sent), and their characters as sent. */
  sent: number;
  characters: number;
}

export interface TranslateResult {
  provider: ProviderName;
  model: string;
  dryRun: boolean;
  articles: number;
  languages: LanguageReport[];
  /** USD, when the provider's price is known (DeepL's list price, or `translate.pricePerMillionCharacters`). */
  estimatedCost: number | undefined;
  /** Why the run stopped early (auth, quota, unreachable server): drafts written until then are kept. */
  stopped: { kind: ProviderStop['kind']; message: string } | undefined;
}

/** DeepL API Pro list price, USD per million characters. */
const DEEPL_PRICE_PER_MILLION = 25;

export async function translate(project: Project, options: TranslateOptions = {}): Promise<TranslateResult> {
  const configured: TranslateConfig = project.config.translate ?? translateSchema.parse({});
  const providerName = options.provider ?? configured.provider;
  // The model, server and key variable in the config belong to the configured provider, not to another
  // one chosen with --provider.
  const config: TranslateConfig =
    providerName === configured.provider ? configured : { ...configured, model: undefined, baseURL: undefined, apiKeyEnv: undefined };
  const model = modelOf(providerName, config, options.model);
  const only = options.only ?? 'missing';
  const languages = selectTargetLanguages(project, options.languages);
  const files = options.files ?? listArticles(project);
  const articles = files.map((file) => loadArticle(project, file));
  // The memory draws on the whole project, not only the articles being translated.
  const everyArticle = options.files ? listArticles(project).map((file) => loadArticle(project, file)) : articles;
  const glossary = await loadProjectGlossary(project);
  let matcher: Promise<Matcher> | undefined;
  const getMatcher = () => {
    matcher ??= createMatcher(glossary);
    return matcher;
  };
  const inputs: ArticleInput[] = [];
  for (const article of articles) inputs.push(prepareArticle(project, article, [], await segmentMatches(project, glossary, article, getMatcher)));
  const memory = buildMemory(project, everyArticle, languages);
  const markup: MarkupStyle = providerName === 'deepl' ? 'xml' : 'tokens';
  const cache = replyCache(projectCache(project.root));
  const hash = glossaryHash(glossary);

  const reports = new Map(languages.map((lng) => [lng, emptyReport(lng)]));
  const plan = planJobs(project, inputs, languages, only, config, memory, markup);
  const keyOf = (job: Job) =>
    cacheKey({ provider: providerName, model, lng: job.lng, text: render(job, markup), glossaryHash: hash, promptVersion: PROMPT_VERSION, style: config.style[job.lng] });

  const fromMemory: Array<{ job: Job; text: string }> = [];
  const fromCache: Array<{ job: Job; reply: string }> = [];
  const toSend: Job[] = [];
  for (const job of plan) {
    const report = reports.get(job.lng)!;
    report.planned++;
    const reused = memory.exact(job.lng, job.segment.text);
    if (reused !== undefined) {
      fromMemory.push({ job, text: reused });
      continue;
    }
    const cached = cache.get(keyOf(job));
    if (cached !== undefined) fromCache.push({ job, reply: cached });
    else {
      toSend.push(job);
    }
  }
  // What would be sent (--dry-run) is what a run sends unless drafts need a retry.
  const characters = toSend.reduce((sum, job) => sum + render(job, markup).length, 0);
  if (options.dryRun) {
    for (const job of toSend) {
      reports.get(job.lng)!.sent++;
      reports.get(job.lng)!.characters += render(job, markup).length;
    }
  }
  const price = config.pricePerMillionCharacters ?? (providerName === 'deepl' ? DEEPL_PRICE_PER_MILLION : undefined);
  const result: TranslateResult = {
    provider: providerName,
    model,
    dryRun: options.dryRun === true,
    articles: articles.length,
    languages: [...reports.values()],
    estimatedCost: price === undefined ? undefined : (characters * price) / 1_000_000,
    stopped: undefined,
  };
  if (options.dryRun) {
    for (const { job } of fromMemory) reports.get(job.lng)!.memory++;
    for (const { job } of fromCache) reports.get(job.lng)!.cached++;
    return result;
  }

  const apiKey = (): string => {
    const variable = config.apiKeyEnv ?? DEFAULT_KEY_VARIABLES[providerName];
    const key = (options.env ?? process.env)[variable] ?? '';
    if (key === '') throw new YakugoError(t('missingKey', { provider: providerName, variable }));
    return key;
  };
  // Checked before anything is written when there is something to send.
  if (toSend.length > 0) apiKey();

  return withProjectLock(project, 'translate', async () => {
    const writer = draftWriter(project, inputs, only, reports);
    writer.write(fromMemory.map(({ job, text }) => ({ job, text, origin: 'tm', problems: [] })), 'memory');
    const origin = `machine:${providerName}/${model}`;
    const settle = batchSettler({ project, glossary, inputs, markup, cache, keyOf, reports });

    // Cached replies are judged like fresh ones; for an LLM a failing one joins the jobs to send
    // (DeepL takes no instructions: asking again would only bring the same reply.)
    const cachedOutcome = settle(
      fromCache.map(({ job }) => job),
      new Map(fromCache.map(({ job, reply }) => [replyId(job), reply])),
      markup === 'xml',
    );
    writer.write(cachedOutcome.accepted.map((draft) => ({ ...draft, origin })), 'cached');
    const sendJobs = [...toSend, ...cachedOutcome.failed.map(({ job }) => job)];
    if (sendJobs.length === 0) return result;

    const provider = await createProvider(providerName, { apiKey: apiKey(), config, model, glossary });
    options.progress?.start(sendJobs.length);
    try {
      await provider.prepare?.(languages);
      const batches = makeBatches(sendJobs, inputs, config);
      const stopped = () => result.stopped !== undefined || options.signal?.aborted === true;
      await runPool(batches, options.concurrency ?? config.concurrency, stopped, async (batch) => {
        const outcome = await draftBatch(provider, batch, settle, (sent) => {
          const report = reports.get(sent.lng)!;
          report.sent += sent.jobs.length;
          report.characters += sent.jobs.reduce((sum, job) => sum + render(job, markup).length, 0);
        });
        writer.write(outcome.accepted.map((draft) => ({ ...draft, origin })), 'machine');
        for (const failure of outcome.failed) reports.get(failure.job.lng)!.rejected.push(issue(project, failure.job, failure.reason.text));
        options.progress?.advance(batch.jobs.length);
      }).catch((error: unknown) => {
        if (!(error instanceof ProviderStop)) throw error;
        result.stopped = { kind: error.kind, message: error.message };
      });
    } catch (error) {
      if (!(error instanceof ProviderStop)) throw error;
      result.stopped = { kind: error.kind, message: error.message };
    } finally {
      options.progress?.stop();
    }
    if (options.signal?.aborted && result.stopped === undefined) result.stopped = { kind: 'interrupted', message: '' };
    return result;
  });
}

function emptyReport(lng: string): LanguageReport {
  return { lng, planned: 0, memory: 0, cached: 0, machine: 0, rejected: [], problems: [], changedMeanwhile: 0, sent: 0, characters: 0 };
}

function render(job: Job, markup: MarkupStyle): string {
  return markup === 'xml' ? toXml(job.masked) : toTokens(job.masked);
}

function issue(project: Project, job: Job, reason: string): SegmentIssue {
  return { article: job.articleId, key: job.id, file: displayPath(project, catalogPath(project, job.lng, job.articleId)), reason };
}

// ---------------------------------------------------------------------------------------------------
// Planning

function isSelected(only: OnlyMode, sourceText: string, value: string | undefined, entry: StateEntry | undefined): boolean {
  if (only === 'missing') return value === undefined || value === '';
  if (value === undefined || value === '') return false;
  if (only === 'stale') return isStale(entry, sourceText, value);
  return isUnreviewed(entry, value) && (entry?.origin ?? '').startsWith('machine:');
}

function planJobs(
  project: Project,
  inputs: readonly ArticleInput[],
  languages: readonly string[],
  only: OnlyMode,
  config: TranslateConfig,
  memory: TranslationMemory,
  markup: MarkupStyle,
): Job[] {
  const jobs: Job[] = [];
  for (const lng of languages) {
    for (const input of inputs) {
      const { article } = input;
      const file = catalogPath(project, lng, article.id);
      const catalog = readCatalogIfExists(file, displayPath(project, file));
      const stateFile = statePath(file);
      const state = readState(stateFile, displayPath(project, stateFile));
      input.sources.forEach((source, index) => {
        const { segment } = source;
        const value = catalog.entries.get(segment.key);
        if (!isSelected(only, segment.text, value, state.get(segment.key))) return;
        const neighbour = (at: number) => (config.context ? (input.sources[at]?.segment.text ?? '') : '');
        jobs.push({
          id: segment.key,
          lng,
          articleId: article.id,
          segment,
          masked: maskSegment(segment.text, segment.kind === 'meta' ? 'plain' : 'markdown', input.inline),
          terms: termHints(source.matches, lng),
          examples: markup === 'tokens' ? memory.similar(lng, segment.text) : [],
          before: neighbour(index - 1),
          after: neighbour(index + 1),
          previous: value,
        });
      });
    }
  }
  return jobs;
}

/** Only the concepts the matcher found in this segment, once each, with a target term to require. */
function termHints(matches: ArticleInput['sources'][number]['matches'], lng: string): TermHint[] {
  const hints: TermHint[] = [];
  const seen = new Set<string>();
  for (const match of matches) {
    if (seen.has(match.concept.id)) continue;
    seen.add(match.concept.id);
    const target = preferredTerm(match.concept, lng);
    if (!target) continue;
    const forbidden = targetTermsFor(match.concept, lng)
      .filter((term) => term.status === 'forbidden' || term.status === 'deprecated')
      .map((term) => term.text);
    hints.push({ concept: match.concept.id, source: match.surface, target: target.text, forbidden });
  }
  return hints;
}

function titleOf(article: SourceArticle): string {
  const title = article.segments.find((segment) => segment.key === 'meta.title') ?? article.segments.find((segment) => segment.kind === 'heading');
  return title?.text ?? article.id;
}

function makeBatches(jobs: readonly Job[], inputs: readonly ArticleInput[], config: TranslateConfig): Batch[] {
  const batches: Batch[] = [];
  const titles = new Map(inputs.map((input) => [input.article.id, titleOf(input.article)]));
  let current: Batch | undefined;
  let size = 0;
  for (const job of jobs) {
    const length = job.segment.text.length;
    const fits = current && current.lng === job.lng && current.jobs[0]!.articleId === job.articleId && size + length <= config.batchChars;
    if (!fits) {
      current = { lng: job.lng, title: titles.get(job.articleId) ?? job.articleId, style: config.style[job.lng], jobs: [] };
      batches.push(current);
      size = 0;
    }
    current!.jobs.push(job);
    size += length;
  }
  return batches;
}

// ---------------------------------------------------------------------------------------------------
// Drafting

interface Accepted {
  job: Job;
  text: string;
  problems: Problem[];
}

interface BatchOutcome {
  accepted: Accepted[];
  failed: Array<{ job: Job; reason: Reason; problems?: Problem[]; text?: string; transport?: boolean }>;
}

type Settle = (jobs: readonly Job[], replies: ReadonlyMap<string, string>, finalAttempt: boolean) => BatchOutcome;

const replyId = (job: Job) => `${job.lng}\u0000${job.articleId}\u0000${job.id}`;

/**
 * Judges the replies to a set of jobs: placeholders restored exactly, then the post-check. On the final
 * attempt a draft with problems is accepted (written with its problem, which `check` shows); before it,
 * it fails so it can be retried.
 */
function batchSettler(run: {
  project: Project;
  glossary: Glossary;
  inputs: readonly ArticleInput[];
  markup: MarkupStyle;
  cache: ResponseCache;
  keyOf: (job: Job) => string;
  reports: Map<string, LanguageReport>;
}): Settle {
  const inputOf = new Map(run.inputs.map((input) => [input.article.id, input]));
  return (jobs, replies, finalAttempt) => {
    const outcome: BatchOutcome = { accepted: [], failed: [] };
    const restored: Array<{ job: Job; text: string; reply: string }> = [];
    for (const job of jobs) {
      const reply = replies.get(replyId(job));
      if (reply === undefined) {
        outcome.failed.push({ job, reason: reason('noAnswer') });
        continue;
      }
      const back: Restored = run.markup === 'xml' ? restoreXml(job.masked, reply) : restoreTokens(job.masked, reply);
      if (!back.ok) outcome.failed.push({ job, reason: back.reason });
      else restored.push({ job, text: back.text, reply });
    }
    // Post-check per article and language, as `check` would see the drafts.
    const groups = new Map<string, typeof restored>();
    for (const item of restored) {
      const group = `${item.job.articleId}\u0000${item.job.lng}`;
      groups.set(group, [...(groups.get(group) ?? []), item]);
    }
    for (const items of groups.values()) {
      const { job: first } = items[0]!;
      const problems = checkDrafts(run.project, run.glossary, inputOf.get(first.articleId)!, first.lng, new Map(items.map((item) => [item.job.id, item.text])));
      for (const item of items) {
        run.cache.set(run.keyOf(item.job), item.reply);
        const found = problems.get(item.job.id) ?? [];
        if (found.length === 0 || finalAttempt) outcome.accepted.push({ job: item.job, text: item.text, problems: found });
        else outcome.failed.push({ job: item.job, reason: verbatim(found.map((problem) => problem.message).join('; ')), problems: found, text: item.text });
      }
    }
    return outcome;
  };
}

/** Sends a batch; an LLM gets one retry for the drafts that failed, with what was wrong stated. */
async function draftBatch(provider: Provider, batch: Batch, settle: Settle, onSend: (batch: Batch) => void): Promise<BatchOutcome> {
  onSend(batch);
  const first = await send(provider, batch, settle, !provider.retriesWithNotes);
  if (!provider.retriesWithNotes) return first;
  // A request that failed after the SDK's own retries is not sent a third time.
  const retried = first.failed.filter((failure) => !failure.transport);
  if (retried.length === 0) return first;
  const again: Batch = { ...batch, jobs: retried.map((failure) => ({ ...failure.job, retryNote: failure.reason.english })) };
  onSend(again);
  const second = await send(provider, again, settle, true);
  const accepted = [...first.accepted, ...second.accepted];
  const failed = first.failed.filter((failure) => failure.transport);
  for (const failure of second.failed) {
    // The retry came back worse (markup lost) than a first draft that only had post-check problems: keep the first.
    const earlier = retried.find((candidate) => replyId(candidate.job) === replyId(failure.job));
    if (earlier?.text !== undefined && earlier.problems) accepted.push({ job: earlier.job, text: earlier.text, problems: earlier.problems });
    else failed.push(failure);
  }
  return { accepted, failed };
}

async function send(provider: Provider, batch: Batch, settle: Settle, finalAttempt: boolean): Promise<BatchOutcome> {
  let replies: Map<string, string>;
  try {
    replies = await provider.translate(batch);
  } catch (error) {
    if (error instanceof BatchRejected) {
      return { accepted: [], failed: batch.jobs.map((job) => ({ job, reason: error.reason, transport: !error.unreadableReply })) };
    }
    throw error;
  }
  const byJob = new Map<string, string>();
  for (const job of batch.jobs) {
    const reply = replies.get(job.id);
    if (reply !== undefined) byJob.set(replyId(job), reply);
  }
  return settle(batch.jobs, byJob, finalAttempt);
}

/** Runs `task` over `items`, at most `limit` at a time; stops starting new ones once `stopped()`. */
async function runPool<T>(items: readonly T[], limit: number, stopped: () => boolean, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (next < items.length && failure === undefined && !stopped()) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure;
}

// ---------------------------------------------------------------------------------------------------
// Writing

interface Draft {
  job: Job;
  text: string;
  problems: Problem[];
  origin: string;
}

/**
 * Writes drafts, one catalog at a time through `updateCatalog` (which re-reads and writes only if the
 * files did not change meanwhile). A value is set only where it is still what the run planned from.
 */
function draftWriter(project: Project, inputs: readonly ArticleInput[], only: OnlyMode, reports: Map<string, LanguageReport>) {
  const orderOf = new Map(inputs.map((input) => [input.article.id, input.article.segments.map((segment) => segment.key)]));
  return {
    write(drafts: readonly Draft[], counter: 'memory' | 'cached' | 'machine'): void {
      const groups = new Map<string, Draft[]>();
      for (const draft of drafts) {
        const group = `${draft.job.lng}\u0000${draft.job.articleId}`;
        groups.set(group, [...(groups.get(group) ?? []), draft]);
      }
      for (const group of groups.values()) {
        const { lng, articleId } = group[0]!.job;
        let written: Draft[] = [];
        let changed = 0;
        updateCatalog(project, lng, articleId, (current) => {
          written = [];
          changed = 0;
          const entries = new Map(current.entries);
          const state = new Map(current.state);
          let inserted = false;
          for (const draft of group) {
            const current = entries.get(draft.job.id);
            const untouched = only === 'missing' ? current === undefined || current === '' : current === draft.job.previous;
            if (!untouched) {
              changed++;
              continue;
            }
            if (current === undefined) inserted = true;
            entries.set(draft.job.id, draft.text);
            setDraftState(state, draft);
            written.push(draft);
          }
          if (written.length === 0) return undefined;
          return { entries: [...(inserted ? inSegmentOrder(entries, orderOf.get(articleId) ?? []) : entries)], state };
        });
        const report = reports.get(lng)!;
        report.changedMeanwhile += changed;
        for (const draft of written) {
          if (counter === 'memory') report.memory++;
          else {
            report.machine++;
            if (counter === 'cached') report.cached++;
          }
          if (draft.problems.length > 0) {
            report.problems.push(issue(project, draft.job, draft.problems.map((problem) => `${problem.rule}: ${problem.message}`).join('; ')));
          }
        }
      }
    },
  };
}

function setDraftState(state: CatalogState, draft: Draft): void {
  state.set(draft.job.id, { source: shortHash(draft.job.segment.text), target: shortHash(draft.text), origin: draft.origin });
}

/** A catalog that lacked keys (never extracted) gets them in the article's order; other keys keep theirs after. */
function inSegmentOrder(entries: Map<string, string>, order: readonly string[]): Map<string, string> {
  const ordered = new Map<string, string>();
  for (const key of order) if (entries.has(key)) ordered.set(key, entries.get(key)!);
  for (const [key, value] of entries) if (!ordered.has(key)) ordered.set(key, value);
  return ordered;
}
