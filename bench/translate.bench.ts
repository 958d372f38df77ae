import { catalogPath, readCatalog } from '../src/catalog/catalog.js';
import { prepareArticle } from '../src/check/run.js';
import { loadProject } from '../src/config/load.js';
import { loadProjectGlossary } from '../src/glossary/load.js';
import { createMatcher } from '../src/glossary/match.js';
import { parseMarkdown } from '../src/markdown/parse.js';
import { loadArticle } from '../src/project/articles.js';
import { maskSegment, restoreTokens, restoreXml, toTokens, toXml } from '../src/translate/mask.js';
import { checkDrafts } from '../src/translate/postcheck.js';
import { measure, report } from './harness.js';

/**
 * What `yakugo translate` adds around the provider for one article: masking every segment and restoring
 * the reply (both placeholder styles), and the post-check of every draft, against parsing the article once.
 * Provider latency is not measured: it is the provider's.
 */
export default async function translateBench(root: string): Promise<void> {
  const project = loadProject(root);
  const glossary = await loadProjectGlossary(project);
  const matcher = await createMatcher(glossary);
  const article = loadArticle(project, `${project.dirs.source}/deepseek-shock.md`);
  const input = prepareArticle(
    project,
    article,
    [],
    article.segments.map((segment) => ({ matches: matcher.findInRuns(segment.runs), ruleHits: matcher.findRulesInRuns(segment.runs) })),
  );
  const shipped = readCatalog(catalogPath(project, 'en', article.id), 'en').entries;
  const drafts = new Map(article.segments.map((segment) => [segment.key, shipped.get(segment.key) ?? '']));

  const parse = measure('parse the article (remark, all plugins)', () => parseMarkdown(article.source));
  const tokens = measure('mask + restore every segment, ⟦n⟧ tokens', () => {
    for (const segment of article.segments) {
      const masked = maskSegment(segment.text, segment.kind === 'meta' ? 'plain' : 'markdown', input.inline);
      restoreTokens(masked, toTokens(masked));
    }
  });
  const xml = measure('mask + restore every segment, DeepL XML', () => {
    for (const segment of article.segments) {
      const masked = maskSegment(segment.text, segment.kind === 'meta' ? 'plain' : 'markdown', input.inline);
      restoreXml(masked, toXml(masked));
    }
  });
  const check = measure('post-check every draft (4 segment rules)', () => checkDrafts(project, glossary, input, 'en', drafts));
  report(`translate overhead (deepseek-shock.md, ${article.segments.length} segments)`, parse, [
    { ...tokens, note: 'one inline parse per segment' },
    xml,
    { ...check, note: 'target-term search and an inline parse per draft' },
  ]);
}
