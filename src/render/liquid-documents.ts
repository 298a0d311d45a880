// The Liquid view of posts and collections: `site.posts` (newest first), `site.categories`,
// `site.tags`, `site.documents`, `site.collections`, `site.<label>`, each document with
// `date`, `excerpt`, `next`/`previous`, and jekyll-paginate's `paginator`.
import type { Page, SiteModel } from '../loader/site-model.ts';
import { rubyTimeString } from '../loader/jekyll-date.ts';
import { liquidPage, type LiquidPage } from './liquid-scope.ts';

/** A document's date: a Date for the date filters, printed as Ruby prints a Time. */
class JekyllTime extends Date {
  readonly #timeZone: string | undefined;
  constructor(date: Date, timeZone?: string) {
    super(date.getTime());
    this.#timeZone = timeZone;
  }
  override toString(): string {
    return rubyTimeString(this, this.#timeZone);
  }
}

export interface DocumentDrops {
  /** After a document is rendered: its HTML becomes `content` for the pages rendered next. */
  setContent: (page: Page, html: string) => void;
  /** Page → its drop, for `page` while rendering a post or document. */
  byPage: Map<Page, LiquidPage>;
  /** Posts as `site.posts` lists them: newest first. */
  posts: LiquidPage[];
  /** `site.posts`, `site.categories`, `site.tags`, `site.documents`, `site.collections`, `site.<label>`. */
  site: Record<string, unknown>;
}

/** Jekyll's excerpt: the text before the separator, rendered; an `excerpt:` in front matter as written. */
function excerptOf(page: Page, markdownify: (markdown: string) => string): string | undefined {
  const info = page.document!;
  if (info.excerpt !== undefined) return info.excerpt;
  if (info.excerptSource === undefined) return undefined;
  // Liquid in the excerpt would need the whole page's scope; its tags are dropped here.
  const text = info.excerptSource.replace(/\{%[\s\S]*?%\}/g, '').replace(/\{\{[\s\S]*?\}\}/g, '');
  return page.format === 'html' ? text : `${markdownify(text)}\n`;
}

export function documentDrops(model: SiteModel, markdownify: (markdown: string) => string): DocumentDrops {
  const timeZone = typeof model.config.raw.timezone === 'string' ? model.config.raw.timezone : undefined;
  const byPage = new Map<Page, LiquidPage>();
  const site: Record<string, unknown> = {};
  const collections: Array<Record<string, unknown>> = [];
  const documents: LiquidPage[] = [];
  for (const { config, docs } of model.collections) {
    const drops = docs.map((page): LiquidPage => {
      const info = page.document!;
      const excerpt = excerptOf(page, markdownify);
      const drop: LiquidPage = {
        ...liquidPage(page),
        date: new JekyllTime(info.date, timeZone),
        id: `${page.url.replace(/\/[^/]*$/, '')}/${info.slug}`,
        relative_path: page.relPath,
        collection: info.collection,
        slug: info.slug,
        categories: info.categories,
        tags: info.tags,
        ...(excerpt !== undefined ? { excerpt } : {}),
        ...(info.draft ? { draft: true } : {}),
        output: info.output,
        // The source until the document is rendered, then its HTML (see `setContent`), as in Jekyll,
        // which renders collections before pages.
        content: page.body,
      };
      byPage.set(page, drop);
      return drop;
    });
    // `page.next` is the next document of the collection in its order (for posts: newer).
    // Not enumerable: the drops refer to each other, and `jsonify` or a cache key must not loop.
    drops.forEach((drop, i) => {
      Object.defineProperty(drop, 'next', { value: drops[i + 1], enumerable: false });
      Object.defineProperty(drop, 'previous', { value: drops[i - 1], enumerable: false });
    });
    documents.push(...drops);
    collections.push({
      label: config.label,
      docs: drops,
      files: [],
      output: config.output,
      permalink: config.permalink,
      relative_directory: config.directory,
      directory: `${model.config.notesDir}/${config.directory}`,
    });
    if (config.label !== 'posts') site[config.label] = drops;
  }
  const posts = [...(collections.find((c) => c.label === 'posts')?.docs as LiquidPage[])].reverse();
  site.posts = posts;
  site.categories = groupPosts(posts, 'categories');
  site.tags = groupPosts(posts, 'tags');
  site.documents = documents;
  // Jekyll's site drop lists collections by label.
  site.collections = [...collections].sort((a, b) => (String(a.label) < String(b.label) ? -1 : 1));
  const setContent = (page: Page, html: string): void => {
    const drop = byPage.get(page);
    if (drop) drop.content = html;
  };
  return { byPage, posts, site, setContent };
}

/** `site.categories` / `site.tags`: name → posts, newest first, names in the order posts bring them. */
function groupPosts(newestFirst: readonly LiquidPage[], key: 'categories' | 'tags'): Record<string, LiquidPage[]> {
  const groups: Record<string, LiquidPage[]> = {};
  // Jekyll walks the posts oldest first to collect the names.
  for (const post of [...newestFirst].reverse()) {
    for (const name of (post[key] as string[] | undefined) ?? []) (groups[name] ??= []).unshift(post);
  }
  return groups;
}

/** jekyll-paginate's `paginator` for one page of the list. */
export function paginatorFor(page: Page, drops: DocumentDrops): Record<string, unknown> | undefined {
  const pager = page.pager;
  if (!pager) return undefined;
  const listed = drops.posts.filter((p) => !p.hidden);
  const start = (pager.page - 1) * pager.perPage;
  // The plugin's first page is the template's URL; the others are `paginate_path` as written.
  const first = pager.page === 1 ? page.url : undefined;
  const pathOf = (num: number | null): string | null => {
    if (num === null) return null;
    if (num <= 1) return first ?? firstPageUrl(page);
    const format = pager.path.replace(':num', String(num));
    return format.startsWith('/') ? format : `/${format}`;
  };
  const previous = pager.page !== 1 ? pager.page - 1 : null;
  const next = pager.page !== pager.totalPages ? pager.page + 1 : null;
  return {
    page: pager.page,
    per_page: pager.perPage,
    posts: listed.slice(start, start + pager.perPage),
    total_posts: listed.length,
    total_pages: pager.totalPages,
    previous_page: previous,
    previous_page_path: pathOf(previous),
    next_page: next,
    next_page_path: pathOf(next),
  };
}

/** Every copy of the list shares the template's source; its URL is the folder of that source. */
function firstPageUrl(page: Page): string {
  const dir = page.relPath.replace(/(^|\/)index\.html$/, '');
  return typeof page.data.permalink === 'string' ? page.data.permalink : `/${dir}${dir ? '/' : ''}`;
}
