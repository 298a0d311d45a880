// Posts (`_posts/` in any published folder, `_drafts/` when asked) and collection documents
// (`_<label>/`), read with Jekyll's rules: dates and slugs from file names, categories from parent
// folders, `published`, future dates, excerpts, and URLs from the collection's permalink template.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.ts';
import type { Diagnostics } from '../diagnostics/diagnostics.ts';
import type { CollectionConfig, CollectionsSetup } from './collections.ts';
import { applyDefaults } from './front-matter-defaults.ts';
import { datePlaceholders, parseJekyllDate } from './jekyll-date.ts';
import { fillDocumentTemplate, slugify, titleizeSlug } from './jekyll-url.ts';
import { outputPathForUrl } from './permalink.ts';
import { readSourceFile, SKIPPED } from './read-source.ts';
import { isUnpublishedName } from './scan-notes.ts';
import type { DocumentInfo, Page } from './site-model.ts';

/** Jekyll's DATE_FILENAME_MATCHER and DATELESS_FILENAME_MATCHER. */
const DATED_NAME = /^(?:.+\/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/;
const DATELESS_NAME = /^(?:.+\/)*(.*)(\.[^.]+)$/;
/** Sources we render; a post in another format (`.txt`) is left out. */
const RENDERED = /\.(md|markdown|html?)$/i;

export interface DocumentOptions {
  /** Build time (`site.time`): later dates are in the future. */
  now: Date;
  /** Publish future-dated documents (`future: true`). */
  future: boolean;
  /** Read `_drafts/` (Jekyll's `--drafts`; here `DRAFTS=1`). */
  drafts: boolean;
  /** Publish `published: false` documents (Jekyll's `--unpublished`). */
  unpublished: boolean;
  timeZone?: string;
}

export interface ReadDocuments {
  /** Every document by collection label, in the collection's order (posts oldest first). */
  byCollection: Map<string, Page[]>;
  /** Files of output collections without front matter: published unchanged. */
  files: Array<{ absPath: string; relPath: string; url: string }>;
  /** Posts left out for a future date (Jekyll says "Skipping: … has a future date"). */
  future: string[];
}

/** Jekyll's entry filter for files inside `_posts/` and collection folders. */
function walkFiles(root: string, relRoot: string, exclude: Set<string>): Array<{ absPath: string; relPath: string }> {
  const out: Array<{ absPath: string; relPath: string }> = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (/^[._#]/.test(entry.name) || entry.name.endsWith('~') || exclude.has(`${rel}/${entry.name}`)) continue;
      const absPath = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absPath, `${rel}/${entry.name}`);
      else if (entry.isFile()) out.push({ absPath, relPath: `${rel}/${entry.name}` });
    }
  };
  walk(root, relRoot);
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
}

/** Folders (relative, '' for the root) that Jekyll's reader visits: published ones only. */
function publishedFolders(root: string, exclude: Set<string>): string[] {
  const folders = [''];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (!entry.isDirectory() || isUnpublishedName(entry.name) || exclude.has(relPath) || exclude.has(entry.name)) continue;
      folders.push(relPath);
      walk(path.join(dir, entry.name), relPath);
    }
  };
  walk(root, '');
  return folders;
}

const isFolder = (file: string): boolean => {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
};

/** Categories from the folders above `_posts` (`learning/_posts/x.md` → `learning`), as Jekyll. */
function categoriesFromPath(relPath: string, special: string): string[] {
  if (relPath.startsWith(special)) return [];
  const index = relPath.indexOf(`/${special}/`);
  const above = index === -1 ? '' : relPath.slice(0, index);
  return above.split('/').filter((c) => c && c !== special);
}

/** `categories`/`category`, `tags`/`tag`: Jekyll's pluralized keys (strings split at spaces). */
function listOf(data: Record<string, unknown>, singular: string, plural: string): string[] {
  const pick = Object.hasOwn(data, singular) ? data[singular] : Object.hasOwn(data, plural) ? data[plural] : undefined;
  const value = !Object.hasOwn(data, singular) && typeof pick === 'string' ? pick.split(/\s+/).filter(Boolean) : pick;
  return (Array.isArray(value) ? value.flat(Infinity) : value === undefined || value === null ? [] : [value]).filter((v) => v !== null && v !== undefined).map(String);
}

interface DocumentSource {
  absPath: string;
  relPath: string;
  collection: CollectionConfig;
  draft: boolean;
}

function readDocument(source: DocumentSource, config: SiteConfig, diagnostics: Diagnostics, options: DocumentOptions): Page | 'future' | 'skipped' | undefined {
  const { absPath, relPath, collection, draft } = source;
  const isPost = collection.label === 'posts';
  const file = readSourceFile(absPath, relPath, { diagnostics, pageSizeLimit: config.pageSizeLimit, frontMatterOptional: isPost });
  if (file === SKIPPED) return 'skipped';
  if (!file.hasFrontMatter && !isPost) return undefined; // a collection file without front matter is a static file
  const special = draft ? '_drafts' : path.posix.basename(collection.directory);
  // Jekyll's `relative_path` is relative to `collections_dir`.
  const parent = path.posix.dirname(collection.directory);
  const relative = parent !== '.' && relPath.startsWith(`${parent}/`) ? relPath.slice(parent.length + 1) : relPath;
  const pathCategories = categoriesFromPath(relative, special);
  const data = applyDefaults(config.defaults, relPath, draft ? 'drafts' : collection.label, file.data);

  const named = DATED_NAME.exec(relPath);
  const dateless = named ? null : DATELESS_NAME.exec(relPath);
  const slug = String(data.slug ?? (named ? named[2] : dateless?.[1]) ?? path.posix.basename(relPath)).replace(/\.*$/, '');
  let date = data.date === undefined ? undefined : parseJekyllDate(data.date, options.timeZone);
  if (data.date !== undefined && !date) diagnostics.warn(absPath, 1, 'front-matter', `date "${String(data.date)}" is not a date Jekyll reads (YYYY-MM-DD [HH:MM:SS] [+HHMM]); the file name's date is used`);
  date ??= named ? parseJekyllDate(named[1], options.timeZone) : undefined;
  date ??= draft ? statSync(absPath).mtime : options.now;

  if (data.published === false && !options.unpublished) return undefined;
  if (date.getTime() > options.now.getTime() && !options.future && isPost) return 'future';

  const categories = [...new Set([...pathCategories, ...listOf(data, 'category', 'categories')])];
  const tags = listOf(data, 'tag', 'tags');
  const basename = path.posix.basename(relPath).replace(/\.[^.]*$/, '');
  const dataSlug = data.slug === undefined ? slug : String(data.slug);
  const cleanedPath = relative.replace(/\.[^.]*$/, '').replace(special, '').replace(/\.*$/, '');
  const placeholders = {
    collection: collection.label,
    path: cleanedPath,
    output_ext: '.html',
    name: slugify(basename),
    title: slugify(dataSlug, 'pretty', true),
    slug: slugify(dataSlug),
    categories: [...new Set(categories.map((c) => c.toLowerCase()))].join('/'),
    slugified_categories: [...new Set(categories.map((c) => slugify(c)))].join('/'),
    ...datePlaceholders(date, options.timeZone),
  };
  const template = typeof data.permalink === 'string' && data.permalink.trim() ? data.permalink.trim() : collection.permalink;
  const { url, unknown } = fillDocumentTemplate(template, placeholders);
  if (unknown.length > 0) diagnostics.warn(absPath, 1, 'permalink', `permalink "${template}" has no placeholder ${unknown.map((u) => `:${u}`).join(', ')} (Jekyll stops the build here)`);

  const separator = String(data.excerpt_separator ?? config.raw.excerpt_separator ?? '\n\n');
  const document: DocumentInfo = {
    collection: collection.label,
    date,
    slug,
    categories,
    tags,
    draft,
    output: collection.output && !(date.getTime() > options.now.getTime() && !options.future),
    ...(typeof data.excerpt === 'string' ? { excerpt: data.excerpt } : separator ? { excerptSource: file.body.split(separator)[0] ?? '' } : {}),
  };
  const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : titleizeSlug(slug);
  return {
    absPath,
    relPath,
    url,
    outputPath: outputPathForUrl(url),
    data: { ...data, title, slug, categories, tags, date, ...(draft ? { draft: true } : {}) },
    title,
    layout: typeof data.layout === 'string' ? data.layout : isPost ? 'post' : 'default',
    hidden: data.hidden === true,
    format: /\.html?$/i.test(relPath) ? 'html' : 'markdown',
    body: file.body,
    bodyLine: file.hasFrontMatter ? file.bodyLine : 1,
    document,
  };
}

/** Jekyll's `Document#<=>`: by date, then by path. */
function byDateThenPath(a: Page, b: Page): number {
  const diff = a.document!.date.getTime() - b.document!.date.getTime();
  return diff !== 0 ? diff : a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0;
}

function sortCollection(docs: Page[], collection: CollectionConfig): Page[] {
  if (collection.order) {
    const rank = (page: Page): number => {
      const within = page.relPath.slice(collection.directory.length + 1);
      const index = collection.order!.indexOf(within);
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    return docs.sort((a, b) => rank(a) - rank(b) || byDateThenPath(a, b));
  }
  const key = collection.sortBy;
  if (!key) return docs.sort(byDateThenPath);
  return docs.sort((a, b) => {
    const x = a.data[key];
    const y = b.data[key];
    if (x === undefined && y !== undefined) return 1;
    if (x !== undefined && y === undefined) return -1;
    if (x !== undefined && y !== undefined && x !== y) return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
    return byDateThenPath(a, b);
  });
}

export function readDocuments(config: SiteConfig, setup: CollectionsSetup, diagnostics: Diagnostics, options: DocumentOptions): ReadDocuments {
  const root = config.notesDir;
  const exclude = new Set(config.exclude.map((e) => e.replace(/^\/+|\/+$/g, '')));
  const byCollection = new Map<string, Page[]>();
  const files: ReadDocuments['files'] = [];
  const future: string[] = [];
  const add = (source: DocumentSource): void => {
    if (!RENDERED.test(source.relPath)) return;
    const matcher = source.draft || source.collection.label !== 'posts' ? DATELESS_NAME : DATED_NAME;
    if (!matcher.test(source.relPath)) return;
    const page = readDocument(source, config, diagnostics, options);
    if (page === 'skipped') return;
    if (page === 'future') future.push(source.relPath);
    else if (page) byCollection.set(source.collection.label, [...(byCollection.get(source.collection.label) ?? []), page]);
    else if (source.collection.label !== 'posts' && source.collection.output) {
      files.push({ absPath: source.absPath, relPath: source.relPath, url: `/${source.collection.label}${source.relPath.slice(source.collection.directory.length)}` });
    }
  };

  const posts = setup.collections.find((c) => c.label === 'posts')!;
  const postRoots = setup.collectionsDir ? [setup.collectionsDir] : publishedFolders(root, exclude);
  for (const folder of postRoots) {
    for (const special of options.drafts ? ['_posts', '_drafts'] : ['_posts']) {
      const rel = folder ? `${folder}/${special}` : special;
      if (!isFolder(path.join(root, rel))) continue;
      for (const file of walkFiles(path.join(root, rel), rel, exclude)) add({ ...file, collection: posts, draft: special === '_drafts' });
    }
  }
  for (const collection of setup.collections) {
    if (collection.label === 'posts') continue;
    const dir = path.join(root, collection.directory);
    if (!isFolder(dir)) continue;
    for (const file of walkFiles(dir, collection.directory, exclude)) {
      if (!RENDERED.test(file.relPath) && collection.output) files.push({ ...file, url: `/${collection.label}${file.relPath.slice(collection.directory.length)}` });
      else add({ ...file, collection, draft: false });
    }
  }
  for (const collection of setup.collections) {
    const docs = byCollection.get(collection.label);
    if (docs) byCollection.set(collection.label, sortCollection(docs, collection));
  }
  return { byCollection, files, future };
}
