// What the routes of one build see: the rendered site as plain data (it crosses into Astro's
// route bundle through a virtual module, serialised), and the route of every page.
import { DIRECTORY_INDEX_SLUG, routeSlugForUrl } from '../loader/permalink.ts';
import type { RenderedSite } from '../render/render-site.ts';

export interface RouteEntry {
  /** The `[...slug]` parameter; undefined for the site's root. */
  slug: string | undefined;
  /** The note drawn at this route; undefined for the generated home page. */
  outputPath?: string;
}

export type SiteView = Omit<RenderedSite, 'diagnostics'> & { routes: RouteEntry[] };

export interface RouteOptions {
  /**
   * The dev server serves `/study/` from the route `study`; a build routes it under
   * `study/__directory_index__` and renames the file afterwards (integration/directory-index.ts).
   */
  directoryRoutes: boolean;
}

/** Every page of the notes folder at its permalink; a generated home page when the notes bring none. */
export function siteRoutes(site: RenderedSite, options: RouteOptions): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const note of site.notes.values()) {
    // The generated 404 page (site frame and search) stands in for a notes folder's own 404.html.
    if (note.page.outputPath === '404.html') continue;
    const slug = routeSlugForUrl(note.page.url);
    const directory = slug?.endsWith(`/${DIRECTORY_INDEX_SLUG}`) ? slug.slice(0, -DIRECTORY_INDEX_SLUG.length - 1) : undefined;
    routes.push({ slug: options.directoryRoutes && directory ? directory : slug, outputPath: note.page.outputPath });
  }
  if (!site.model.pageByOutput.has('index.html')) routes.push({ slug: undefined });
  return routes;
}

export function siteView(site: RenderedSite, options: RouteOptions): SiteView {
  return { model: site.model, notes: site.notes, chrome: site.chrome, routes: siteRoutes(site, options) };
}
