// `virtual:study-notes/site`: the build's rendered site, handed to the routes as a module (as
// Starlight hands its configuration to its routes). Routes and the integration do not share
// module state — Astro bundles the routes — so the site crosses as data, serialised with devalue
// (Maps, Sets and Dates survive). Rendering happens here, in the integration's process, when the
// first route asks for the module.
import { stringify } from 'devalue';
import type { Plugin, ViteDevServer } from 'vite';
import type { Build } from '../build/build.ts';
import { siteView, type RouteOptions } from '../build/site-view.ts';

export const VIRTUAL_SITE = 'virtual:study-notes/site';
const RESOLVED = `\0${VIRTUAL_SITE}`;

export function virtualSitePlugin(build: Build, routing: RouteOptions): Plugin {
  return {
    name: 'study-notes:site',
    resolveId: (id) => (id === VIRTUAL_SITE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const data = stringify(siteView(await build.site(), routing));
      return `import { parse } from 'devalue';\nexport default parse(${JSON.stringify(data)});\n`;
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
