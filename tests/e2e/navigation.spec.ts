// Reading across notes, as a reader does it at 1280 and 390 px: the sidebar (a drawer on phones),
// breadcrumbs, previous/next, "Linked from", link previews, diagram words in search, the phone
// header and the Enlarge button. The sample site (`content/`) and a Jekyll notes repository with a
// problem log (tests/fixtures/jekyll-site, third web server) are used as they are.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { dialog } from './viewer-helpers.ts';

const JEKYLL = process.env.E2E_JEKYLL_URL ?? `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4399) + 2}`;
const AWS = '/study/infrastructureAWSNetwork';
const OSI = '/study/infrastructureOsiModel';
const WIDTHS = [1280, 390] as const;
const phone = (width: number): boolean => width < 600;

/** The sidebar, opened from the header's menu button where it is a drawer. */
async function showSidebar(page: Page, width: number) {
  const sidebar = page.locator('#site-drawer');
  // A drawer on phones, and at 1280 px on notes with 7-column tables (they take the room).
  const menu = page.getByRole('button', { name: 'Menu' });
  if (phone(width) || (await menu.isVisible())) {
    await expect(sidebar).toBeHidden();
    await menu.click();
  }
  await expect(sidebar).toBeVisible();
  return sidebar;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: phone(width) ? 844 : 900 }, hasTouch: phone(width) });

    test('the sidebar lists the folder in the index page\'s order and marks the current note', async ({ page }) => {
      await page.goto(`${JEKYLL}/study/leetcodes/0015-3sum`);
      const sidebar = await showSidebar(page, width);
      const log = sidebar.locator('summary', { hasText: 'Problem Log' }).locator('xpath=..');
      // The problem log's index sorts by problem number; the sidebar follows it, not the titles.
      await expect(log.locator('li a')).toHaveText(['Overview', 'Two Sum', '3Sum', 'Trapping Rain Water', 'Course Schedule']);
      await expect(sidebar.locator('[aria-current="page"]')).toHaveText('3Sum');
      // The site's sections are there too, with the folder away from here collapsed.
      await expect(sidebar.locator('summary', { hasText: 'Setup' })).toBeVisible();
      await expect(sidebar.getByRole('link', { name: 'Setting up a Mac' })).toBeHidden();
      await sidebar.locator('summary', { hasText: 'Setup' }).click();
      await expect(sidebar.getByRole('link', { name: 'Setting up a Mac' })).toBeVisible();
      // The problem log is a collapsible group.
      await log.locator('summary').first().click();
      await expect(log.getByRole('link', { name: 'Two Sum' })).toBeHidden();
      await page.screenshot({ path: `test-results/navigation/sidebar-${width}.png` });
      if (phone(width)) {
        // Escape closes the drawer and gives focus back to the menu button.
        await page.keyboard.press('Escape');
        await expect(sidebar).toBeHidden();
        await expect(page.getByRole('button', { name: 'Menu' })).toBeFocused();
      }
    });

    test('breadcrumbs above the title and previous/next within the folder', async ({ page }) => {
      await page.goto(`${JEKYLL}/study/leetcodes/0015-3sum`);
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      await expect(crumbs.locator('li')).toHaveText(['Fixture Notes', 'Study Notes', 'Problem Log', '3Sum']);
      await expect(crumbs.locator('[aria-current="page"]')).toHaveText('3Sum');
      const crumbBox = (await crumbs.boundingBox())!;
      const titleBox = (await page.locator('h1').boundingBox())!;
      expect(crumbBox.y + crumbBox.height).toBeLessThanOrEqual(titleBox.y);
      const pager = page.getByRole('navigation', { name: 'Previous and next note' });
      await expect(pager.locator('a[rel="prev"]')).toContainText('Two Sum');
      await pager.locator('a[rel="next"]').click();
      await expect(page).toHaveURL(/\/study\/leetcodes\/0042-trapping-rain-water$/);
      await expect(page.getByRole('navigation', { name: 'Previous and next note' }).locator('a[rel="prev"]')).toContainText('3Sum');
    });

    test('"Linked from" lists the notes linking here with the heading each link sits under', async ({ page }) => {
      await page.goto(OSI);
      const backlinks = page.locator('section.backlinks');
      await expect(backlinks.getByRole('heading', { name: 'Linked from' })).toBeVisible();
      const item = backlinks.locator('li', { hasText: 'AWS Network Services' });
      await expect(item.getByRole('link', { name: 'AWS Network Services' })).toHaveAttribute('href', AWS);
      await expect(item.getByRole('link', { name: '3. VPN' })).toHaveAttribute('href', `${AWS}#section-3-vpn`);
      // Links written in Liquid loops (the folder index's list) count too.
      await expect(backlinks.getByRole('link', { name: 'Study', exact: true })).toHaveAttribute('href', '/study/');
      await backlinks.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/navigation/backlinks-${width}.png` });
      await item.getByRole('link', { name: '3. VPN' }).click();
      await expect(page).toHaveURL(`${AWS}#section-3-vpn`);
      await expect(page.locator('#section-3-vpn')).toBeInViewport();
    });

    test('a link to another note previews its section on focus (and on hover or long press)', async ({ page }) => {
      await page.goto(AWS);
      const link = page.locator(`.prose a[href^="${OSI}#"]`).first();
      const preview = page.getByRole('tooltip');
      // Keyboard: focus shows it at once and describes the link; Escape hides it.
      await link.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect(link).toBeFocused();
      await expect(preview).toBeVisible();
      await expect(preview).toContainText('OSI Model and Network Layers › 3.4 Layer 3 & 5–6 - IPsec');
      await expect(preview).toContainText('IPsec protects IP packets');
      await expect(link).toHaveAttribute('aria-describedby', 'link-preview');
      await expect(preview).toBeInViewport();
      await page.waitForFunction(() => { const y = scrollY; return new Promise((r) => setTimeout(() => r(scrollY === y), 200)); });
      await page.screenshot({ path: `test-results/navigation/preview-${width}.png` });
      await page.keyboard.press('Escape');
      await expect(preview).toBeHidden();
      if (!phone(width)) {
        await link.evaluate((el) => (el as HTMLElement).blur());
        await link.hover();
        await expect(preview).toBeVisible();
        await page.mouse.move(0, 0);
        await expect(preview).toBeHidden();
      } else {
        // Touch: a long press shows the preview; a tap still follows the link at once.
        await link.dispatchEvent('pointerdown', { pointerType: 'touch', isPrimary: true, bubbles: true });
        await expect(preview).toBeVisible();
        await page.locator('h1').tap();
        await expect(preview).toBeHidden();
        await link.tap();
        await expect(page).toHaveURL(new RegExp(`${OSI}#`));
      }
    });

    test('a word found only inside a diagram finds the note and opens that figure', async ({ page }) => {
      await page.goto('/');
      await page.keyboard.press('/');
      await page.locator('header input[type="search"]').pressSequentially('acknowledgement');
      const hit = page.locator('header .search-hit-main').first();
      await expect(hit).toHaveAttribute('href', `${AWS}#fig-site-to-site-vpn-communication-sequence`);
      await expect(hit).toContainText('Diagram: 🔐 Site-to-Site VPN');
      await page.screenshot({ path: `test-results/navigation/diagram-hit-${width}.png` });
      await hit.click();
      await expect(dialog(page)).toBeVisible();
      await expect(dialog(page).locator('.viewer-title')).toContainText('Site-to-Site VPN');
    });

    test('the header fits, and the Enlarge button leaves the figure uncovered', async ({ page }) => {
      await page.goto(`${JEKYLL}/`);
      const header = page.locator('.site-header-inner');
      // Nothing in the header sticks out of the page or sits under another control.
      const boxes = await header.locator('.menu-toggle, .site-title, .site-nav a, .site-tools > *').evaluateAll((els) =>
        els.filter((el) => getComputedStyle(el).visibility !== 'hidden' && el.getBoundingClientRect().width > 0).map((el) => el.getBoundingClientRect().toJSON() as DOMRect),
      );
      for (const [i, a] of boxes.entries()) {
        expect(a.right).toBeLessThanOrEqual(width);
        for (const b of boxes.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
      }
      const headerLink = page.locator('.site-nav a', { hasText: 'Study Notes' });
      if (phone(width)) {
        // The link that does not fit is in the menu.
        await expect(headerLink).toBeHidden();
        await page.getByRole('button', { name: 'Menu' }).click();
        await expect(page.locator('#site-drawer').getByRole('link', { name: 'Study Notes' })).toBeVisible();
      } else {
        await expect(headerLink).toBeVisible();
        await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
      }
      await page.goto(AWS);
      const figure = page.locator('figure[data-figure="diagram"]').first();
      await figure.scrollIntoViewIfNeeded();
      const media = (await figure.locator('.figure-media').boundingBox())!;
      const button = (await figure.locator('.figure-enlarge').boundingBox())!;
      expect(button.y).toBeGreaterThanOrEqual(media.y + media.height);
    });

    test('axe: no serious violation with the sidebar, a preview and the viewer open', async ({ page }) => {
      test.setTimeout(240_000);
      await page.goto(AWS);
      await showSidebar(page, width);
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      const link = page.locator(`.prose a[href^="${OSI}#"]`).first();
      await link.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('tooltip')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('button.figure-enlarge').first().click();
      await expect(dialog(page)).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('without motion preferences the preview does not animate', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseURL}${AWS}`);
  await page.locator(`.prose a[href^="${OSI}#"]`).first().hover();
  const preview = page.getByRole('tooltip');
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  await context.close();
});
