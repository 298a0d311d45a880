// What a published site needs besides its pages: sitemap, robots.txt and the search index.
import type { AstroIntegrationLogger } from 'astro';
import type { SiteConfig } from '../config/site-config.ts';
import type { SiteModel } from '../loader/site-model.ts';
import { listBuiltPages, type BuiltPage } from './built-pages.ts';
import { writeSearchIndex } from './pagefind.ts';
import type { SearchIndexCache } from './search-index-cache.ts';
import { writeRobots } from './robots.ts';
import { absoluteUrl } from '../loader/permalink.ts';
import { writeSitemap } from './sitemap.ts';

export async function writePublishingFiles(
  outDir: string,
  config: SiteConfig,
  model: SiteModel | undefined,
  logger: AstroIntegrationLogger,
  searchCache?: SearchIndexCache,
): Promise<void> {
  const pages = await listBuiltPages(outDir, model);
  const started = Date.now();
  // Pagefind indexes in its own process while the sitemap is written.
  const [listed, search] = await Promise.all([writeSitemapAndRobots(outDir, pages, config), writeSearchIndex(outDir, pages, config.cacheDir, searchCache)]);
  if (listed === undefined) logger.info('no sitemap.xml: set SITE_URL (or url: in _config.yml) to the address the site is served at');
  else logger.info(`sitemap.xml lists ${listed} pages`);
  logger.info(`search index: ${search.pages} pages in pagefind/${search.fromCache ? ' (unchanged, from the cache)' : ''}, ${Date.now() - started} ms`);
}

async function writeSitemapAndRobots(outDir: string, pages: BuiltPage[], config: SiteConfig): Promise<number | undefined> {
  const listed = await writeSitemap(outDir, pages, config.base, config.siteUrl);
  await writeRobots(outDir, listed === undefined ? undefined : absoluteUrl('/sitemap.xml', config.base, config.siteUrl));
  return listed;
}
