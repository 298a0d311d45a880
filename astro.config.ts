import { defineConfig } from 'astro/config';
import studyNotes from './src/integration/index.ts';

// The notes folder, base path and site URL come from studyNotes() (environment variables, then
// the notes folder's _config.yml); the integration sets Astro's `base` and `site` from them.
export default defineConfig({
  output: 'static',
  outDir: process.env.OUT_DIR ?? './dist',
  // `/study/x` is served from `study/x.html` on GitHub Pages, as Jekyll wrote it.
  build: { format: 'file', inlineStylesheets: 'never' },
  trailingSlash: 'ignore',
  integrations: [studyNotes()],
  devToolbar: { enabled: false },
});
