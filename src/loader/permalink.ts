// Page URLs are Jekyll permalinks, served by GitHub Pages without redirects.
import path from 'node:path';
import { addPermalinkSuffix, fillPageTemplate } from './jekyll-url.ts';

/**
 * The URL Jekyll gives a page: its permalink (`:path`, `:basename`, `:output_ext` filled in), else
 * one derived from its source path and the site's permalink style (`date`: `/a/b.html`, `pretty`: `/a/b/`).
 */
export function pageUrl(relPath: string, permalink: unknown, style = 'date'): string {
  const dir = path.posix.dirname(relPath);
  const placeholders = { path: dir === '.' ? '/' : `/${dir}`, basename: path.posix.basename(relPath).replace(/\.[^.]*$/, ''), output_ext: '.html' };
  if (typeof permalink === 'string' && permalink.trim()) return fillPageTemplate(permalink.trim(), placeholders);
  const template = placeholders.basename === 'index' ? '/:path/' : addPermalinkSuffix('/:path/:basename', style);
  return fillPageTemplate(template, placeholders);
}

/**
 * The file (relative to the output folder) that serves `url` on GitHub Pages:
 * `/study/x` → `study/x.html`, `/study/` → `study/index.html`, `/a/b.html` → `a/b.html`.
 */
export function outputPathForUrl(url: string): string {
  const clean = decodeURI(url.split(/[?#]/)[0] ?? '/').replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) return `${clean}index.html`;
  if (/\.html?$/i.test(clean)) return clean;
  return `${clean}.html`;
}

/**
 * Astro normalises a route `x/index` to `/x/` and then writes `x.html` (build.format 'file'),
 * so folder-style permalinks are routed under this name and renamed to `index.html` after the
 * build (see integration/directory-index.ts).
 */
export const DIRECTORY_INDEX_SLUG = '__directory_index__';

/** The Astro route slug (`[...slug]`) that writes `outputPathForUrl(url)` with `build.format: 'file'`. */
export function routeSlugForUrl(url: string): string | undefined {
  const file = outputPathForUrl(url).replace(/\.html?$/i, '');
  if (file === 'index') return undefined;
  return file.endsWith('/index') ? `${file.slice(0, -'index'.length)}${DIRECTORY_INDEX_SLUG}` : file;
}

/** The short URL GitHub Pages serves an output file at: `a/index.html` → `/a/`, `a/b.html` → `/a/b` (the canonical one). */
export function shortUrlFor(outputPath: string): string {
  if (outputPath === 'index.html' || outputPath.endsWith('/index.html')) return `/${outputPath.slice(0, -'index.html'.length)}`;
  if (outputPath.endsWith('.html')) return `/${outputPath.slice(0, -'.html'.length)}`;
  return `/${outputPath}`;
}

/** Every URL under which GitHub Pages serves an output file (`x.html` also answers `/x`). */
export function urlsServedBy(outputPath: string): string[] {
  const short = shortUrlFor(outputPath);
  return short === `/${outputPath}` ? [short] : [`/${outputPath}`, short];
}

/** Prefixes a root-relative URL with the base path (`/x` → `/notes/x`), once. */
export function withBase(url: string, base: string): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  if (base === '/' || url === base.slice(0, -1) || url.startsWith(base)) return url;
  return base.slice(0, -1) + url;
}

/** The absolute address of a page: origin + base + URL, percent-encoded once. */
export function absoluteUrl(url: string, base: string, siteUrl: string): string {
  return siteUrl + encodeURI(decodeURI(withBase(url, base)));
}
