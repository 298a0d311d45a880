import { expect, test } from '@playwright/test';

const SEED = '/study/infrastructureAWSNetwork';

test('the seed note keeps its permalink, anchors and study tables', async ({ page }) => {
  const response = await page.goto(SEED);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'AWS Network Services' })).toBeVisible();
  await expect(page.locator('#section-6-6-route53-resolver-endpoints')).toHaveText(/6\.6 Route 53 Resolver and Endpoints/);
  await expect(page.locator('table.study-table')).toHaveCount(9);
  await expect(page.locator('body')).not.toContainText('‚Ä¢');
});

test('on a 390 px phone the page never scrolls sideways and the TOC folds', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(SEED);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.locator('.page-toc details')).not.toHaveAttribute('open', '');
  // The wide tables scroll inside their own box instead.
  const scroller = page.locator('.table-scroll').first();
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});

test('the theme toggle switches to dark, is remembered, and does not flash', async ({ page }) => {
  await page.goto(SEED);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Toggle dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  // Set by the inline head script before first paint.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
});

test('the table of contents highlights the section being read', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${SEED}#section-5-direct-connect`);
  await expect(page.locator('.page-toc a[aria-current="location"]')).toHaveAttribute('href', '#section-5-direct-connect');
});
