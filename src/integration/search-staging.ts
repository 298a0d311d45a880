// The staging folder for Pagefind's directory indexing: each page's indexed copy is written where
// Pagefind, reading the folder (`addDirectory`), names it by the page's URL. Pagefind indexes a
// folder with all its threads, and a page handed to it (`addHTMLFile`) on one: ~3.5 ms a page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Characters Pagefind (1.6) keeps as they are when it makes a URL from a file's path: it
 * percent-encodes the others (a space, `é`, `%`, `?`, `#`, quotes, braces…), so a page whose URL
 * holds one would be indexed under another spelling of its URL.
 */
const KEPT_BY_PAGEFIND = /^[A-Za-z0-9._~!$&'()*+,;=:@-]+$/;
/** Longest segment kept well under the 255 bytes a file name may have. */
const MAX_SEGMENT = 200;

const plainSegment = (segment: string): boolean =>
  KEPT_BY_PAGEFIND.test(segment) && segment.length <= MAX_SEGMENT && segment !== '.' && segment !== '..' && segment !== 'index.html';

/**
 * The file (relative to the staging folder) Pagefind gives `url`: the URL's path (`/a/b` → `a/b`,
 * `/a/b.html` → `a/b.html`), and for a folder URL its `index.html` (`/a/` → `a/index.html`, `/` →
 * `index.html`), which Pagefind names by the folder. Undefined when no file gets the URL exactly:
 * characters Pagefind would encode, an empty or dot segment, or a URL ending in `index.html`
 * (Pagefind would shorten it to the folder).
 */
export function stagedFileFor(url: string): string | undefined {
  if (!url.startsWith('/')) return undefined;
  const segments = url.slice(1).split('/');
  const last = segments.pop()!;
  if (!segments.every(plainSegment)) return undefined;
  if (last === '') return [...segments, 'index.html'].join('/');
  return plainSegment(last) ? url.slice(1) : undefined;
}

/**
 * Each page's staged file, in order; undefined when a page has none or two would collide: the
 * same file, a file that another page needs as a folder (`/a` beside `/a/b`), or names that differ
 * only in case (one file on macOS and Windows disks).
 */
export function stagingPlan(urls: readonly string[]): string[] | undefined {
  const files: string[] = [];
  const taken = new Set<string>();
  const folders = new Set<string>();
  for (const url of urls) {
    const file = stagedFileFor(url);
    const key = file?.toLowerCase();
    if (file === undefined || key === undefined || taken.has(key)) return undefined;
    taken.add(key);
    files.push(file);
    for (let slash = key.indexOf('/'); slash !== -1; slash = key.indexOf('/', slash + 1)) folders.add(key.slice(0, slash));
  }
  return [...taken].some((key) => folders.has(key)) ? undefined : files;
}

/** Characters with a meaning in Pagefind's globs (the `wax` crate's), escaped with a backslash. */
const GLOB_META = /[?*$:<>()[\]{},\\]/g;

/**
 * The glob that picks exactly the staged files. A wildcard for "every file" would match the
 * folders too, and Pagefind spends ~0.3 s on each folder it is handed as a page.
 */
export function stagedFilesGlob(files: readonly string[]): string {
  return `{${files.map((file) => file.replace(GLOB_META, '\\$&')).join(',')}}`;
}

const BODY_ARTICLE = /<article\b[^>]*\sdata-pagefind-body[\s=>]/;
const BODY_TAG = /<body\b[^>]*>/;

/** Where `data-pagefind-…` attributes other than `-ignore` occur in html[from, to) (meta, filters and sort keys, read outside the body too). */
function pagefindAttributes(html: string, from: number, to: number): string[] {
  const found: string[] = [];
  for (let at = html.indexOf('data-pagefind-', from); at !== -1 && at < to; at = html.indexOf('data-pagefind-', at + 1)) {
    const name = /^data-pagefind-[\w-]*/.exec(html.slice(at, at + 40))![0];
    if (name !== 'data-pagefind-ignore') found.push(name);
  }
  return found;
}

/**
 * What Pagefind reads of a note page: its head and the `data-pagefind-body` article. The chrome
 * around the article (header, sidebar, table of contents, footer: ~45 % of a note page at 80
 * notes, more with a longer sidebar) is left out of the staged copy: less to write, ~20 % less
 * for Pagefind to parse, and the same index (test). A page is staged whole when the cut could
 * change what Pagefind sees: not one body article, or `data-pagefind-*` attributes outside it.
 */
export function trimmedForIndex(html: string): string {
  const article = BODY_ARTICLE.exec(html);
  const body = BODY_TAG.exec(html);
  const end = html.lastIndexOf('</article>');
  if (!article || !body || body.index > article.index || end < article.index) return html;
  const headEnd = body.index + body[0].length;
  const articleEnd = end + '</article>'.length;
  // Strings, not regular expressions: this runs over every page of the site (~70 KB each at 1,000 notes).
  const inArticle = pagefindAttributes(html, article.index, articleEnd);
  if (inArticle.filter((name) => name === 'data-pagefind-body').length !== 1) return html;
  if (pagefindAttributes(html, 0, article.index).length > 0 || pagefindAttributes(html, articleEnd, html.length).length > 0) return html;
  return `${html.slice(0, headEnd)}${html.slice(article.index, articleEnd)}</body></html>`;
}

/**
 * `html` without the elements named in `tags` (ones Pagefind is told to skip: SVG, code listings),
 * each cut from its opening tag to its closing one; in a note page they are most of the article
 * (~60 % at the bench's notes). A tag is left in place where that cut is not plainly right: one
 * element inside another of its kind, or openings and closings that do not pair up (one written
 * inside an attribute or a comment). An element holding an `id` stays too: Pagefind lists every
 * id of the body among a page's anchors, those in skipped elements included (a class diagram's
 * SVG has dozens).
 */
/** An `id` attribute anywhere in an element (its own or a descendant's). */
const HAS_ID = /<[^>]*\sid\s*=/i;

export function withoutSkippedElements(html: string, tags: readonly string[]): string {
  let out = html;
  for (const tag of tags) {
    const opening = new RegExp(`<${tag}(?=[\\s/>])`, 'gi');
    const opened = out.match(opening)?.length ?? 0;
    if (opened === 0 || opened !== (out.match(new RegExp(`</${tag}\\s*>`, 'gi'))?.length ?? 0)) continue;
    let nested = false;
    const cut = out.replace(new RegExp(`<${tag}(?=[\\s/>])[\\s\\S]*?</${tag}\\s*>`, 'gi'), (element) => {
      if ((element.match(opening)?.length ?? 0) > 1) nested = true;
      return HAS_ID.test(element) ? element : '';
    });
    if (!nested) out = cut;
  }
  return out;
}

const STAGING_PREFIX = 'search-staging-';
/** Older than any build: a folder this old was left by a build that was stopped before removing it. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** Removes staging folders left under `parent` by stopped builds; a running build's own is younger. */
async function removeAbandoned(parent: string): Promise<void> {
  const entries = await readdir(parent, { withFileTypes: true });
  const old = entries.filter((e) => e.isDirectory() && e.name.startsWith(STAGING_PREFIX));
  await Promise.all(
    old.map(async (e) => {
      const folder = path.join(parent, e.name);
      const { mtimeMs } = await stat(folder).catch(() => ({ mtimeMs: Date.now() }));
      if (Date.now() - mtimeMs > ABANDONED_AFTER_MS) await rm(folder, { recursive: true, force: true });
    }),
  );
}

/**
 * A folder, removed by `remove()`, holding a copy of each page where Pagefind names it by the
 * page's URL (`stagingPlan`).
 */
export class StagingFolder {
  readonly dir: string;
  readonly files: readonly string[];
  readonly #madeFolders = new Set<string>();

  private constructor(dir: string, files: readonly string[]) {
    this.dir = dir;
    this.files = files;
  }

  /** A new empty folder under `parent` for `files` (one per page, from `stagingPlan`). */
  static async create(parent: string, files: readonly string[]): Promise<StagingFolder> {
    await mkdir(parent, { recursive: true });
    await removeAbandoned(parent);
    return new StagingFolder(await mkdtemp(path.join(parent, STAGING_PREFIX)), files);
  }

  /**
   * Writes page `index`'s copy, synchronously: Pagefind numbers pages in the order it finds them,
   * which is the order the disk lists a folder in (by name on some file systems, by creation on
   * others: tmpfs, btrfs). Written one after the other in the pages' order, the same pages give
   * the same index on every build.
   */
  write(index: number, content: string): void {
    const file = path.join(this.dir, this.files[index]!);
    const folder = path.dirname(file);
    if (!this.#madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#madeFolders.add(folder);
    }
    writeFileSync(file, content);
  }

  /** The glob that picks exactly the staged files (see `stagedFilesGlob`). */
  glob(): string {
    return stagedFilesGlob(this.files);
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
