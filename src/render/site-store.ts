// One rendered site per build, shared by every route and by the integration's hooks.
// Astro loads routes from a bundle and integrations from the config, so module state is not
// shared between them; a global registry is (both run in the same process).
// The rendering stack is imported when first needed: the config imports this module too, and
// loading unified, Shiki and the diagram service there cost about a second of every build.
import { loadSiteConfig, type SiteConfig } from '../config/site-config.ts';
import { Diagnostics } from '../diagnostics/diagnostics.ts';
import type { PipelineOptions } from '../markdown/pipeline.ts';
import type { RenderedSite } from './render-site.ts';

interface SiteStore {
  config?: SiteConfig;
  site?: Promise<RenderedSite>;
  diagnostics: Diagnostics;
  /** Called when the build ends, e.g. to stop diagram processes. */
  shutdownHooks: Array<() => Promise<void> | void>;
  startedAt: number;
  /** True under `astro dev` (set by the integration; NODE_ENV is not a reliable sign). */
  devServer: boolean;
  diagramsShutdownRegistered?: boolean;
}

const KEY = Symbol.for('study-notes.site-store');

export function siteStore(): SiteStore {
  const registry = globalThis as unknown as Record<symbol, SiteStore | undefined>;
  registry[KEY] ??= {
    diagnostics: new Diagnostics(),
    shutdownHooks: [],
    startedAt: Date.now(),
    devServer: false,
  };
  return registry[KEY];
}

export function siteConfig(): SiteConfig {
  const store = siteStore();
  store.config ??= loadSiteConfig();
  return store.config;
}

export function getRenderedSite(): Promise<RenderedSite> {
  const store = siteStore();
  store.site ??= (async () => {
    const started = Date.now();
    const config = siteConfig();
    const [{ renderSite }, options] = await Promise.all([import('./render-site.ts'), pipelineOptions(config)]);
    const site = await renderSite(config, options, store.diagnostics);
    console.log(`[notes] rendered ${site.notes.size} notes and ${site.model.assets.length} files from ${config.notesDir} in ${Date.now() - started} ms`);
    return site;
  })();
  return store.site;
}

/** The figure plugins of other layers, in order: diagrams first, then rehype-figures, which wraps
 * the remaining pictures and gives every figure its id and enlarge button. */
async function pipelineOptions(config: SiteConfig): Promise<PipelineOptions> {
  const [{ buildDiagrams, finishDiagrams }, { default: rehypeDiagrams }, { default: rehypeFigures }] = await Promise.all([
    import('../diagrams/build-diagrams.ts'),
    import('../markdown/rehype/rehype-diagrams.ts'),
    import('../markdown/rehype/rehype-figures.ts'),
  ]);
  // Registered here, where the module is loaded: the integration's own module graph (loaded with
  // the config) cannot import it. Stops the PlantUML processes and reports Smetana layouts once.
  // Once per process: the dev server renders the site again after every change.
  const store = siteStore();
  if (!store.diagramsShutdownRegistered) {
    store.diagramsShutdownRegistered = true;
    store.shutdownHooks.push(() => finishDiagrams((file, line, code, message) => siteStore().diagnostics.warn(file, line, code, message)));
  }
  return { figurePlugins: [[rehypeDiagrams, { service: () => buildDiagrams(config) }], rehypeFigures] };
}

/** Forget the rendered site (dev server: a note changed). */
export function invalidateSite(): void {
  const store = siteStore();
  store.site = undefined;
  store.config = undefined;
  store.diagnostics.clear();
}
