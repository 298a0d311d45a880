// Which page a link of the built site lands on: links are recorded as written in the output
// (base path included, `.html` or not), and GitHub Pages serves a page under more than one URL.
import { urlsServedBy } from '../loader/permalink.ts';
import type { RenderedNote } from '../render/render-note.ts';

/** What navigation reads of a rendered note. */
export type NavNote = Pick<RenderedNote, 'page' | 'links' | 'sections' | 'description' | 'document' | 'headings'>;

export interface LinkTarget {
  page: NavNote['page'];
  /** The `#fragment`, decoded, or '' when the link names the page itself. */
  fragment: string;
}

export interface PageTargets {
  pageFor(url: string): LinkTarget | undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function pageTargets(notes: NavNote[], base: string): PageTargets {
  const byUrl = new Map<string, NavNote['page']>();
  for (const note of notes) for (const url of urlsServedBy(note.page.outputPath)) byUrl.set(decode(url), note.page);
  return {
    pageFor(url) {
      if (!url.startsWith('/')) return undefined; // fragment-only or external: not another page
      const [pathPart = '', fragment = ''] = url.split('#', 2);
      const pathname = decode(pathPart.split('?')[0] ?? '');
      const withoutBase = base !== '/' && pathname.startsWith(base) ? pathname.slice(base.length - 1) : pathname;
      const page = byUrl.get(withoutBase) ?? (base !== '/' && pathname === base.slice(0, -1) ? byUrl.get('/') : undefined);
      return page && { page, fragment: decode(fragment) };
    },
  };
}
