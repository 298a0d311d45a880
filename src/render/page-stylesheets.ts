// A page's own stylesheets, named in its front matter as the author's Jekyll layout looped over
// them (`styles: [/assets/setup.css]`; also `stylesheets:` and `css:`, a list or one string).
// The layouts load them after the site's CSS, so the author's rules win where both apply.
import { readFileSync } from 'node:fs';
import { frontMatterKeyLine } from '../checks/layout-check.ts';
import { withBase } from '../loader/permalink.ts';
import type { Page } from '../loader/site-model.ts';
import type { LinkEntry } from '../markdown/note-context.ts';

const KEYS = ['styles', 'stylesheets', 'css'] as const;

export interface PageStylesheets {
  /** hrefs in the order written, with the base path for the site's own files. */
  hrefs: string[];
  /** The same, for the link checker: a stylesheet that is not published is reported at its line. */
  links: LinkEntry[];
}

export function pageStylesheets(page: Page, base: string): PageStylesheets {
  const hrefs: string[] = [];
  const links: LinkEntry[] = [];
  let source: string | undefined;
  for (const key of KEYS) {
    const value = page.data[key];
    const entries = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (entries.length === 0) continue;
    source ??= readFileSync(page.absPath, 'utf8').replace(/\r\n/g, '\n');
    const line = frontMatterKeyLine(source, key) ?? 1;
    for (const entry of entries) {
      const written = entry.trim();
      const external = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(written);
      // `{{ s | relative_url }}` in the author's layout: a relative name counts from the root.
      const href = external ? written : withBase(written.startsWith('/') ? written : `/${written.replace(/^\.\//, '')}`, base);
      if (hrefs.includes(href)) continue;
      hrefs.push(href);
      if (!external) links.push({ url: href, attribute: 'href', line });
    }
  }
  return { hrefs, links };
}
