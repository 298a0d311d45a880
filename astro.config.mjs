// Plain JavaScript on purpose: Astro imports a `.mjs` config with Node itself (which strips the
// integration's TypeScript types), while a `.ts` config is loaded through a Vite server created
// for it that transforms every module the integration imports — about 1 s of CPU per build.
import studyNotes from './src/integration/index.ts';

// studyNotes() sets what the site needs from Astro (base path and site URL from the notes
// folder's _config.yml or SITE_BASE/SITE_URL, Jekyll-style output file names). Its options:
// notesDir (NOTES_DIR overrides it), remarkPlugins, rehypePlugins — see the README.
// Not `defineConfig` from 'astro/config': it only returns its argument, and that entry point
// loads SVG optimisation, font providers and session drivers this site never uses (~0.1 s of CPU
// per build). The type annotation gives editors the same checking.
/** @type {import('astro').AstroUserConfig} */
export default {
  output: 'static',
  outDir: process.env.OUT_DIR ?? './dist',
  integrations: [studyNotes({ notesDir: 'content' })],
  devToolbar: { enabled: false },
};
