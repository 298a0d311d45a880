// `virtual:study-notes/site`: the build's rendered site, handed to the routes as a module (as
// Starlight hands its configuration to its routes). Routes and the integration do not share
// module state — Astro bundles the routes — so the site crosses as data. Rendering happens here,
// in the integration's process, when the first route asks for the module.
//
// The data goes through a file, not through the module's text: inlined, every page's HTML (SVG
// diagrams included) became one JavaScript string that Vite's bundler parsed and copied —
// ~7 s and ~300 MB more for 150 notes, growing with the site. The module only reads the file
// back (src/build/site-view-file.ts); in a build each note's HTML is read when its page is drawn.
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import type { Build } from '../build/build.ts';

export const VIRTUAL_SITE = 'virtual:study-notes/site';
const RESOLVED = `\0${VIRTUAL_SITE}`;
const READER = fileURLToPath(new URL('../build/site-view-file.ts', import.meta.url));

/** `dev`: a module that reads the whole file at once (see site-view-file.ts). */
export function virtualSitePlugin(build: Build, { dev }: { dev: boolean }): Plugin {
  return {
    name: 'study-notes:site',
    resolveId: (id) => (id === VIRTUAL_SITE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const file = await build.siteViewFile();
      const options = JSON.stringify({ lazyHtml: !dev });
      return `import { readSiteView } from ${JSON.stringify(READER)};\nexport default readSiteView(${JSON.stringify(file)}, ${options});\n`;
    },
  };
}

/** Makes every environment of the dev server load the module again (a note changed). */
export function reloadVirtualSite(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments)) {
    const module = environment.moduleGraph.getModuleById(RESOLVED);
    if (module) void environment.reloadModule(module);
  }
}
