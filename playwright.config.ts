// Browser tests: the sample site built once, served like GitHub Pages, driven in Debian's Chromium.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4399);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'list' : 'line',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve-dist.ts`,
    env: { PORT: String(port), DIST_DIR: 'dist-e2e' },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
