// The navigation a layout draws for one page, read from the site's navigation (built once per build).
import { navigationOf, pageNavigation, type PageNavigation } from '../navigation/site-navigation.ts';
import type { Folder } from '../navigation/site-tree.ts';
import type { RenderedSite } from '../render/render-site.ts';

export interface LayoutNavigation {
  nav: PageNavigation;
  root: Folder;
}

export function layoutNavigation(site: Pick<RenderedSite, 'model' | 'notes'>, outputPath: string): LayoutNavigation | undefined {
  const navigation = navigationOf(site, () => ({ base: site.model.config.base, notes: site.notes.values() }));
  const nav = pageNavigation(navigation, outputPath);
  return nav && { nav, root: navigation.tree.root };
}
