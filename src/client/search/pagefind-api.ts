// Pagefind's browser API, loaded from the site's own `pagefind/` folder (written by the build),
// so it works under any base path and never reaches for another host.

export interface PagefindSubResult {
  title: string;
  /** Page URL with the heading's `#id` when the match lies under a heading with an id. */
  url: string;
  excerpt: string;
  locations: number[];
  /** Each hit with its weight (headings weigh more than body text). */
  weighted_locations?: Array<{ weight: number; balanced_score: number; location: number }>;
  anchor?: { element: string; id: string; text: string };
}

export interface PagefindResultData {
  url: string;
  meta: { title?: string };
  excerpt: string;
  sub_results: PagefindSubResult[];
}

export interface PagefindSearch {
  results: Array<{ id: string; score: number; data: () => Promise<PagefindResultData> }>;
}

export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  /** Resolves to null when a later call superseded this one. */
  debouncedSearch: (term: string, options?: Record<string, unknown>, debounceMs?: number) => Promise<PagefindSearch | null>;
}

let api: Promise<PagefindApi> | undefined;

/** `base` is the site's base path (`/` or `/repo/`); results come back as URLs under it. */
export function loadPagefind(base: string): Promise<PagefindApi> {
  api ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await module.options({ baseUrl: base, excerptLength: 24 });
    await module.init();
    return module;
  })();
  api.catch(() => {
    api = undefined; // let a later keystroke try again (e.g. the index was still being written)
  });
  return api;
}
