// Wide tables get room (the seed note's 7-column study tables): at 1280 px they grow over the
// table of contents' column and are shown whole, inside the window; on a 390 px phone the page
// never scrolls sideways and each table scrolls in its box, with a shadow at the clipped edge.
// The 9-column case and the overflow cue at 1100 px: tests/build/site-chrome.test.ts.
import { expect, test, type Locator, type Page } from '@playwright/test';

const SEED = '/study/infrastructureAWSNetwork';

const edgeOpacity = (box: Locator, edge: '::before' | '::after'): Promise<number> =>
  box.evaluate((el, pseudo) => Number(getComputedStyle(el, pseudo).opacity), edge);
const overflow = (box: Locator): Promise<number> => box.evaluate((el) => el.scrollWidth - el.clientWidth);
const pageOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('at 1280 px the seed note\'s 7-column tables are whole, wider than the text column, inside the window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(SEED);
  const text = (await page.locator('.note-main').boundingBox())!;
  const wide = page.locator('.table-scroll:has(th:nth-child(7))');
  await expect(wide).toHaveCount(7);
  for (const box of await wide.all()) {
    expect(await overflow(box)).toBeLessThanOrEqual(0);
    const table = (await box.boundingBox())!;
    expect(table.width).toBeGreaterThan(text.width + 100);
    expect(table.x + table.width).toBeLessThanOrEqual(1280);
    expect(await edgeOpacity(box, '::after')).toBe(0); // whole: no "it scrolls" shadow
  }
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});

test('at 390 px the page never scrolls sideways; a wide table scrolls in its box and shows which edge is cut', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(SEED);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  const box = page.locator('.table-scroll:has(th:nth-child(7))').first();
  await box.scrollIntoViewIfNeeded();
  expect(await overflow(box)).toBeGreaterThan(300);
  expect(await edgeOpacity(box, '::after')).toBe(1);
  expect(await edgeOpacity(box, '::before')).toBe(0);
  await box.evaluate((el) => el.scrollBy({ left: 200 }));
  await expect.poll(() => edgeOpacity(box, '::before')).toBe(1);
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect.poll(() => edgeOpacity(box, '::after')).toBe(0);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});
