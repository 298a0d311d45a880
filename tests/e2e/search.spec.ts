// Site search as a reader uses it: `/` or the box in the header, hits aimed at the heading,
// code loaded only on use, nothing fetched from another host.
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page, type Response } from '@playwright/test';

const SEED = '/study/infrastructureAWSNetwork';
/** The Jekyll-repository fixture, served by its own web server (playwright.config.ts). */
const JEKYLL = process.env.E2E_JEKYLL_URL ?? `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4399) + 2}`;
/** The reader issue's budget: all client JS on a note page before search is used, min+gzip. */
const JS_BUDGET = 12 * 1024;

/** Every request the page makes, to check where they go and when search code arrives. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

const isSearchCode = (url: string): boolean => /\/pagefind\/|search-ui/.test(url);

test('a two-word search ("NAT gateway") aims at a section holding both words, not one word alone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await page.keyboard.press('/');
  await page.locator('header input[type="search"]').pressSequentially('NAT gateway');
  const first = page.locator('header .search-hit-main').first();
  await expect(first).toHaveAttribute('href', new RegExp(`^${SEED}#section-`));
  const target = decodeURIComponent((await first.getAttribute('href'))!.split('#')[1]!);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${SEED}#${target}$`));
  await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
  // The section the hit opens (up to the next heading) mentions the NAT gateway itself.
  const sectionText = await page.evaluate((id) => {
    const heading = document.getElementById(id)!;
    let text = heading.textContent ?? '';
    for (let node = heading.nextElementSibling; node && !/^H[1-4]$/.test(node.tagName); node = node.nextElementSibling) text += node.textContent;
    return text;
  }, target);
  expect(sectionText).toMatch(/NAT Gateway/);
});

test('`/` focuses the search; "MACsec" lands on its heading in the seed note; nothing leaves 127.0.0.1', async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  expect(requests.filter(isSearchCode), 'search code before use').toEqual([]);

  await page.keyboard.press('/');
  const input = page.locator('header input[type="search"]');
  await expect(input).toBeFocused();
  await input.pressSequentially('MACsec');
  const first = page.locator('header .search-hit-main').first();
  await expect(first).toHaveAttribute('href', `${SEED}#section-5-2-macsec-security-layer`);
  await expect(first).toContainText('5.2 MACsec Security Layer');
  await expect(first.locator('mark').first()).toHaveText(/macsec/i);

  await input.press('Enter');
  await expect(page).toHaveURL(`${baseURL}${SEED}#section-5-2-macsec-security-layer`);
  await expect(page.locator('#section-5-2-macsec-security-layer')).toBeInViewport();
  expect(requests.some((url) => url.includes('/pagefind/pagefind.js'))).toBe(true);
  expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:')), 'requests to other hosts').toEqual([]);
});

test('a note page loads no search code until the box is used, and stays within the JS budget', async ({ page }) => {
  const requests = recordRequests(page);
  const scripts: Response[] = [];
  const onResponse = (response: Response): void => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  };
  page.on('response', onResponse);
  await page.goto(SEED);
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  expect(requests.filter(isSearchCode)).toEqual([]);
  const inline = await page.locator('script:not([src]):not([type="text/plain"]):not([type="application/json"])').allTextContents();
  const bodies = [...(await Promise.all(scripts.map((r) => r.body()))), ...inline.map((text) => Buffer.from(text))];
  expect(scripts.length).toBeGreaterThan(0);
  const gzipped = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);
  expect(gzipped).toBeLessThanOrEqual(JS_BUDGET);

  await page.locator('header input[type="search"]').focus();
  await expect.poll(() => requests.filter(isSearchCode).length).toBeGreaterThan(0);
});

test('hits point at headings, arrow keys walk them, Escape closes; code listings are not indexed', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(SEED);
  const input = page.locator('header input[type="search"]');
  await input.fill('NAT Gateway');
  const hits = page.locator('header .search-results a');
  await expect(hits.first()).toBeVisible();
  for (const href of await hits.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(href).toMatch(/#[\w-]+$/);

  await input.press('ArrowDown');
  await expect(hits.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('header .search-panel')).toBeHidden();
  await expect(input).toBeFocused();

  // `getpeername` appears only in a Python listing under 3.3 of the OSI note: no hit may show it
  // (Pagefind may still offer near words such as "getting"); that note's prose is found.
  await input.fill('getpeername');
  await expect(page.locator('header .search-status')).toHaveText(/match “getpeername”/);
  await expect(page.locator('header .search-results')).not.toContainText(/getpeername/i);
  await expect(page.locator('header .search-results a[href$="#section-3-3-layer-4"]')).toHaveCount(0);
  await input.fill('longest prefix match');
  await expect(page.locator('header .search-hit-main').first()).toHaveAttribute('href', /^\/study\/infrastructureOsiModel#/);
});

test('on a 390 px phone the search opens from a button and fits the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(SEED);
  const input = page.locator('header input[type="search"]');
  await expect(input).toBeHidden();
  await page.getByRole('button', { name: 'Search notes' }).click();
  await expect(input).toBeFocused();
  await input.pressSequentially('Direct Connect');
  const panel = page.locator('header .search-panel');
  await expect(panel.locator('.search-hit').first()).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('an unknown address answers 404 with the site frame and a search that finds the note', async ({ page }) => {
  // A renamed note: the 404 page searches for the old address's words at once.
  const response = await page.goto('/study/awsNetworking');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.locator('head meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  const input = page.locator('main input[type="search"]');
  await expect(input).toHaveValue('aws Networking');
  // Its title matches: the hit opens the note at the top.
  await expect(page.locator('main .search-hit-main').first()).toHaveAttribute('href', '/study/infrastructureAWSNetwork');

  await page.keyboard.press('/');
  await expect(input).toBeFocused();
  await page.keyboard.type('Route 53 Resolver');
  await expect(input).toHaveValue('Route 53 Resolver');
  await expect(page.locator('main .search-status')).toHaveText(/match “Route 53 Resolver”/);
  await page.locator('main .search-hit-main').first().click();
  await expect(page).toHaveURL(/\/study\/infrastructureAWSNetwork#section-6-6-route53-resolver-endpoints$/);
});

test('the search box and its hits pass axe, light and dark', async ({ page }) => {
  await page.goto(SEED);
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByRole('button', { name: 'Toggle dark theme' }).click();
    await page.keyboard.press('/');
    await page.keyboard.type('MACsec');
    await expect(page.locator('header .search-hit').first()).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).include('.site-search').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), theme).toEqual([]);
    await page.keyboard.press('Escape');
  }
});

// Pagefind reads the pages from a staging folder and names each by its path there: the hits must
// still carry each note's permalink exactly, an extensionless one and a folder one alike.
for (const { query, permalink, title } of [
  { query: 'complement', permalink: '/study/leetcodes/0001-two-sum', title: 'Two Sum' },
  { query: 'Homebrew', permalink: '/setup/macos/', title: 'Setting up a Mac' },
]) {
  test(`"${query}" finds the note under its permalink ${permalink}, and the hit opens it`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${JEKYLL}/`);
    await page.keyboard.press('/');
    await page.locator('header input[type="search"]').pressSequentially(query);
    const hits = page.locator('header .search-hit-main');
    await expect(hits.first()).toBeVisible();
    const hrefs = await hits.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const hit = hrefs.find((href) => href.split('#')[0] === permalink);
    expect(hit, hrefs.join(' ')).toBeDefined();
    await page.locator(`header .search-hit-main[href="${hit}"]`).click();
    await expect(page).toHaveURL(`${JEKYLL}${hit}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });
}
