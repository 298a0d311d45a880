// Navigation of the whole site, computed once per build from the rendered notes (never by
// rescanning pages), and what one page shows of it: breadcrumbs, sidebar, previous/next, backlinks.
import { collectBacklinks, type Backlink } from './backlinks.ts';
import { pageTargets, type NavNote, type PageTargets } from './page-targets.ts';
import { buildSiteTree, chainOf, type Folder, type NavPage, type SiteTree } from './site-tree.ts';

export interface SiteNavigation {
  tree: SiteTree;
  targets: PageTargets;
  backlinks: Map<string, Backlink[]>;
}

export interface PageNavigation {
  page: NavPage;
  /** Folders from the top down to the page's own (the sidebar opens these). */
  chain: Folder[];
  /** Home, then each folder's index page above the page (the page itself not included). */
  breadcrumbs: NavPage[];
  previous?: NavPage;
  next?: NavPage;
  backlinks: Backlink[];
}

export interface NavigationInput {
  base: string;
  notes: Iterable<NavNote>;
}

export function buildNavigation({ base, notes }: NavigationInput): SiteNavigation {
  // The generated 404 page stands in for a notes folder's own: it is no note to list.
  const list = [...notes].filter((n) => n.page.outputPath !== '404.html');
  const targets = pageTargets(list, base);
  return { tree: buildSiteTree(list, targets), targets, backlinks: collectBacklinks(list, targets) };
}

/** A folder's pages in reading order: its index first, then what the index lists. */
function sequence(folder: Folder): NavPage[] {
  return folder.index ? [folder.index, ...folder.pages] : folder.pages;
}

export function pageNavigation(nav: SiteNavigation, outputPath: string): PageNavigation | undefined {
  const page = nav.tree.pages.get(outputPath);
  if (!page) return undefined;
  const chain = chainOf(page.folder);
  // An index page belongs to its folder, but its crumbs stop at the folder above.
  const crumbFolders = page.isIndex && page.folder.index === page ? chain.slice(0, -1) : chain;
  const breadcrumbs = crumbFolders.flatMap((f) => (f.index && f.index !== page ? [f.index] : []));
  const pages = sequence(page.folder);
  const at = pages.indexOf(page);
  return {
    page,
    chain,
    breadcrumbs,
    ...(at > 0 ? { previous: pages[at - 1] } : {}),
    ...(at >= 0 && at < pages.length - 1 ? { next: pages[at + 1] } : {}),
    backlinks: nav.backlinks.get(outputPath) ?? [],
  };
}

const cache = new WeakMap<object, SiteNavigation>();

/** The navigation of a rendered site, built on first use and kept for the rest of the build. */
export function navigationOf(site: object, input: () => NavigationInput): SiteNavigation {
  let nav = cache.get(site);
  if (!nav) {
    nav = buildNavigation(input());
    cache.set(site, nav);
  }
  return nav;
}
