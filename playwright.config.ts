// Browser tests: the sample site built once (by the web server command), served like GitHub Pages, driven in Debian's Chromium.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4399);
// Separate folders let several checkouts or helpers run the suite at once.
const outDir = process.env.E2E_DIST ?? 'dist-e2e';
// The figure viewer's own fixture notes (tests/fixtures/viewer-site), served beside the sample site.
const viewerPort = Number(process.env.E2E_VIEWER_PORT ?? port + 1);
process.env.E2E_VIEWER_URL = `http://127.0.0.1:${viewerPort}`;
// A Jekyll notes repository (tests/fixtures/jekyll-site: folders, a problem log, index pages) for navigation.
const jekyllPort = Number(process.env.E2E_JEKYLL_PORT ?? port + 2);
process.env.E2E_JEKYLL_URL = `http://127.0.0.1:${jekyllPort}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Its own folder: Playwright empties it at start, and test-results/ also holds Vitest's report.
  outputDir: 'test-results/playwright',
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : 'line',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  webServer: [
    {
      // Build the sample site into its own folder, then serve it.
      command: 'astro build && node scripts/serve-dist.ts',
      env: { PORT: String(port), OUT_DIR: outDir, DIST_DIR: outDir, NOTES_DIR: 'content', SITE_BASE: '/' },
      timeout: 240_000,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
    },
    {
      command: 'astro build && node scripts/serve-dist.ts',
      env: { PORT: String(viewerPort), OUT_DIR: `${outDir}-viewer`, DIST_DIR: `${outDir}-viewer`, NOTES_DIR: 'tests/fixtures/viewer-site', SITE_BASE: '/' },
      timeout: 240_000,
      url: `http://127.0.0.1:${viewerPort}/`,
      reuseExistingServer: false,
    },
    {
      command: 'astro build && node scripts/serve-dist.ts',
      env: { PORT: String(jekyllPort), OUT_DIR: `${outDir}-jekyll`, DIST_DIR: `${outDir}-jekyll`, NOTES_DIR: 'tests/fixtures/jekyll-site', SITE_BASE: '/' },
      timeout: 240_000,
      url: `http://127.0.0.1:${jekyllPort}/`,
      reuseExistingServer: false,
    },
  ],
});
