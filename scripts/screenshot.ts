// Screenshots of built pages in Chromium, for looking at what we build:
//   node scripts/screenshot.ts <url> <out.png> [width] [height] [--dark] [--full]
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.ts';

const [url, out, width = '1280', height = '900'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!url || !out) throw new Error('usage: node scripts/screenshot.ts <url> <out.png> [width] [height] [--dark] [--full]');
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: process.argv.includes('--dark') ? 'dark' : 'light',
  // No smooth scrolling to a #hash: the picture is taken where the reader lands.
  reducedMotion: 'reduce',
});
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
await browser.close();
