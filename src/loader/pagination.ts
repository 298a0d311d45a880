// jekyll-paginate 1.1 (GitHub Pages' pagination plugin): with `paginate: N` and the plugin listed,
// the `index.html` nearest the `paginate_path` folder lists N posts, and copies of it at
// `paginate_path` (`/page2/`, `/page3/`…) list the rest. Same pages, same URLs as the plugin.
import path from 'node:path';
import { outputPathForUrl } from './permalink.ts';
import { sanitizeUrl } from './jekyll-url.ts';
import type { Page } from './site-model.ts';

export interface PaginationSettings {
  perPage: number;
  /** `paginate_path`, default `/page:num`. */
  path: string;
}

/** Pagination is on when `paginate:` is set and jekyll-paginate is among the plugins, as in Jekyll. */
export function paginationSettings(raw: Record<string, unknown>): PaginationSettings | undefined {
  const plugins = [raw.plugins, raw.gems].flatMap((list) => (Array.isArray(list) ? list : []));
  const perPage = Number.parseInt(String(raw.paginate ?? ''), 10);
  if (!plugins.includes('jekyll-paginate') || !(perPage > 0)) return undefined;
  return { perPage, path: typeof raw.paginate_path === 'string' ? raw.paginate_path : '/page:num' };
}

const leadingSlash = (p: string): string => (p.startsWith('/') ? p : `/${p}`);

/** The page jekyll-paginate uses: an `index.html` in the paginate_path's folder or above, the deepest. */
export function paginationTemplate(pages: readonly Page[], settings: PaginationSettings): Page | undefined {
  // `File.expand_path` drops a trailing slash before `dirname`: `/blog/page:num/` → `blog`.
  const pathDir = path.posix.dirname(leadingSlash(settings.path).replace(/\/+$/, '')).replace(/^\/+/, '');
  const ancestors = new Set<string>();
  for (let dir = pathDir; ; dir = path.posix.dirname(dir)) {
    ancestors.add(dir === '.' || dir === '/' ? '' : dir);
    if (dir === '' || dir === '.' || dir === '/') break;
  }
  return pages
    .filter((p) => !p.document && path.posix.basename(p.relPath) === 'index.html' && ancestors.has(path.posix.dirname(p.relPath) === '.' ? '' : path.posix.dirname(p.relPath)))
    .sort((a, b) => b.relPath.length - a.relPath.length)[0];
}

/** The URL of pager page `num` (jekyll-paginate's `Pager.paginate_path`). */
export function pagerUrl(settings: PaginationSettings, template: Page, num: number): string {
  if (num <= 1) return template.url;
  // The copy's folder is the path; an index page's URL is its folder (`/:path/`).
  return sanitizeUrl(`${leadingSlash(settings.path.replace(':num', String(num)))}/`);
}

/**
 * Gives the template page its pager and returns the copies for pages 2…N. `postCount` counts
 * the posts jekyll-paginate lists (`hidden: true` posts are left out).
 */
export function paginate(template: Page, settings: PaginationSettings, postCount: number): Page[] {
  const totalPages = Math.ceil(postCount / settings.perPage);
  if (totalPages === 0) return [];
  template.pager = { page: 1, perPage: settings.perPage, totalPages, path: settings.path };
  const copies: Page[] = [];
  for (let num = 2; num <= totalPages; num++) {
    // A permalink on the template wins over the pager folder, as in Jekyll (all copies collide).
    const url = typeof template.data.permalink === 'string' ? template.url : pagerUrl(settings, template, num);
    copies.push({ ...template, url, outputPath: outputPathForUrl(url), pager: { page: num, perPage: settings.perPage, totalPages, path: settings.path } });
  }
  return copies;
}
