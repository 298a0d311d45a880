// "Linked from": for every page, the pages whose text links to it, with the heading each link sits
// under. One pass over the links every note already recorded while rendering (Markdown, raw HTML
// and Liquid output alike).
import type { NavNote, PageTargets } from './page-targets.ts';
import { isNavigation } from './site-tree.ts';

export interface Backlink {
  /** The linking page's URL (without base) and title. */
  url: string;
  title: string;
  /** The heading above the link, if the link sits under one. */
  section?: { id: string; text: string };
}

const byTitle = (a: Backlink, b: Backlink): number =>
  a.title.localeCompare(b.title, 'en', { numeric: true, sensitivity: 'base' }) || a.url.localeCompare(b.url);

/** Output path of the linked page → the links into it, by linking page's title. */
export function collectBacklinks(notes: NavNote[], targets: PageTargets): Map<string, Backlink[]> {
  const backlinks = new Map<string, Backlink[]>();
  for (const note of notes) {
    if (note.page.hidden) continue; // drafts kept out of listings stay out of these too
    const seen = new Set<string>();
    for (const link of note.links) {
      if (!isNavigation(link)) continue;
      const target = targets.pageFor(link.url)?.page;
      if (!target || target.outputPath === note.page.outputPath) continue;
      // One entry per linking page and heading: a section that links three times is listed once.
      const key = `${target.outputPath}\n${link.section?.id ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = backlinks.get(target.outputPath) ?? [];
      list.push({ url: note.page.url, title: note.page.title, ...(link.section ? { section: link.section } : {}) });
      backlinks.set(target.outputPath, list);
    }
  }
  for (const list of backlinks.values()) list.sort(byTitle);
  return backlinks;
}
