// The Liquid view of the site (Jekyll's `site` and `page` variables).
import path from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostics.ts';
import type { Page, SiteModel } from '../loader/site-model.ts';
import { readDataFolder } from '../liquid/site-data.ts';
import { documentDrops, paginatorFor, type DocumentDrops } from './liquid-documents.ts';

export type LiquidPage = Record<string, unknown>;

export function liquidPage(page: Page): LiquidPage {
  return {
    ...page.data,
    title: page.title,
    url: page.url,
    path: page.relPath,
    name: path.posix.basename(page.relPath),
    dir: `/${path.posix.dirname(page.relPath)}/`.replace(/^\/\.\/$/, '/'),
    layout: page.layout,
  };
}

/**
 * Jekyll's order of `site.pages`: its reader walks each folder's subfolders before the folder's
 * own pages, then sorts all pages by file name (`sort_by!(&:name)`). Ties (every `index.md`)
 * keep the reading order here; Ruby's sort leaves them unspecified.
 */
export function jekyllPageOrder(a: Pick<Page, 'relPath'>, b: Pick<Page, 'relPath'>): number {
  const nameA = path.posix.basename(a.relPath);
  const nameB = path.posix.basename(b.relPath);
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  return readingOrder(a.relPath, b.relPath);
}

/** Depth-first, subfolders before files, names in byte order. */
function readingOrder(a: string, b: string): number {
  const partsA = a.split('/');
  const partsB = b.split('/');
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    if (partsA[i] === partsB[i]) continue;
    const folderA = i < partsA.length - 1;
    const folderB = i < partsB.length - 1;
    if (folderA !== folderB) return folderA ? -1 : 1;
    return partsA[i]! < partsB[i]! ? -1 : 1;
  }
  return partsA.length - partsB.length;
}

export interface LiquidScope {
  site: Record<string, unknown>;
  /** The top-level variables of one page's template: `page`, and `paginator` on a paginated list. */
  forPage: (page: Page) => Record<string, unknown>;
  /** A rendered post's or document's HTML, as `content` for the pages that list it. */
  setContent: (page: Page, html: string) => void;
}

/** `markdownify` renders post excerpts (Jekyll's `post.excerpt` is HTML). */
export function liquidScope(model: SiteModel, markdownify: (markdown: string) => string, diagnostics?: Diagnostics): LiquidScope {
  const drops = documentDrops(model, markdownify);
  const site = liquidSite(model, diagnostics, drops);
  return {
    site,
    setContent: drops.setContent,
    forPage: (page) => {
      const drop = page.document ? drops.byPage.get(page) ?? liquidPage(page) : liquidPage(page);
      return page.pager ? { page: drop, paginator: paginatorFor(page, drops) } : { page: drop };
    },
  };
}

export function liquidSite(model: SiteModel, diagnostics?: Diagnostics, drops?: DocumentDrops): Record<string, unknown> {
  const { config } = model;
  const siteData = readDataFolder(config.notesDir);
  for (const problem of siteData.problems) diagnostics?.report({ severity: problem.severity ?? 'warning', file: problem.file, line: problem.line, code: 'data', message: problem.message });
  // `site.pages` holds pages, not posts or documents, in Jekyll's order: the pages it read, then
  // those its plugins add — optional front matter, README indexes, a paginated list's copies.
  const plain = model.pages.filter((p) => !p.document);
  const copy = (p: Page): boolean => p.pager !== undefined && p.pager.page > 1;
  const pages = [
    ...plain.filter((p) => !p.addedBy && !copy(p)).sort(jekyllPageOrder),
    ...plain.filter((p) => p.addedBy === 'optional-front-matter'),
    ...plain.filter((p) => p.addedBy === 'readme-index'),
    ...plain.filter(copy),
  ].map(liquidPage);
  return {
    ...config.raw,
    ...(drops?.site ?? {}),
    title: config.title,
    description: config.description,
    baseurl: config.base === '/' ? '' : config.base.slice(0, -1),
    url: config.siteUrl,
    pages,
    // Every page here is Markdown rendered to HTML.
    html_pages: pages,
    static_files: model.assets.map((a) => ({ path: `/${a.relPath}`, name: path.posix.basename(a.relPath), extname: path.posix.extname(a.relPath) })),
    data: siteData.data,
    time: model.time,
  };
}
