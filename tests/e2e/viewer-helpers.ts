// Shared steps of the figure viewer's browser tests.
import { expect, type Page } from '@playwright/test';

/** The figure viewer's fixture site (second web server in playwright.config.ts). */
export const VIEWER_FIXTURE_URL = process.env.E2E_VIEWER_URL ?? `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4399) + 1}`;

export const dialog = (page: Page) => page.locator('dialog.figure-viewer');
export const stageSvg = (page: Page) => page.locator('dialog.figure-viewer .viewer-stage > svg');

export async function viewBox(page: Page): Promise<number[]> {
  const value = await stageSvg(page).getAttribute('viewBox');
  return (value ?? '').split(' ').map(Number);
}

/** Screen pixels per drawing unit in the viewer (stage width ÷ viewBox width). */
export async function viewerScale(page: Page): Promise<number> {
  return stageSvg(page).evaluate((svg) => svg.clientWidth / (svg as SVGSVGElement).viewBox.baseVal.width);
}

/** On-screen width of a figure's drawing in the page, and its width in drawing units. */
export async function inlineDrawing(page: Page, figureId: string): Promise<{ shown: number; units: number }> {
  return page.locator(`#${figureId} .figure-media :is(svg, img)`).filter({ visible: true }).first().evaluate((el) => ({
    shown: el.getBoundingClientRect().width,
    units: el instanceof SVGSVGElement ? el.viewBox.baseVal.width : (el as HTMLImageElement).naturalWidth,
  }));
}

/** Every request the page makes, to check none leaves the local server. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

export function expectAllLocal(urls: string[], origin: string): void {
  const foreign = urls.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
  expect(foreign, 'requests to other hosts').toEqual([]);
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The dialog's box once its opening animation has finished (measuring mid-animation is flaky). */
export async function settledDialogBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  await dialog(page).evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((a) => a.finished)));
  return (await dialog(page).boundingBox())!;
}
