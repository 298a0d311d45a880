// The search index: Pagefind reads the built pages and writes `pagefind/` (index, WASM, search API)
// beside them. Only what lies inside `data-pagefind-body` (the note's article) is indexed; pages
// without it (the generated home, 404) are left out by Pagefind itself.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { BuiltPage } from './built-pages.ts';
import { withDiagramText } from './diagram-search-text.ts';
import type { SearchIndexCache } from './search-index-cache.ts';
import { StagingFolder, stagingPlan, trimmedForIndex, withoutSkippedElements } from './search-staging.ts';
import { inOrder } from '../shared/in-order.ts';

/**
 * Code is left out: a listing's keywords and punctuation would outrank the prose that explains
 * them ("not code noise"). Inline `code` in sentences stays searchable. Diagram SVG text is left
 * out where it stands (every box label would be a hit in its section); the labels are indexed as
 * a section of their own per diagram instead (diagram-search-text.ts).
 */
export const SEARCH_EXCLUDE = ['pre', '.code-block', 'svg', 'script', 'style', 'template'];

/** The elements of SEARCH_EXCLUDE named by tag alone: the staged copies leave them out. */
const SKIPPED_TAGS = SEARCH_EXCLUDE.filter((selector) => /^[a-z]+$/.test(selector));

/** What is staged of a page's indexed HTML: only what Pagefind reads of it (search-staging.ts). */
export const stagedCopy = (indexedHtml: string): string => withoutSkippedElements(trimmedForIndex(indexedHtml), SKIPPED_TAGS);

/** Pagefind's prebuilt UIs: the site ships its own small search box, so these are not published. */
const UNUSED_BUNDLES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/**
 * Links marked `data-pagefind-ignore` (the `#` heading anchors) are dropped before indexing:
 * Pagefind skips them in the text but still puts them in the heading titles it reports.
 */
const IGNORED_LINK = /<a\b[^>]*\sdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/a>/g;

export interface SearchIndexSummary {
  /** Pages that had searchable text. */
  pages: number;
  /** The index was last build's, copied from the cache (the pages gave Pagefind the same input). */
  fromCache: boolean;
}

/** What Pagefind is given for a page: its HTML without the ignored links, plus its diagrams' words. */
const indexedContent = (html: string): string => withDiagramText(html.replace(IGNORED_LINK, ''));

/**
 * Indexes `pages` under their URLs without the base path; the browser's Pagefind prefixes the
 * base it is loaded from, so one index works under `/` and under `/repo/`. With a `cache`, pages
 * that give Pagefind what they gave it last build get last build's index (search-index-cache.ts).
 * `scratchDir` (the build's cache folder) holds the staging folder while Pagefind reads it.
 */
export async function writeSearchIndex(outDir: string, pages: BuiltPage[], scratchDir: string, cache?: SearchIndexCache): Promise<SearchIndexSummary> {
  const outputPath = path.join(outDir, 'pagefind');
  // On a miss the pages are read twice (for the key, then for Pagefind): keeping them all between
  // the two would bring back the site-sized copy in memory that reading one at a time avoids, and
  // staging them while the key is computed would cost every unchanged build the writes.
  const key = cache && (await cache.keyOf(contents(pages)));
  if (cache && key) {
    const restored = await cache.restore(key, outputPath);
    if (restored !== undefined) return { pages: restored, fromCache: true };
  }
  // Pagefind reads a folder of pages with all its threads, and a page handed to it (addHTMLFile)
  // on one (~3.5 ms a page). It names a page by its file's path, so a site with a URL no file is
  // named by (stagedFileFor: a space, `é`, a URL ending in `index.html`, `/a` beside `/a/b`)
  // hands every page over one by one instead: each keeps its exact URL.
  const files = pages.length > 0 ? stagingPlan(pages.map((page) => page.url)) : undefined;
  const staging = files && (await StagingFolder.create(scratchDir, files));
  try {
    if (staging) {
      let i = 0;
      for await (const { content } of contents(pages)) staging.write(i++, stagedCopy(content));
    }
    const summary = await runPagefind(outputPath, pages, staging);
    if (cache && key) await cache.store(key, outputPath, summary.pages);
    return summary;
  } finally {
    await staging?.remove();
  }
}

/** Each page's URL and indexed HTML, in order; the next few pages are read meanwhile. */
async function* contents(pages: BuiltPage[]): AsyncIterable<{ url: string; content: string }> {
  let i = 0;
  for await (const html of inOrder(pages.map((page) => page.read), 8)) yield { url: pages[i++]!.url, content: indexedContent(html) };
}

async function runPagefind(outputPath: string, pages: BuiltPage[], staging: StagingFolder | undefined): Promise<SearchIndexSummary> {
  const created = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE, forceLanguage: 'en' });
  if (!created.index) throw new Error(`search index: Pagefind did not start: ${created.errors.join('; ')}`);
  const { index } = created;
  try {
    if (staging) {
      const added = await index.addDirectory({ path: staging.dir, glob: staging.glob() });
      if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
    } else {
      // One page at a time, each read when its turn comes (one copy of the site in memory). Not
      // several at once: Pagefind numbers pages as they arrive, so the index files would differ
      // from build to build.
      for (const page of pages) {
        const added = await index.addHTMLFile({ url: page.url, content: indexedContent(await page.read()) });
        if (added.errors.length > 0) throw new Error(`search index: ${page.file}: ${added.errors.join('; ')}`);
      }
    }
    await rm(outputPath, { recursive: true, force: true });
    // Pagefind has read the staged copies: they go while it writes the index.
    const [written] = await Promise.all([index.writeFiles({ outputPath }), staging?.remove()]);
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
    await Promise.all(UNUSED_BUNDLES.map((file) => rm(path.join(outputPath, file), { force: true })));
    return { pages: await indexedPages(outputPath), fromCache: false };
  } finally {
    await pagefind.close();
  }
}

/**
 * Pages in the index, as Pagefind counts them in its entry file: those with words in their
 * `data-pagefind-body` (the generated home and 404 have none, and Pagefind leaves them out).
 */
async function indexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

