// Reachability through the site chrome, compared with Jekyll's: the pages each built page's
// header/nav and footer link to (tests/fixtures/jekyll-chrome/, written by
// scripts/jekyll-chrome-links.ts with the installed Jekyll).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { outputPathForUrl } from '../../src/loader/permalink.ts';
import { reachablePages } from './reachable.ts';

interface JekyllChrome {
  pages: Record<string, { header: string[]; footer: string[] }>;
  /** Pages reachable from Jekyll's home page by following links. */
  reachable: string[];
}

export function jekyllChromeLinks(fixture: string): JekyllChrome {
  return JSON.parse(readFileSync(path.resolve('tests/fixtures/jekyll-chrome', `${fixture}.json`), 'utf8')) as JekyllChrome;
}

/** The output file an internal href lands on (`/rules` → `rules.html`, `/study/` → `study/index.html`); external hrefs as they are. */
export function landsOn(href: string, base = '/'): string {
  if (/^[a-z]+:|^\/\//i.test(href)) return href;
  const withoutBase = base !== '/' && href.startsWith(base) ? `/${href.slice(base.length)}` : href;
  return outputPathForUrl(withoutBase);
}

/** Where the header and footer of one of our built pages lead. */
export function chromeTargets(html: string, base = '/'): Set<string> {
  const tree = fromHtml(html);
  const anchors = selectAll('header.site-header a[href], footer.site-footer a[href]', tree);
  return new Set(anchors.map((a) => landsOn(String(a.properties.href), base)));
}

/** Every (page, target) Jekyll's chrome offered that ours does not: should be empty. */
export function unreachedTargets(fixture: string, read: (file: string) => string, base = '/'): string[] {
  const missing: string[] = [];
  for (const [page, links] of Object.entries(jekyllChromeLinks(fixture).pages)) {
    const ours = chromeTargets(read(page), base);
    for (const href of [...links.header, ...links.footer]) {
      const target = landsOn(href);
      if (!ours.has(target)) missing.push(`${page} → ${href}`);
    }
  }
  return missing;
}

/** Pages a reader of the Jekyll site reached from its home page that ours does not reach: should be empty. */
export function unreachedPages(fixture: string, outDir: string, base = '/'): string[] {
  const ours = new Set(reachablePages(outDir, base));
  return jekyllChromeLinks(fixture).reachable.filter((file) => !ours.has(file));
}
