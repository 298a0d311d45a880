// The search index: Pagefind reads the built pages and writes `pagefind/` (index, WASM, search API)
// beside them. Only what lies inside `data-pagefind-body` (the note's article) is indexed; pages
// without it (the generated home, 404) are left out by Pagefind itself.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { BuiltPage } from './built-pages.ts';
import { withDiagramText } from './diagram-search-text.ts';
import type { SearchIndexCache } from './search-index-cache.ts';

/**
 * Code is left out: a listing's keywords and punctuation would outrank the prose that explains
 * them ("not code noise"). Inline `code` in sentences stays searchable. Diagram SVG text is left
 * out where it stands (every box label would be a hit in its section); the labels are indexed as
 * a section of their own per diagram instead (diagram-search-text.ts).
 */
export const SEARCH_EXCLUDE = ['pre', '.code-block', 'svg', 'script', 'style', 'template'];

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
 */
export async function writeSearchIndex(outDir: string, pages: BuiltPage[], cache?: SearchIndexCache): Promise<SearchIndexSummary> {
  const outputPath = path.join(outDir, 'pagefind');
  // On a miss the pages are read twice (for the key, then for Pagefind): keeping them all between
  // the two would bring back the site-sized copy in memory that reading one at a time avoids.
  const key = cache && (await cache.keyOf(contents(pages)));
  if (cache && key) {
    const restored = await cache.restore(key, outputPath);
    if (restored !== undefined) return { pages: restored, fromCache: true };
  }
  const summary = await runPagefind(outputPath, pages);
  if (cache && key) await cache.store(key, outputPath, summary.pages);
  return summary;
}

async function* contents(pages: BuiltPage[]): AsyncIterable<{ url: string; content: string }> {
  for (const page of pages) yield { url: page.url, content: indexedContent(await page.read()) };
}

async function runPagefind(outputPath: string, pages: BuiltPage[]): Promise<SearchIndexSummary> {
  const created = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE, forceLanguage: 'en' });
  if (!created.index) throw new Error(`search index: Pagefind did not start: ${created.errors.join('; ')}`);
  const { index } = created;
  try {
    // One page at a time, each read when its turn comes (one copy of the site in memory). Not
    // several at once: Pagefind numbers pages as they arrive, so the index files would differ
    // from build to build.
    let indexed = 0;
    for (const page of pages) {
      const html = await page.read();
      const added = await index.addHTMLFile({ url: page.url, content: indexedContent(html) });
      if (added.errors.length > 0) throw new Error(`search index: ${page.file}: ${added.errors.join('; ')}`);
      if (added.file.uniqueWords > 0 && /\sdata-pagefind-body[\s=>]/.test(html)) indexed += 1;
    }
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
    await Promise.all(UNUSED_BUNDLES.map((file) => rm(path.join(outputPath, file), { force: true })));
    return { pages: indexed, fromCache: false };
  } finally {
    await pagefind.close();
  }
}
