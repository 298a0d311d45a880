// Plain JavaScript on purpose: Astro imports a `.mjs` config with Node itself (which strips the
// integration's TypeScript types), while a `.ts` config is loaded through a Vite server created
// for it that transforms every module the integration imports — about 1 s of CPU per build.
import { defineConfig } from 'astro/config';
import studyNotes from './src/integration/index.ts';

// studyNotes() sets what the site needs from Astro (base path and site URL from the notes
// folder's _config.yml or SITE_BASE/SITE_URL, Jekyll-style output file names). Its options:
// notesDir (NOTES_DIR overrides it), remarkPlugins, rehypePlugins — see the README.
export default defineConfig({
  output: 'static',
  outDir: process.env.OUT_DIR ?? './dist',
  integrations: [studyNotes({ notesDir: 'content' })],
  devToolbar: { enabled: false },
});
