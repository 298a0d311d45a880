// The site as a reader moves through it: folders of notes, each in the order its index page lists
// them (the order of the links in the index's output), else by title. Built once per build from
// the rendered notes; every page's sidebar, breadcrumbs and previous/next are read from it.
import path from 'node:path';
import type { LinkEntry } from '../markdown/note-context.ts';
import type { PageTargets, NavNote } from './page-targets.ts';

export interface NavPage {
  /** URL without the base path (the permalink). */
  url: string;
  /** File under the output folder: the page's key. */
  outputPath: string;
  title: string;
  folder: Folder;
  isIndex: boolean;
  /** A post's or collection document's date (ms): such pages go newest first. */
  date?: number;
}

export type FolderEntry = { kind: 'page'; page: NavPage } | { kind: 'folder'; folder: Folder };

export interface Folder {
  /** Source folder under the notes folder: '' for the top, `study/leetcodes`… */
  path: string;
  title: string;
  parent?: Folder;
  /** `index.md` (or `.html`) of the folder, its landing page. */
  index?: NavPage;
  /** Listed pages (the index and hidden pages left out) and sub-folders, in reading order. */
  entries: FolderEntry[];
  /** The listed pages of `entries` alone, in order: previous/next walk through these. */
  pages: NavPage[];
  /** Listed pages in this folder and every folder below it. */
  noteCount: number;
}

export interface SiteTree {
  root: Folder;
  /** Output path → page. */
  pages: Map<string, NavPage>;
}

const INDEX_FILE = /(?:^|\/)index\.(?:md|markdown|html?)$/i;
const byTitle = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

function folderTitle(folderPath: string): string {
  const name = path.posix.basename(folderPath).replace(/^_/, '');
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : 'Home';
}

function folderFor(folders: Map<string, Folder>, folderPath: string): Folder {
  let folder = folders.get(folderPath);
  if (folder) return folder;
  folder = { path: folderPath, title: folderTitle(folderPath), entries: [], pages: [], noteCount: 0 };
  folders.set(folderPath, folder);
  if (folderPath !== '') {
    const parentPath = path.posix.dirname(folderPath);
    folder.parent = folderFor(folders, parentPath === '.' ? '' : parentPath);
  }
  return folder;
}

/** Pages an index links to, in the order of its output, each once. */
function linkOrder(index: NavNote | undefined, targets: PageTargets): Map<string, number> {
  const order = new Map<string, number>();
  for (const link of index?.links ?? []) {
    if (!isNavigation(link)) continue;
    const target = targets.pageFor(link.url);
    if (target && !order.has(target.page.outputPath)) order.set(target.page.outputPath, order.size);
  }
  return order;
}

export const isNavigation = (link: LinkEntry): boolean => link.attribute === 'href';

export function buildSiteTree(notes: NavNote[], targets: PageTargets): SiteTree {
  const folders = new Map<string, Folder>();
  const root = folderFor(folders, '');
  const pages = new Map<string, NavPage>();
  const sourceOf = new Map<NavPage, NavNote>();
  for (const note of notes) {
    const dir = path.posix.dirname(note.page.relPath);
    const folder = folderFor(folders, dir === '.' ? '' : dir);
    const date = note.page.document?.date.getTime();
    const page: NavPage = { url: note.page.url, outputPath: note.page.outputPath, title: note.page.title, folder, isIndex: INDEX_FILE.test(note.page.relPath), ...(date !== undefined ? { date } : {}) };
    pages.set(note.page.outputPath, page);
    sourceOf.set(page, note);
    if (page.isIndex && !folder.index) folder.index = page;
  }
  for (const folder of folders.values()) {
    if (folder.index) folder.title = folder.index.title;
    if (folder.parent) folder.parent.entries.push({ kind: 'folder', folder });
  }
  for (const [page, note] of sourceOf) {
    // Later pages of a paginated list share their source with the first: listed once.
    const extraPager = (note.page.pager?.page ?? 1) > 1;
    if (page !== page.folder.index && !note.page.hidden && !note.document && !extraPager) page.folder.entries.push({ kind: 'page', page });
  }
  // Folders without a single listed page below them are not shown.
  const count = (folder: Folder): number => {
    folder.entries = folder.entries.filter((e) => e.kind === 'page' || count(e.folder) > 0 || e.folder.index);
    folder.noteCount = folder.entries.reduce((sum, e) => sum + (e.kind === 'page' ? 1 : e.folder.noteCount), 0);
    return folder.noteCount;
  };
  count(root);
  for (const folder of folders.values()) {
    const order = linkOrder(folder.index && sourceOf.get(folder.index), targets);
    const key = (entry: FolderEntry): { rank: number; title: string; date: number | undefined } => {
      const page = entry.kind === 'page' ? entry.page : entry.folder.index;
      return {
        rank: (page && order.get(page.outputPath)) ?? Infinity,
        title: entry.kind === 'page' ? entry.page.title : entry.folder.title,
        date: entry.kind === 'page' ? entry.page.date : undefined,
      };
    };
    const keyed = folder.entries.map((entry) => ({ entry, ...key(entry) }));
    // The index's order; then posts newest first, as a blog lists them; then by title.
    keyed.sort((a, b) => a.rank - b.rank || (a.date !== undefined && b.date !== undefined ? b.date - a.date : 0) || byTitle(a.title, b.title));
    folder.entries = keyed.map((k) => k.entry);
    folder.pages = folder.entries.flatMap((e) => (e.kind === 'page' ? [e.page] : []));
  }
  return { root, pages };
}

/** The folders from the top down to `folder`. */
export function chainOf(folder: Folder): Folder[] {
  const chain: Folder[] = [];
  for (let f: Folder | undefined = folder; f; f = f.parent) chain.unshift(f);
  return chain;
}
