import { defineConfig } from 'astro/config';
import studyNotes from './src/integration/index.ts';
import { siteConfig } from './src/render/site-store.ts';

const config = siteConfig();

export default defineConfig({
  output: 'static',
  outDir: process.env.OUT_DIR ?? './dist',
  site: config.siteUrl || undefined,
  base: config.base,
  // `/study/x` is served from `study/x.html` on GitHub Pages, as Jekyll wrote it.
  build: { format: 'file', inlineStylesheets: 'never' },
  trailingSlash: 'ignore',
  integrations: [studyNotes()],
  devToolbar: { enabled: false },
});
