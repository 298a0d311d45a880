// Pages a reader can reach from the home page by following links: a breadth-first walk over the
// built HTML files (used for both Jekyll's output and ours).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

/** The URL a built file is served at: `study/index.html` → `/study/`, `a.html` → `/a.html`. */
const urlOfFile = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** The built file a site path names, as GitHub Pages finds it (`/x` → `x.html`, `/d/` → `d/index.html`). */
function fileForPath(outDir: string, pathname: string): string | undefined {
  const clean = decodeURIComponent(pathname).replace(/^\/+/, '');
  const candidates = clean === '' || clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}.html`, `${clean}/index.html`];
  return candidates.find((c) => existsSync(path.join(outDir, c)) && c.endsWith('.html'));
}

export function reachablePages(outDir: string, base = '/'): string[] {
  const seen = new Set<string>(['index.html']);
  const queue = ['index.html'];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const pageUrl = new URL(`${base.slice(0, -1)}${urlOfFile(file)}`, 'http://site.invalid');
    const tree = fromHtml(readFileSync(path.join(outDir, file), 'utf8'));
    for (const anchor of selectAll('a[href]', tree)) {
      const target = new URL(String(anchor.properties.href), pageUrl);
      if (target.origin !== pageUrl.origin || !target.pathname.startsWith(base)) continue;
      const next = fileForPath(outDir, `/${target.pathname.slice(base.length)}`);
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen].sort();
}
