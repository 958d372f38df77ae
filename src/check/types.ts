/**
 * The vocabulary shared by `yakugo check`, `yakugo glossary lint` and every formatter: a problem found
 * at a place, its rule and its severity. Rules produce problems; formatters only print them.
 */
import type { Project } from '../config/load.js';
import type { Severity as ConfiguredSeverity } from '../config/schema.js';
import type { Concept, Glossary, SourceRule, Term } from '../glossary/types.js';
import type { InlineContext } from '../markdown/inline.js';
import type { Segment, SourceArticle } from '../markdown/types.js';

/** A rule setting in the config: `off` drops the rule's problems. */
export type Severity = ConfiguredSeverity;

/** The severity a reported problem carries (never `off`: those problems are dropped before reporting). */
export type ProblemSeverity = Exclude<Severity, 'off'>;

/** A place in a file, relative to the project root with `/` separators; `line` and `column` are 1-based. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

/**
 * One finding. `file`/`line`/`column` point at what has to change (for a translation, the value in
 * `locales/<lng>/<article>.json`); `source` points at the Markdown it was translated from.
 * Fields that do not apply are `null`, so the JSON output always has the same keys (only `concept` is
 * left out when no glossary concept is involved).
 */
export interface Problem extends Location {
  /** Rule id such as `term/untranslated`. */
  rule: string;
  severity: ProblemSeverity;
  /** The language the problem is in (the source language for source rules), `null` when none applies. */
  lng: string | null;
  /** Catalog key of the segment (`paragraph.3f2a9c1b`), `null` for problems about a whole file. */
  key: string | null;
  /** Glossary concept id, when the problem is about one. */
  concept?: string;
  /** What is wrong, in the UI language. */
  message: string;
  /** Where in the Markdown source the segment (or the term) is. */
  source: Location | null;
}

/** What a formatter needs to know about a rule (SARIF lists them in `tool.driver.rules`). */
export interface RuleDescriptor {
  id: string;
  /** One sentence saying what the rule reports. */
  description: string;
  /** Absolute URL of the rule's documentation, when the project has one. */
  helpUri?: string;
  /** The severity the rule has when the config says nothing. */
  defaultSeverity: ProblemSeverity;
}

/** Totals printed at the end and written in the JSON summary. */
export interface Summary {
  errors: number;
  warnings: number;
  /** Number of distinct files that have at least one problem. */
  files: number;
}

/** Orders problems by file, line, column, rule, language, key, message (code-unit order, no locale). */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.rule, b.rule) ||
    compareText(a.lng ?? '', b.lng ?? '') ||
    compareText(a.key ?? '', b.key ?? '') ||
    compareText(a.concept ?? '', b.concept ?? '') ||
    compareText(a.message, b.message)
  );
}

/** A sorted copy: the order every formatter prints in. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}

export function summarize(problems: readonly Problem[]): Summary {
  let errors = 0;
  let warnings = 0;
  const files = new Set<string>();
  for (const problem of problems) {
    if (problem.severity === 'error') errors++;
    else warnings++;
    files.add(problem.file);
  }
  return { errors, warnings, files: files.size };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------
// Rules. A rule is a module with an id, a description and a `check` that reads the prepared inputs of
// one run (built once by run.ts) and reports problems. Rules never read files themselves.

/** A problem as a rule reports it: the runner adds the rule id and the severity configured for `lng`. */
export type Report = Omit<Problem, 'rule' | 'severity'>;

export interface Rule {
  /** Stable id, `area/name`: `term/untranslated`. */
  id: string;
  /** One sentence per UI language (SARIF shortDescription, `--help`, the README). */
  description: { en: string; ja: string };
  /** Severity when the config does not set one for this rule and language. */
  defaultSeverity(lng: string, project: Project): ProblemSeverity;
  check(context: RuleContext): void;
}

/** A glossary match in a source segment (from the same matcher `glossary find` uses). */
export interface SourceMatch {
  concept: Concept;
  /** The Japanese term that matched, with its status (deprecated variants are matched too). */
  term: Term;
  /** The text as written in the Markdown. */
  surface: string;
  /** Where the surface starts in the Markdown file. */
  place: Location;
}

/** A term of a concept found in a target-language text. */
export interface TargetTermMatch {
  term: Term;
  /** UTF-16 offsets in the text searched. */
  start: number;
  end: number;
}

/** Target-side glossary look-ups, one interface for every language (src/glossary/target). */
export interface TermLookup {
  /** Preferred and admitted terms of `concept` in `lng` (for names that are not translated, the name). */
  accepted(concept: Concept, lng: string): Term[];
  /** The term to use. */
  preferred(concept: Concept, lng: string): Term | undefined;
  /** True when `text` contains one of the accepted terms or forms of `concept` in `lng`. */
  containsAccepted(lng: string, text: string, concept: Concept): boolean;
  /** Every term of `concept` in `lng` found in `text`, accepted or not, with its status. */
  find(lng: string, text: string, concept: Concept): TargetTermMatch[];
}

/** One source segment with what the rules need about it. */
export interface SourceSegment {
  segment: Segment;
  /** Where the segment starts in the Markdown. */
  place: Location;
  /** Glossary matches in the segment's prose, in text order. */
  matches: SourceMatch[];
  /** Changes the glossary's source rules (prh rules) ask for in the segment's prose, in text order. */
  ruleHits?: SourceRuleHit[];
}

/** A change a source rule asks for in a source segment. */
export interface SourceRuleHit {
  rule: SourceRule;
  surface: string;
  replacement: string;
  place: Location;
}

/** One source segment and its translation in one language. */
export interface SegmentPair {
  lng: string;
  source: SourceSegment;
  /** The catalog value; `undefined` when the key is not in the catalog at all. */
  target: string | undefined;
  /** The catalog entry's value, or the catalog file's start when the key (or the file) is missing. */
  place: Location;
  /** The source changed after the translation was written (from the sidecar). */
  stale: boolean;
  /**
   * Where the translation came from when it is a draft nobody has reviewed yet (sidecar `origin`:
   * `machine:<provider>/<model>` or `tm`); absent for a translation a person wrote or reviewed.
   */
  origin?: string;
}

/** A catalog entry whose key no longer names a segment of the source (its paragraph was edited or removed). */
export interface OrphanEntry {
  key: string;
  value: string;
  place: Location;
  /** The current segment its old source text is most similar to, when one is similar enough. */
  probably?: SourceSegment;
}

export interface TargetCatalog {
  lng: string;
  /** `locales/<lng>/<article>.json`, relative to the root. */
  file: string;
  exists: boolean;
  pairs: SegmentPair[];
  orphans: OrphanEntry[];
}

export interface ArticleInput {
  article: SourceArticle;
  /** Link and footnote definitions of the article, so a segment's inline Markdown parses as in the document. */
  inline: InlineContext;
  /** URL of each link reference definition, by normalized identifier (`[text][ref]` resolves through it). */
  definitions: ReadonlyMap<string, string>;
  sources: SourceSegment[];
  /** One per target language of the run, in config order. */
  targets: TargetCatalog[];
  /** Japanese text in raw HTML that no segment covers. */
  html: Array<{ text: string; place: Location }>;
}

/** An edition file compared with what `build` would write there (the verdict of `build --dry-run`). */
export interface EditionInput {
  article: SourceArticle;
  lng: string;
  /** `out/<lng>/<article>.md`, relative to the root. */
  file: string;
  /** `not-built`: build writes no file (a required language with missing keys, or below its threshold). */
  status: 'current' | 'outdated' | 'missing' | 'not-built';
  /** Where the file first differs from what build writes, when outdated. */
  difference?: { line: number; column: number };
}

/** Why one article, or one edition of it, cannot be built (bad front matter or catalog, a translation that does not fit). */
export interface EditionFailure {
  /** The source article, relative to the root. */
  article: string;
  message: string;
  /** Where to fix it: the catalog entry or the source file. */
  location: Location;
  /** The edition, or null when the article itself cannot be read. */
  lng: string | null;
  key: string | null;
  /** The segment in the source, when one is concerned. */
  source: Location | null;
}

/** The editions of a run, and the articles or editions build cannot produce (every other one is compared). */
export interface EditionCheck {
  editions: EditionInput[];
  failures: EditionFailure[];
}

export interface RuleContext {
  project: Project;
  glossary: Glossary;
  terms: TermLookup;
  /** Target languages of this run. */
  languages: readonly string[];
  /** True when the source language is part of the run (source rules run only then). */
  includesSource: boolean;
  articles: readonly ArticleInput[];
  /** Editions to compare, computed only when `edition/outdated` runs. */
  editions(): EditionCheck;
  report(problem: Report): void;
}
