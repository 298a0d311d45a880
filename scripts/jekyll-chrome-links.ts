// What a reader of the Jekyll site could reach: builds a fixture notes folder with the installed
// Jekyll and writes the links of every page's <header>, <nav> and <footer>, and every page
// reachable from the home page by following links, to tests/fixtures/jekyll-chrome/<fixture>.json.
// The chrome and Jekyll-site build tests check ours against it.
//   node scripts/jekyll-chrome-links.ts tests/fixtures/chrome-site tests/fixtures/jekyll-site
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { reachablePages } from '../tests/helpers/reachable.ts';

function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) return htmlFiles(dir, rel);
    return entry.name.endsWith('.html') ? [rel] : [];
  });
}

export interface ChromeLinks {
  generator: string;
  /** Page (output file) → the hrefs of its header/nav and footer, as Jekyll wrote them. */
  pages: Record<string, { header: string[]; footer: string[] }>;
  /** Every page a reader reaches from the home page by following links (output files). */
  reachable: string[];
}

function linksOf(html: string, selector: string): string[] {
  const tree = fromHtml(html);
  const hrefs = selectAll(selector, tree).flatMap((area) => selectAll('a[href]', area).map((a) => String(a.properties.href)));
  return [...new Set(hrefs)];
}

for (const fixture of process.argv.slice(2)) {
  const out = mkdtempSync(path.join(tmpdir(), 'jekyll-chrome-'));
  const version = spawnSync('jekyll', ['--version'], { encoding: 'utf8' }).stdout.trim();
  const built = spawnSync('jekyll', ['build', '--quiet', '--source', fixture, '--destination', out], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`jekyll build ${fixture} failed:\n${built.stderr}`);
  const result: ChromeLinks = { generator: `${version} (scripts/jekyll-chrome-links.ts)`, pages: {}, reachable: reachablePages(out) };
  for (const file of htmlFiles(out).sort()) {
    const html = readFileSync(path.join(out, file), 'utf8');
    const header = linksOf(html, 'header, nav');
    const footer = linksOf(html, 'footer');
    if (header.length + footer.length > 0) result.pages[file] = { header, footer };
  }
  rmSync(out, { recursive: true, force: true });
  const target = path.join('tests/fixtures/jekyll-chrome', `${path.basename(fixture)}.json`);
  writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${target}: ${Object.keys(result.pages).length} pages`);
}
