// axe-core over the note pages, with the figure viewer closed and open: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { dialog, VIEWER_FIXTURE_URL } from './viewer-helpers.ts';

// axe walks every node of the page: the seed note (seven inline diagrams, nine tables) takes
// tens of seconds on a busy two-core machine.
test.setTimeout(240_000);

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`the seed note, ${theme}: none with the viewer closed or open`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    await page.goto(`${baseURL}/study/infrastructureAWSNetwork`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('button.figure-enlarge').first().click();
    await expect(dialog(page)).toBeVisible();
    await page.getByRole('button', { name: 'Source' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
}

test('the viewer fixture: none with a picture and with a diagram open', async ({ page }) => {
  await page.goto(`${VIEWER_FIXTURE_URL}/notes/figures`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Enlarge image: 🌅 Harbour at dusk' }).click();
  await expect(dialog(page)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('PageUp');
  await page.getByRole('button', { name: 'Source' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});
