// The site model: every page and published file of the notes folder, before any rendering.
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.ts';
import type { Diagnostics } from '../diagnostics/diagnostics.ts';
import { readAuthorLayouts, type AuthorLayoutInfo } from './author-layouts.ts';
import { readCollections, type CollectionConfig } from './collections.ts';
import { readDocuments } from './documents.ts';
import { applyDefaults } from './front-matter-defaults.ts';
import { githubPagesDefaults, OPTIONAL_FRONT_MATTER, readmeIndexes, SKIPPED_WITHOUT_FRONT_MATTER } from './github-pages.ts';
import { permalinkStyle } from './jekyll-url.ts';
import { paginate, paginationSettings, paginationTemplate } from './pagination.ts';
import { outputPathForUrl, pageUrl, urlsServedBy } from './permalink.ts';
import { readSourceFile, SKIPPED } from './read-source.ts';
import { scanNotes, type RefusedFile } from './scan-notes.ts';

export interface Page {
  absPath: string;
  /** Source path under the notes folder, e.g. `study/leetcodes/0001-two-sum.md` (Jekyll's `page.path`). */
  relPath: string;
  /** The permalink, exactly as authored (Jekyll's `page.url`). */
  url: string;
  /** File under the output folder that serves `url`. */
  outputPath: string;
  /** Front matter with `_config.yml` defaults applied: every key, for templates. */
  data: Record<string, unknown>;
  title: string;
  layout: string;
  hidden: boolean;
  /** `html` for an `.html` page (Liquid, then HTML as written), else Markdown. */
  format: 'markdown' | 'html';
  /** Markdown or HTML (with Liquid) after the front matter. */
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
  /** Set for posts and collection documents. */
  document?: DocumentInfo;
  /** Set for pages a GitHub Pages plugin adds (they come after the others in `site.pages`). */
  addedBy?: 'optional-front-matter' | 'readme-index';
  /** Set for the pages of a paginated post list (jekyll-paginate). */
  pager?: { page: number; perPage: number; totalPages: number; path: string };
}

/** What a post or collection document has besides a page's fields. */
export interface DocumentInfo {
  /** `posts` or the collection's label. */
  collection: string;
  date: Date;
  /** From the file name (`2024-01-05-my-post.md` → `my-post`) unless front matter sets one. */
  slug: string;
  categories: string[];
  tags: string[];
  draft: boolean;
  /** Written as a page (its collection has `output: true`, and it is not dated in the future). */
  output: boolean;
  /** The text before `excerpt_separator`, rendered when Liquid asks for `excerpt`. */
  excerptSource?: string;
  /** An `excerpt:` given in front matter, used as written. */
  excerpt?: string;
}

export interface Asset {
  absPath: string;
  relPath: string;
  url: string;
}

export interface SiteModel {
  config: SiteConfig;
  pages: Page[];
  assets: Asset[];
  /** Output path → page, for lookups by link. */
  pageByOutput: Map<string, Page>;
  /** Every URL path served by the built site, pages and files alike (without base). */
  servedUrls: Set<string>;
  /** Every collection with its documents (posts oldest first), written or not. */
  collections: Array<{ config: CollectionConfig; docs: Page[] }>;
  /** Build time: Jekyll's `site.time`. */
  time: Date;
  /** One-line notes for the build log (not warnings), e.g. posts skipped for a future date. */
  notices: string[];
  /** Roles of the author's `_layouts/` (note, index, page), for layout names we do not know. */
  layoutRoles: Map<string, AuthorLayoutInfo>;
}

/** Files that are pages when they start with front matter, as in Jekyll. */
const PAGE_SOURCE = /\.(md|markdown|html?)$/i;

function titleOf(data: Record<string, unknown>, body: string, relPath: string): string {
  if (typeof data.title === 'string' && data.title.trim()) return data.title.trim();
  const heading = /^#\s+(.+?)\s*(?:\{#[^}]*\})?\s*#*\s*$/m.exec(body);
  if (heading?.[1]) return heading[1];
  const base = path.posix.basename(relPath).replace(PAGE_SOURCE, '');
  return base === 'index' ? path.posix.basename(path.posix.dirname(relPath)) || 'Home' : base;
}

/** Marks the data of a page read without front matter (kept out of Liquid: not enumerable). */
const WITHOUT_FRONT_MATTER = Symbol('without front matter');

function loadPage(config: SiteConfig, diagnostics: Diagnostics, absPath: string, relPath: string, optionalFrontMatter: boolean): Page | typeof SKIPPED | undefined {
  const file = readSourceFile(absPath, relPath, { diagnostics, pageSizeLimit: config.pageSizeLimit, frontMatterOptional: optionalFrontMatter });
  if (file === SKIPPED) return SKIPPED;
  if (!file.hasFrontMatter && !optionalFrontMatter) return undefined; // Jekyll copies a file without front matter as it is
  const data = applyDefaults(config.defaults, relPath, 'pages', file.data);
  if (!file.hasFrontMatter) Object.defineProperty(data, WITHOUT_FRONT_MATTER, { value: true, enumerable: false });
  const url = pageUrl(relPath, data.permalink, permalinkStyle(config.raw.permalink));
  return {
    ...(file.hasFrontMatter ? {} : { addedBy: 'optional-front-matter' as const }),
    absPath,
    relPath,
    url,
    outputPath: outputPathForUrl(url),
    data,
    title: titleOf(data, file.body, relPath),
    layout: typeof data.layout === 'string' ? data.layout : 'default',
    hidden: data.hidden === true,
    format: /\.html?$/i.test(relPath) ? 'html' : 'markdown',
    body: file.body,
    bodyLine: file.bodyLine,
  };
}

export interface LoadOptions {
  /** Build time (Jekyll's `site.time`); posts dated later are not published unless `future: true`. */
  now?: Date;
  /** Read `_drafts/` too (Jekyll's `--drafts`). */
  drafts?: boolean;
}

export function loadSiteModel(config: SiteConfig, diagnostics: Diagnostics, options: LoadOptions = {}): SiteModel {
  const now = options.now ?? new Date();
  const drafts = options.drafts ?? (process.env.DRAFTS === '1' || process.env.DRAFTS === 'true');
  const timeZone = typeof config.raw.timezone === 'string' ? config.raw.timezone : undefined;
  const pages: Page[] = [];
  const assets: Asset[] = [];
  const pageByOutput = new Map<string, Page>();
  for (const problem of config.problems) diagnostics.error(problem.file, problem.line, 'config', problem.message);
  const notices: string[] = [];
  const ghPages = githubPagesDefaults(config);
  const publish = (page: Page): void => {
    const claimed = pageByOutput.get(page.outputPath);
    if (claimed) {
      diagnostics.error(page.absPath, 1, 'duplicate-url', `URL ${page.url} is already claimed by ${claimed.relPath}; this page is not published`);
      return;
    }
    pageByOutput.set(page.outputPath, page);
    pages.push(page);
  };
  const refused: RefusedFile[] = [];
  const scanned = scanNotes(config.notesDir, config.exclude, refused);
  for (const link of refused) diagnostics.error(link.absPath, undefined, 'confinement', `${link.problem}; not published`);
  for (const { absPath, relPath } of scanned) {
    const optional = ghPages && OPTIONAL_FRONT_MATTER.test(relPath) && !SKIPPED_WITHOUT_FRONT_MATTER.test(path.posix.basename(relPath));
    const page = PAGE_SOURCE.test(relPath) ? loadPage(config, diagnostics, absPath, relPath, optional) : undefined;
    if (page === SKIPPED) continue;
    if (page) publish(page);
    // A Markdown file made a page by optional front matter is still copied, as on GitHub Pages.
    if (!page || (page.data as Record<symbol, unknown>)[WITHOUT_FRONT_MATTER]) assets.push({ absPath, relPath, url: `/${relPath}` });
  }
  if (ghPages) for (const readme of readmeIndexes(config, diagnostics, pages, assets)) publish(readme);

  const setup = readCollections(config.raw);
  const read = readDocuments(config, setup, diagnostics, { now, future: config.raw.future === true, drafts, unpublished: false, timeZone });
  if (read.future.length > 0) notices.push(`${read.future.length} posts not published: dated in the future (set future: true to publish them): ${read.future.slice(0, 3).join(', ')}${read.future.length > 3 ? ', …' : ''}`);
  const collections = setup.collections.map((c) => ({ config: c, docs: read.byCollection.get(c.label) ?? [] }));
  for (const { docs } of collections) for (const doc of docs) if (doc.document?.output) publish(doc);
  for (const file of read.files) assets.push(file);

  const settings = paginationSettings(config.raw);
  const template = settings && paginationTemplate(pages, settings);
  if (settings && template) {
    const listed = (read.byCollection.get('posts') ?? []).filter((p) => !p.data.hidden).length;
    for (const copy of paginate(template, settings, listed)) publish(copy);
  } else if (settings) {
    notices.push('pagination: paginate is set, but there is no index.html in the paginate_path folder or above it to paginate (as jekyll-paginate: skipped)');
  }

  const servedUrls = new Set<string>();
  for (const page of pages) for (const url of urlsServedBy(page.outputPath)) servedUrls.add(url);
  for (const asset of assets) servedUrls.add(asset.url);
  const layoutRoles = readAuthorLayouts(config.notesDir);
  return { config, pages, assets, pageByOutput, servedUrls, collections, time: now, notices, layoutRoles };
}
