// sitemap.xml and robots.txt from the list of built pages.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuiltPage } from '../../../src/integration/built-pages.ts';
import { robotsTxt } from '../../../src/integration/robots.ts';
import { sitemapXml, writeSitemap } from '../../../src/integration/sitemap.ts';
import { absoluteUrl } from '../../../src/loader/permalink.ts';

const page = (url: string, unlisted = false): BuiltPage => ({ file: '', url, read: async () => '', unlisted });
const pages = [page('/'), page('/study/'), page('/study/infrastructureAWSNetwork'), page('/study/draft', true), page('/study/a&b notes')];

describe('sitemap.xml', () => {
  it('lists every page under the base path with the site origin, leaving out `sitemap: false` pages', () => {
    const xml = sitemapXml(pages, '/notes/', 'https://me.github.io');
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://me.github.io/notes/',
      'https://me.github.io/notes/study/',
      'https://me.github.io/notes/study/infrastructureAWSNetwork',
      'https://me.github.io/notes/study/a&amp;b%20notes',
    ]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  });

  it('at the root of a user site has no base segment', () => {
    expect(absoluteUrl('/study/x', '/', 'https://me.github.io')).toBe('https://me.github.io/study/x');
    expect(absoluteUrl('/study/ünïcode', '/', 'https://me.github.io')).toBe('https://me.github.io/study/%C3%BCn%C3%AFcode');
  });

  it('is not written without SITE_URL, since a sitemap needs absolute URLs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitemap-'));
    expect(await writeSitemap(dir, pages, '/', '')).toBeUndefined();
    expect(existsSync(path.join(dir, 'sitemap.xml'))).toBe(false);
    expect(await writeSitemap(dir, pages, '/', 'https://me.github.io')).toBe(4);
    expect(readFileSync(path.join(dir, 'sitemap.xml'), 'utf8')).toContain('<loc>https://me.github.io/study/</loc>');
  });
});

describe('robots.txt', () => {
  it('allows everything and names the sitemap when there is one', () => {
    expect(robotsTxt('https://me.github.io/notes/sitemap.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://me.github.io/notes/sitemap.xml\n');
    expect(robotsTxt(undefined)).toBe('User-agent: *\nAllow: /\n');
  });
});
