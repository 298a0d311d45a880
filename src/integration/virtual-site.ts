// `virtual:study-notes/site`: the build's rendered site, handed to the routes as a module (as
// Starlight hands its configuration to its routes). Routes and the integration do not share
// module state — Astro bundles the routes — so the site crosses as data. Rendering happens here,
// in the integration's process, when the first route asks for the module.
//
// The data goes through a file, not through the module's text: inlined, every page's HTML (SVG
// diagrams included) became one JavaScript string that Vite's bundler parsed and copied —
// ~7 s and ~300 MB more for 150 notes, growing with the site. The module only reads the file
// back (v8 serialisation: Maps, Sets and Dates survive, shared objects stay shared).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serialize } from 'node:v8';
import type { Plugin, ViteDevServer } from 'vite';
import type { Build } from '../build/build.ts';
import { siteView, type RouteOptions } from '../build/site-view.ts';

export const VIRTUAL_SITE = 'virtual:study-notes/site';
const RESOLVED = `\0${VIRTUAL_SITE}`;

export function virtualSitePlugin(build: Build, routing: RouteOptions): Plugin {
  let generation = 0;
  const dir = path.join(build.config.cacheDir, 'site');
  build.onShutdown(() => rmSync(dir, { recursive: true, force: true }));
  return {
    name: 'study-notes:site',
    resolveId: (id) => (id === VIRTUAL_SITE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const view = siteView(await build.site(), routing);
      // One file per rendering (the dev server renders again after every change); files a few
      // renderings old have been read by their modules (each environment loads the module once).
      const file = (n: number): string => path.join(dir, `${process.pid}-${n}.bin`);
      generation++;
      mkdirSync(dir, { recursive: true });
      writeFileSync(file(generation), serialize(view));
      if (generation > 4) rmSync(file(generation - 4), { force: true });
      return `import { readFileSync } from 'node:fs';\nimport { deserialize } from 'node:v8';\nexport default deserialize(readFileSync(${JSON.stringify(file(generation))}));\n`;
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
