// The link and anchor checker: pure functions over the built site's facts (no files, no Astro),
// so each rule is easy to test. Every internal href/src must name a published file, and every
// `#fragment` an id on the page it points at.
import type { LinkEntry } from '../markdown/note-context.ts';

export interface CheckedPage {
  /** Absolute source file (findings name it). */
  file: string;
  /** URLs (without base) under which the built page is served, e.g. `/study/x` and `/study/x.html`. */
  servedAs: string[];
  ids: Set<string>;
  /** Internal links left in the final page, base path included, with their note lines. */
  links: LinkEntry[];
}

export interface LinkCheckInput {
  /** Base path with leading and trailing slash. */
  base: string;
  /** Every URL the build serves (without base): pages, published files. */
  servedUrls: ReadonlySet<string>;
  /** Pages and files the generator itself adds (home index, 404, search): links into them are fine. */
  isGenerated: (urlPath: string) => boolean;
  /** Ids every page has from the layout around the note (e.g. `main` for the skip link). */
  layoutIds: ReadonlySet<string>;
  pages: CheckedPage[];
}

export type LinkFindingCode = 'broken-link' | 'broken-anchor' | 'missing-image';

export interface LinkFinding {
  file: string;
  line: number | undefined;
  code: LinkFindingCode;
  message: string;
}

const PICTURE = /\.(png|jpe?g|gif|svg|webp|avif|bmp|ico)$/i;
/** Fragments a browser handles without an element: the top of the page. */
const BUILTIN_FRAGMENTS = new Set(['', 'top']);

const safeDecode = (text: string, decode: (s: string) => string): string => {
  try {
    return decode(text);
  } catch {
    return text;
  }
};

/** `/notes/study/x` → `/study/x` under base `/notes/`; undefined when the URL leaves the base. */
export function stripBase(url: string, base: string): string | undefined {
  if (base === '/') return url;
  if (url === base.slice(0, -1)) return '/';
  return url.startsWith(base) ? `/${url.slice(base.length)}` : undefined;
}

/** Is `path` served? GitHub Pages also answers `/dir` with a redirect to `/dir/`. */
function isServed(path: string, input: LinkCheckInput): boolean {
  if (input.servedUrls.has(path) || input.isGenerated(path)) return true;
  return !path.endsWith('/') && input.servedUrls.has(`${path}/`);
}

/** The shortest id on the page containing the missing fragment: likely what was meant. */
function closestId(fragment: string, ids: ReadonlySet<string>): string | undefined {
  const candidates = [...ids].filter((id) => id.includes(fragment));
  return candidates.sort((a, b) => a.length - b.length)[0];
}

function checkLink(link: LinkEntry, page: CheckedPage, input: LinkCheckInput, pageByUrl: Map<string, CheckedPage>): LinkFinding | undefined {
  const finding = (code: LinkFindingCode, message: string): LinkFinding => ({ file: page.file, line: link.line, code, message });
  const url = link.url.trim();
  if (url.includes('{{') || url.includes('{%')) return undefined; // Liquid kept literal on purpose ({% raw %})
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? undefined : safeDecode(url.slice(hashAt + 1), decodeURIComponent);
  const rawPath = beforeHash.split('?')[0] ?? '';
  let target: CheckedPage | undefined = page;
  let shown = url;
  if (rawPath !== '') {
    if (!rawPath.startsWith('/')) return finding('broken-link', `link "${url}" points outside the notes folder`);
    const sitePath = stripBase(rawPath, input.base);
    if (sitePath === undefined) return finding('broken-link', `link "${url}" is outside the site's base path ${input.base}`);
    const path = safeDecode(sitePath, decodeURI);
    if (!isServed(path, input)) {
      const picture = link.attribute !== 'href' && PICTURE.test(path);
      return picture
        ? finding('missing-image', `picture ${url} is missing: no such file in the notes folder`)
        : finding('broken-link', `link to ${url}: no page or file is published at ${path}`);
    }
    target = pageByUrl.get(path) ?? pageByUrl.get(`${path}/`);
    shown = path;
  }
  if (fragment === undefined || BUILTIN_FRAGMENTS.has(fragment) || !target) return undefined; // files and generated pages: no ids to check
  if (target.ids.has(fragment) || input.layoutIds.has(fragment)) return undefined;
  const hint = closestId(fragment, target.ids);
  const where = target === page && rawPath === '' ? 'this page' : shown;
  return finding('broken-anchor', `link ${url}: no element with id "${fragment}" on ${where}${hint ? ` (did you mean #${hint}?)` : ''}`);
}

export function checkLinks(input: LinkCheckInput): LinkFinding[] {
  const pageByUrl = new Map<string, CheckedPage>();
  for (const page of input.pages) for (const url of page.servedAs) pageByUrl.set(url, page);
  const findings: LinkFinding[] = [];
  for (const page of input.pages) {
    for (const link of page.links) {
      const found = checkLink(link, page, input, pageByUrl);
      if (found) findings.push(found);
    }
  }
  return findings;
}
