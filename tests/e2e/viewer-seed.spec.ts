// The figure viewer's acceptance on the seed note, with the diagrams the renderer really drew.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { measurePage, NOTE_PAGE_BUDGET } from '../../scripts/js-budget.ts';
import { dialog, settledDialogBox, expectAllLocal, horizontalOverflow, inlineDrawing, recordRequests, stageSvg, viewBox, viewerScale } from './viewer-helpers.ts';

const SEED = '/study/infrastructureAWSNetwork';
const FIGURES = 'figure[data-figure="diagram"], figure[data-figure="image"]';

test('every figure of the seed note has an enlarge button and an id', async ({ page }) => {
  await page.goto(SEED);
  const figures = page.locator(FIGURES);
  expect(await figures.count()).toBeGreaterThanOrEqual(7);
  for (const figure of await figures.all()) {
    await expect(figure).toHaveAttribute('id', /^fig-/);
    const caption = (await figure.locator('figcaption').textContent())!.replace(/\s+/g, ' ').trim();
    await expect(figure.getByRole('button', { name: `Enlarge diagram: ${caption}`, exact: true })).toBeVisible();
  }
});

test('Enter opens a labelled modal with the diagram larger; + zooms; Esc closes and focus returns; nothing leaves the site', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const urls = recordRequests(page);
  await page.goto(SEED);
  const figure = page.locator(FIGURES).nth(1);
  const id = (await figure.getAttribute('id'))!;
  const caption = (await figure.locator('figcaption').textContent())!.replace(/\s+/g, ' ').trim();
  const inline = await inlineDrawing(page, id);
  const button = figure.locator('button.figure-enlarge');
  await button.focus();
  await page.keyboard.press('Enter');

  const viewer = page.getByRole('dialog', { name: caption });
  await expect(viewer).toBeVisible();
  expect(await viewer.evaluate((d) => d.matches(':modal'))).toBe(true);
  await expect(stageSvg(page)).toHaveAttribute('role', 'img');
  expect((await viewerScale(page)) * inline.units).toBeGreaterThan(inline.shown);

  const before = await viewBox(page);
  await page.keyboard.press('+');
  const after = await viewBox(page);
  expect(after[2]).toBeLessThan(before[2]!);
  expect(after[3]).toBeLessThan(before[3]!);

  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(button).toBeFocused();
  expectAllLocal(urls, baseURL!);
});

test('at 390 px the page never scrolls sideways, with the viewer closed or open', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${baseURL}${SEED}`);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.locator('button.figure-enlarge').first().tap();
  await expect(dialog(page)).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  const box = await settledDialogBox(page);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: 'Zoom in' }).tap();
  await expect(dialog(page).locator('.viewer-count')).toHaveText(/^1 \/ \d+$/);
  await context.close();
});

test('in the dark theme the viewer shows the diagram as the page does', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${baseURL}${SEED}`);
  const inlineFilter = await page.locator(`${FIGURES.split(',')[0]} .figure-media > svg`).first().evaluate((svg) => getComputedStyle(svg).filter);
  await page.locator('button.figure-enlarge').first().click();
  expect(await stageSvg(page).evaluate((svg) => getComputedStyle(svg).filter)).toBe(inlineFilter);
  await context.close();
});

test('all the JS the seed note loads is within 12 KB min+gzip, the viewer included', async () => {
  const dist = path.resolve(process.env.E2E_DIST ?? 'dist-e2e');
  const cost = await measurePage(dist, path.join(dist, 'study/infrastructureAWSNetwork.html'));
  expect(cost.scripts.some((s) => s.name.includes('FigureViewer'))).toBe(true);
  expect(cost.total).toBeLessThanOrEqual(NOTE_PAGE_BUDGET);
});
