// Links into files the generator writes are fine; links to files it does not write are broken,
// however plausible their names (a stale list here once hid real broken links).
import { describe, expect, it } from 'vitest';
import { generatedUrlTest } from '../../../src/checks/check-site.ts';
import type { SiteModel } from '../../../src/loader/site-model.ts';

const model = (siteUrl: string, hasHome = true): SiteModel =>
  ({ config: { siteUrl }, pageByOutput: new Map(hasHome ? [['index.html', {}]] : []) }) as unknown as SiteModel;

describe('generated files', () => {
  it('404, robots.txt, build assets and the search index are written', () => {
    const isGenerated = generatedUrlTest(model(''));
    for (const url of ['/404', '/404.html', '/robots.txt', '/_astro/site.css', '/pagefind/pagefind.js']) expect(isGenerated(url), url).toBe(true);
  });

  it('files the build never writes are not', () => {
    const isGenerated = generatedUrlTest(model('https://me.github.io'));
    for (const url of ['/sitemap-index.xml', '/sitemap-0.xml', '/search', '/search.html', '/index.html']) expect(isGenerated(url), url).toBe(false);
  });

  it('sitemap.xml only when the site address is known; the generated home only without an index page', () => {
    expect(generatedUrlTest(model(''))('/sitemap.xml')).toBe(false);
    expect(generatedUrlTest(model('https://me.github.io'))('/sitemap.xml')).toBe(true);
    expect(generatedUrlTest(model('', false))('/')).toBe(true);
  });
});
