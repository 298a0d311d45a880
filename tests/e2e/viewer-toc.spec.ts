// Headings and the table of contents around the figures: copy-link anchors, keyboard use, motion.
import { expect, test } from '@playwright/test';
import { VIEWER_FIXTURE_URL } from './viewer-helpers.ts';

test.use({ baseURL: VIEWER_FIXTURE_URL, viewport: { width: 1280, height: 800 } });
const NOTE = '/notes/figures';

test('a heading anchor copies the link to its section', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(NOTE);
  const anchor = page.locator('#section-2-picture .heading-anchor');
  await page.locator('#section-2-picture').hover();
  await anchor.click();
  await expect(page).toHaveURL(/#section-2-picture$/);
  await expect(anchor).toHaveAttribute('data-copied', '');
  await expect(page.getByRole('status').filter({ hasText: 'Link to the section copied' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${VIEWER_FIXTURE_URL}${NOTE}#section-2-picture`);
});

test('the TOC works from the keyboard: the section becomes current and takes focus', async ({ page }) => {
  await page.goto(NOTE);
  const link = page.locator('.page-toc a[href="#section-5-second-diagram"]');
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#section-5-second-diagram$/);
  await expect(page.locator('#section-5-second-diagram')).toBeFocused();
  await expect(link).toHaveAttribute('aria-current', 'location');
  // Tab continues from the section: the next stop is in it (its enlarge button), not at the top of the page.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('href', '#section-5-second-diagram');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Enlarge diagram: Request path through the load balancer' })).toBeFocused();
});

test('scrolling is smooth unless the reader asks for reduced motion', async ({ browser }) => {
  for (const [reducedMotion, expected] of [['no-preference', 'smooth'], ['reduce', 'auto']] as const) {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto(`${VIEWER_FIXTURE_URL}${NOTE}`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe(expected);
    await context.close();
  }
});
