// The author's site chrome, built from a Jekyll fixture with its own header, footer and head
// includes (tests/fixtures/chrome-site): header and footer links read from those includes (with
// their Liquid), the favicon and touch icon, a page's own stylesheets after the site's CSS, and
// every page Jekyll's header and footer made reachable reachable here too. Then in Chromium: the
// page's CSS applies, the page's script finds its code block by id, diagram tooltips read right,
// and a 9-column table gets room (whole at 1280 px, a scroll cue when cut, no sideways page at 390 px).
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { buildSite, type BuildResult } from '../helpers/astro-build.ts';
import { unreachedPages, unreachedTargets } from '../helpers/chrome-links.ts';
import { serveBuilt } from '../helpers/serve-built.ts';

const FIXTURE = path.resolve('tests/fixtures/chrome-site');
const PAGES = ['index.html', 'about.html', 'principles.html', 'rules.html', 'setup.html', 'study/index.html', 'study/cdn.html', 'study/load-balancers.html'];

let build: BuildResult;
let based: BuildResult;

beforeAll(() => {
  build = buildSite(FIXTURE);
  based = buildSite(FIXTURE, { SITE_BASE: '/notes/' });
});

const region = (html: string, tag: 'header' | 'footer'): string => new RegExp(`<${tag} class="site-${tag}"[\\s\\S]*?</${tag}>`).exec(html)?.[0] ?? '';
const links = (html: string): Array<[string, string]> =>
  [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => [m[1]!, m[2]!.replace(/<[^>]+>/g, '').trim()]);

describe('the author\'s header, footer and icons', () => {
  it('builds without warnings', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/, 0 warnings,/);
  });

  it('header: the links of _includes/header.html, its Liquid loop over site.pages included, in order', () => {
    const header = links(region(build.read('about.html'), 'header'));
    expect(header).toEqual([
      ['/', 'Ops Notes'],
      ['/study/', 'Study'],
      ['/principles.html', 'Principles'],
      ['/rules', 'Rules'],
      ['/setup.html', 'Setup'],
      ['https://github.com/alex-ops/ops-notes', 'GitHub'], // an icon-only link, named by its aria-label
    ]);
    expect(region(build.read('setup.html'), 'header')).toMatch(/<a href="\/setup\.html" aria-current="page">Setup<\/a>/);
  });

  it('footer: the links of _includes/footer.html (the repository, a page), not a second home link', () => {
    const footer = links(region(build.read('study/cdn.html'), 'footer'));
    expect(footer).toEqual([
      ['https://github.com/alex-ops/ops-notes', 'source'],
      ['/rules', 'house rules'],
    ]);
  });

  it('every page links the favicon, the touch icon and the icon the author\'s head include names', () => {
    for (const page of [...PAGES, '404.html']) {
      const html = build.read(page);
      expect(html, page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
      expect(html, page).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png">');
      expect(html, page).toContain('<link rel="icon" href="/assets/logo.svg" type="image/svg+xml">');
    }
  });

  it('a page\'s own stylesheets (front matter, <link> and <style> in its text) load after the site\'s CSS', () => {
    const html = build.read('setup.html');
    const site = html.search(/<link rel="stylesheet" href="\/_astro\/[^"]+\.css"/);
    const own = html.indexOf('<link rel="stylesheet" href="/assets/setup.css"');
    expect(site).toBeGreaterThan(-1);
    expect(own).toBeGreaterThan(site);
    expect(html.indexOf('<link rel="stylesheet" href="/assets/print.css">')).toBeGreaterThan(own);
    expect(html).toMatch(/<style>\s*\.setup-card h3 \{ margin-top: 0; color: #0b5cad; \}\s*<\/style>/);
    expect(build.read('principles.html')).not.toContain('setup.css');
  });

  it('every page Jekyll\'s header and footer made reachable is reachable from ours (page by page)', () => {
    expect(unreachedTargets('chrome-site', build.read)).toEqual([]);
    // And every page Jekyll's site let a reader reach from its home page, by any link.
    expect(unreachedPages('chrome-site', build.outDir)).toEqual([]);
  });

  it('under a base path every header, footer, icon and stylesheet link carries it', () => {
    expect(based.status, based.output).toBe(0);
    const html = based.read('setup.html');
    expect(links(region(html, 'header')).map(([href]) => href)).toEqual(['/notes/', '/notes/study/', '/notes/principles.html', '/notes/rules', '/notes/setup.html', 'https://github.com/alex-ops/ops-notes']);
    expect(links(region(html, 'footer')).map(([href]) => href)).toEqual(['https://github.com/alex-ops/ops-notes', '/notes/rules']);
    expect(html).toContain('<link rel="icon" href="/notes/favicon.svg"');
    expect(html).toContain('<link rel="stylesheet" href="/notes/assets/setup.css"');
    expect(unreachedTargets('chrome-site', based.read, '/notes/')).toEqual([]);
    expect(unreachedPages('chrome-site', based.outDir, '/notes/')).toEqual([]);
  });

  it('keeps the ids of code blocks: raw <pre><code id> and an IAL under a fence', () => {
    const html = build.read('study/cdn.html');
    expect(html).toMatch(/<pre [^>]*class="shiki[^>]*><code class="language-javascript" id="policy-code">/);
    expect(html).toMatch(/<code class="language-bash" id="invalidate-cmd">/);
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  let server: { origin: string; close: () => void };

  beforeAll(async () => {
    server = await serveBuilt(build.outDir);
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('the setup page\'s cards and pills look as its own CSS says', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/setup`);
    const card = page.locator('.setup-card').first();
    expect(await card.evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).toBe('12px');
    expect(await page.locator('.setup-grid').evaluate((el) => getComputedStyle(el).display)).toBe('grid');
    expect(await page.locator('.pill-done').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(218, 251, 225)');
    // The <style> in the page beats the site's heading colour.
    expect(await card.locator('h3').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(11, 92, 173)');
    await page.close();
  });

  it('the page\'s script finds its highlighted code block by id; the diagram\'s tooltips name participants as written', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/study/cdn`);
    await page.waitForFunction(() => document.getElementById("policy-summary")?.textContent?.startsWith("Policy:"));
    expect(await page.textContent("#policy-summary")).toBe('Policy: 5 lines, default TTL 86400 s');
    const titles = await page.$$eval('figure svg title', (nodes) => nodes.map((n) => n.textContent));
    expect(titles).toEqual(["User's Browser", 'CloudFront (Edge)', 'Origin (S3 / ALB / EC2 / On-Prem)']);
    await page.close();
  });

  // Wide tables: a 9-column study table beside the table of contents.
  const edgeOpacity = (page: Page, edge: '::before' | '::after'): Promise<number> =>
    page.locator('#lb-table').evaluate((table, pseudo) => Number(getComputedStyle(table.parentElement!, pseudo).opacity), edge);
  const boxOverflow = (page: Page): Promise<number> => page.locator('#lb-table').evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
  const pageOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('at 1280 px a 9-column table grows over the contents column and is shown whole, inside the window', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/study/load-balancers.html`);
    expect(await page.locator('#lb-table thead th').count()).toBe(9);
    expect(await boxOverflow(page)).toBeLessThanOrEqual(0);
    const text = (await page.locator('.note-main').boundingBox())!;
    const box = (await page.locator('.table-scroll:has(#lb-table)').boundingBox())!;
    expect(box.width).toBeGreaterThan(text.width + 250);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(await edgeOpacity(page, '::after')).toBe(0);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('at 1100 px it still overflows: a shadow marks the cut edge, and the other edge once scrolled', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${server.origin}/study/load-balancers.html`);
    expect(await boxOverflow(page)).toBeGreaterThan(0);
    expect(await edgeOpacity(page, '::after')).toBe(1);
    expect(await edgeOpacity(page, '::before')).toBe(0);
    await page.locator('#lb-table').evaluate((table) => table.parentElement!.scrollTo({ left: 10_000 }));
    await expect.poll(() => edgeOpacity(page, '::after')).toBe(0);
    expect(await edgeOpacity(page, '::before')).toBe(1);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('at 390 px the page never scrolls sideways; the table scrolls in its box', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.origin}/study/load-balancers.html`);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(await boxOverflow(page)).toBeGreaterThan(500);
    expect(await edgeOpacity(page, '::after')).toBe(1);
    await page.close();
  });
});
