// The figure viewer on its fixture notes: two diagrams in the renderer's markup, a picture with a
// larger file, a Markdown drawing, and a failed diagram (no viewer).
import { expect, test } from '@playwright/test';
import { dialog, settledDialogBox, expectAllLocal, horizontalOverflow, inlineDrawing, recordRequests, stageSvg, viewBox, viewerScale, VIEWER_FIXTURE_URL } from './viewer-helpers.ts';

test.use({ baseURL: VIEWER_FIXTURE_URL });
const NOTE = '/notes/figures';
const HANDSHAKE = '🔐 Handshake – client and server';

test('every viewable figure has an enlarge button with an id; a failed diagram has none', async ({ page }) => {
  await page.goto(NOTE);
  const buttons = page.locator('button.figure-enlarge');
  await expect(buttons).toHaveCount(4);
  await expect(page.getByRole('button', { name: `Enlarge diagram: ${HANDSHAKE}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enlarge image: 🌅 Harbour at dusk' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enlarge image: Three-tier network: web, app and data tiers' })).toBeVisible();
  await expect(page.locator('figure[data-figure="diagram-error"] button')).toHaveCount(0);
  const ids = await page.locator('figure[data-figure="diagram"], figure[data-figure="image"]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids).toEqual(['fig-handshake-client-and-server', 'fig-harbour-at-dusk', 'fig-three-tier-network-web-app-and-data-tiers', 'fig-request-path-through-the-load-balancer']);
  for (const box of await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()))) {
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
});

test('a click on the figure opens a modal dialog named by the caption, the diagram larger than inline', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(NOTE);
  const inline = await inlineDrawing(page, 'fig-handshake-client-and-server');
  await page.locator('#fig-handshake-client-and-server > .figure-media').click();
  const viewer = page.getByRole('dialog', { name: HANDSHAKE });
  await expect(viewer).toBeVisible();
  expect(await viewer.evaluate((d) => d.matches(':modal'))).toBe(true);
  await expect(stageSvg(page)).toHaveAttribute('aria-label', HANDSHAKE);
  expect((await viewerScale(page)) * inline.units).toBeGreaterThan(inline.shown * 1.3);
  // The copy's ids are its own, and its arrow markers point at them.
  await expect(stageSvg(page).locator('#viewer-fx-arrow-light')).toHaveCount(1);
  await expect(stageSvg(page).locator('line[marker-end="url(#viewer-fx-arrow-light)"]')).toHaveCount(3);
  await expect(dialog(page).locator('.viewer-count')).toHaveText('1 / 4');
});

test('Enter on the button opens; Esc closes and focus returns to the button', async ({ page }) => {
  await page.goto(NOTE);
  const button = page.getByRole('button', { name: 'Enlarge diagram: Request path through the load balancer' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).locator('.viewer-count')).toHaveText('4 / 4');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(button).toBeFocused();
});

test('zoom by key, button and wheel changes the viewBox; 0 fits again; dragging pans', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(NOTE);
  await page.getByRole('button', { name: `Enlarge diagram: ${HANDSHAKE}` }).click();
  await expect(stageSvg(page)).toBeVisible();
  const fitted = await viewBox(page);

  await page.keyboard.press('+');
  const afterKey = await viewBox(page);
  expect(afterKey[2]).toBeLessThan(fitted[2]! * 0.9);

  await page.getByRole('button', { name: 'Zoom in' }).click();
  const afterButton = await viewBox(page);
  expect(afterButton[2]).toBeLessThan(afterKey[2]! * 0.9);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  expect((await viewBox(page))[2]).toBeCloseTo(afterKey[2]!, 0);

  const stage = await page.locator('.viewer-stage').boundingBox();
  await page.mouse.move(stage!.x + stage!.width / 2, stage!.y + stage!.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(afterKey[2]! * 0.9);

  const beforeDrag = await viewBox(page);
  await page.mouse.down();
  await page.mouse.move(stage!.x + stage!.width / 2 + 120, stage!.y + stage!.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  const afterDrag = await viewBox(page);
  expect(afterDrag[0]).toBeLessThan(beforeDrag[0]!);
  expect(afterDrag[2]).toBeCloseTo(beforeDrag[2]!, 1);

  await page.keyboard.press('0');
  expect(await viewBox(page)).toEqual(fitted);
  await expect(dialog(page)).toBeVisible();
});

test('double-click toggles 100 % and fit; arrow keys pan a zoomed drawing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(NOTE);
  await page.getByRole('button', { name: 'Enlarge image: 🌅 Harbour at dusk' }).click();
  await expect(stageSvg(page).locator('image')).toHaveAttribute('width', '1440');
  const fitted = await viewBox(page);
  await page.locator('.viewer-stage').dblclick();
  await expect(dialog(page).locator('.viewer-zoom')).toHaveText('100%');
  const zoomed = await viewBox(page);
  await page.keyboard.press('ArrowRight');
  const panned = await viewBox(page);
  expect(panned[0]).toBeGreaterThan(zoomed[0]!);
  await expect(dialog(page).locator('.viewer-count')).toHaveText('2 / 4'); // panned, did not turn the page
  await page.locator('.viewer-stage').dblclick();
  expect(await viewBox(page)).toEqual(fitted);
  await page.keyboard.press('1');
  await expect(dialog(page).locator('.viewer-zoom')).toHaveText('100%');
  expect(await viewerScale(page)).toBeCloseTo(1, 2);
});

test('previous and next by buttons and arrow keys, wrapping around, with the address following', async ({ page }) => {
  await page.goto(NOTE);
  await page.getByRole('button', { name: `Enlarge diagram: ${HANDSHAKE}` }).click();
  const count = dialog(page).locator('.viewer-count');
  await expect(count).toHaveText('1 / 4');
  await page.getByRole('button', { name: 'Next figure' }).click();
  await expect(count).toHaveText('2 / 4');
  await expect(page.getByRole('dialog', { name: '🌅 Harbour at dusk' })).toBeVisible();
  await expect(page).toHaveURL(/#fig-harbour-at-dusk$/);
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText('3 / 4');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(count).toHaveText('4 / 4');
  await expect(page.getByRole('button', { name: 'Source' })).toBeVisible();
  await page.getByRole('button', { name: 'Previous figure' }).click();
  await expect(count).toHaveText('3 / 4');
  // A picture has no PlantUML source, so no source toggle.
  await expect(page.getByRole('button', { name: 'Source' })).toBeHidden();
});

test('the source toggle shows the PlantUML source and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(NOTE);
  await page.getByRole('button', { name: `Enlarge diagram: ${HANDSHAKE}` }).click();
  const toggle = page.getByRole('button', { name: 'Source' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const panel = page.getByRole('region', { name: 'PlantUML source' });
  await expect(panel).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(panel).toBeVisible();
  await expect(panel.locator('code')).toContainText('Client -> Server : ClientHello');
  await panel.getByRole('button', { name: 'Copy' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^@startuml[\s\S]*Server -> Client : ServerHello[\s\S]*@enduml$/);
  await toggle.click();
  await expect(panel).toBeHidden();
});

test('"Open SVG" opens the drawing by itself; a picture opens its larger file', async ({ page, context }) => {
  await page.goto(NOTE);
  await page.getByRole('button', { name: `Enlarge diagram: ${HANDSHAKE}` }).click();
  const open = page.getByRole('link', { name: 'Open SVG' });
  await expect(open).toHaveAttribute('href', /^blob:/);
  const [popup] = await Promise.all([context.waitForEvent('page'), open.click()]);
  await popup.waitForLoadState();
  expect(await popup.evaluate(() => document.documentElement.localName)).toBe('svg');
  await popup.close();
  await page.getByRole('button', { name: 'Next figure' }).click();
  await expect(page.getByRole('link', { name: 'Open image' })).toHaveAttribute('href', /\/notes\/assets\/harbour-large\.png$/);
  await expect(stageSvg(page).locator('image')).toHaveAttribute('href', /harbour-large\.png$/);
});

test('a deep link opens its figure; Back closes a viewer opened on the page', async ({ page }) => {
  await page.goto(`${NOTE}#fig-three-tier-network-web-app-and-data-tiers`);
  await expect(page.getByRole('dialog', { name: 'Three-tier network: web, app and data tiers' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${NOTE}$`)); // the address no longer opens the figure

  await page.getByRole('button', { name: `Enlarge diagram: ${HANDSHAKE}` }).click();
  await expect(page).toHaveURL(/#fig-handshake-client-and-server$/);
  await page.goBack();
  await expect(dialog(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${NOTE}$`));
  await page.goForward();
  await expect(page.getByRole('dialog', { name: HANDSHAKE })).toBeVisible();
});

test('the close button and a click on the backdrop close; the page behind does not scroll', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(NOTE);
  await page.evaluate(() => scrollTo({ top: 900, behavior: 'instant' }));
  const before = await page.evaluate(() => scrollY);
  await page.getByRole('button', { name: 'Enlarge image: 🌅 Harbour at dusk' }).click();
  await expect(dialog(page)).toBeVisible();
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 600); // zooms the picture, must not scroll the page
  await page.keyboard.press('PageDown');
  await page.getByRole('button', { name: 'Close viewer' }).click();
  await expect(dialog(page)).toBeHidden();
  // The dialog hides at once; its `close` event, which puts the page back where it was, is a task
  // queued after it, so the offset is polled (it fails if the page never comes back to `before`).
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(before);

  await page.getByRole('button', { name: 'Enlarge image: 🌅 Harbour at dusk' }).click();
  await expect(dialog(page)).toBeVisible();
  await page.mouse.click(4, 4); // the backdrop, outside the dialog's box
  await expect(dialog(page)).toBeHidden();
});

test('on a 390 px phone: no sideways scroll, the dialog fills the screen, double-tap and pinch zoom', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${VIEWER_FIXTURE_URL}${NOTE}`);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: `Enlarge diagram: ${HANDSHAKE}` }).tap();
  const box = await settledDialogBox(page);
  expect(box.width).toBeGreaterThanOrEqual(389);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  for (const control of await dialog(page).locator('button:visible, a:visible').all()) {
    const size = await control.boundingBox();
    expect(size!.width, await control.getAttribute('aria-label') ?? '').toBeGreaterThanOrEqual(24);
    expect(size!.height).toBeGreaterThanOrEqual(24);
  }
  const fitted = await viewBox(page);
  const stage = (await page.locator('.viewer-stage').boundingBox())!;
  await page.touchscreen.tap(stage.x + stage.width / 2, stage.y + stage.height / 2);
  await page.touchscreen.tap(stage.x + stage.width / 2, stage.y + stage.height / 2);
  await expect.poll(async () => (await viewBox(page))[2]).not.toBe(fitted[2]);
  // Pinch: two fingers spread apart zoom in further.
  await page.getByRole('button', { name: 'Fit to screen' }).tap();
  const before = (await viewBox(page))[2]!;
  const cdp = await context.newCDPSession(page);
  const cx = stage.x + stage.width / 2;
  const cy = stage.y + stage.height / 2;
  const fingers = (spread: number) => [
    { x: cx - spread, y: cy, id: 1 },
    { x: cx + spread, y: cy, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
  for (const spread of [40, 60, 80, 100]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(spread) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(before / 2);
  await page.getByRole('button', { name: 'Close viewer' }).tap();
  await expect(dialog(page)).toBeHidden();
  await context.close();
});

test('dark mode: the viewer shows the dark rendering on a dark background', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${VIEWER_FIXTURE_URL}${NOTE}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: `Enlarge diagram: ${HANDSHAKE}` }).click();
  await expect(stageSvg(page).locator('#viewer-fx-arrow-dark')).toHaveCount(1);
  const background = await dialog(page).evaluate((d) => getComputedStyle(d).backgroundColor);
  expect(background).toBe('rgb(15, 20, 26)');
  await context.close();
});

test('reduced motion turns the opening animation off', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${VIEWER_FIXTURE_URL}${NOTE}`);
  await page.getByRole('button', { name: `Enlarge diagram: ${HANDSHAKE}` }).click();
  expect(await dialog(page).evaluate((d) => getComputedStyle(d).animationName)).toBe('none');
  await context.close();
});

test('without JavaScript the figures and the TOC are there and no dead button shows', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${VIEWER_FIXTURE_URL}${NOTE}`);
  await expect(page.locator('#fig-harbour-at-dusk img')).toBeVisible();
  await expect(page.locator('#fig-handshake-client-and-server svg.diagram-light')).toBeVisible();
  await expect(page.locator('.page-toc')).toBeVisible();
  await expect(page.locator('button.figure-enlarge').first()).toBeHidden();
  await context.close();
});

test('no request leaves the site while viewing', async ({ page }) => {
  const urls = recordRequests(page);
  await page.goto(NOTE);
  for (let i = 0; i < 4; i++) {
    await page.locator('button.figure-enlarge').nth(i).click();
    await expect(dialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
  }
  expectAllLocal(urls, VIEWER_FIXTURE_URL);
});
