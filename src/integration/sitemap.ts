// sitemap.xml for search engines. Written by hand rather than with @astrojs/sitemap because it must
// follow the notes' own rules (Jekyll permalinks, `sitemap: false`), which live in the site model.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { absoluteUrl } from '../loader/permalink.ts';
import type { BuiltPage } from './built-pages.ts';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function sitemapXml(pages: BuiltPage[], base: string, siteUrl: string): string {
  const entries = pages
    .filter((p) => !p.unlisted)
    .map((p) => `  <url><loc>${escapeXml(absoluteUrl(p.url, base, siteUrl))}</loc></url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, '</urlset>', ''].join('\n');
}

/**
 * Writes `sitemap.xml` and returns how many URLs it lists. A sitemap must hold absolute URLs, so
 * without SITE_URL (or `url:` in _config.yml) there is none: returns undefined.
 */
export async function writeSitemap(outDir: string, pages: BuiltPage[], base: string, siteUrl: string): Promise<number | undefined> {
  if (!siteUrl) return undefined;
  await writeFile(path.join(outDir, 'sitemap.xml'), sitemapXml(pages, base, siteUrl));
  return pages.filter((p) => !p.unlisted).length;
}
