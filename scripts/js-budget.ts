// The JavaScript a page loads before the reader does anything, minified and gzipped, read from
// the built HTML: inline scripts, external module scripts, module preloads and the modules they
// import statically (dynamic `import()` — e.g. search loaded on first use — is not counted).
//   node scripts/js-budget.ts [distDir] [page.html …] [--max=12288]
// Without pages it measures every built page that holds a note (`data-pagefind-body`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';

export const NOTE_PAGE_BUDGET = 12 * 1024;

export interface ScriptCost {
  /** `inline #n` or the file's URL. */
  name: string;
  minified: number;
  gzipped: number;
}

export interface PageCost {
  page: string;
  scripts: ScriptCost[];
  total: number;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const PRELOAD = /<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi;
const ATTR = (name: string) => new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
// Static imports in minified output: `import"./a.js"`, `from"./a.js"`, `import{x}from"/_astro/a.js"`.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g;
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

const attr = (attrs: string, name: string): string | undefined => {
  const m = ATTR(name).exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

async function cost(name: string, code: string): Promise<ScriptCost> {
  // Astro minifies bundled scripts but not `is:inline` ones; minify all alike for a fair count.
  const { code: minified } = await transform(code, { minify: true, format: 'esm', loader: 'js' }).catch(() => ({ code }));
  return { name, minified: Buffer.byteLength(minified), gzipped: gzipSync(minified, { level: 9 }).length };
}

/** A URL of the site (e.g. `/notes/_astro/x.js`) → its file in the build, trying each base-path suffix. */
function fileForUrl(distDir: string, url: string, fromFile: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(url)) return undefined;
  if (!url.startsWith('/')) return path.resolve(path.dirname(fromFile), url);
  const parts = url.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const candidate = path.join(distDir, ...parts.slice(i));
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export async function measurePage(distDir: string, htmlFile: string): Promise<PageCost> {
  const html = readFileSync(htmlFile, 'utf8');
  const scripts: ScriptCost[] = [];
  const files = new Set<string>();
  let inline = 0;
  for (const [, attrs = '', body = ''] of html.matchAll(SCRIPT)) {
    if (!JS_TYPES.has((attr(attrs, 'type') ?? '').toLowerCase())) continue; // text/plain, JSON…
    const src = attr(attrs, 'src');
    if (src) {
      const file = fileForUrl(distDir, src, htmlFile);
      if (!file) throw new Error(`${htmlFile}: script ${src} is not in ${distDir} (another host?)`);
      files.add(file);
    } else if (body.trim()) {
      scripts.push(await cost(`inline #${++inline}`, body));
    }
  }
  for (const [tag] of html.matchAll(PRELOAD)) {
    const file = fileForUrl(distDir, attr(tag, 'href') ?? '', htmlFile);
    if (file) files.add(file);
  }
  for (const [, , body = ''] of html.matchAll(SCRIPT)) for (const [, url = ''] of body.matchAll(STATIC_IMPORT)) addFile(url, htmlFile);
  function addFile(url: string, from: string): void {
    const file = fileForUrl(distDir, url, from);
    if (file && existsSync(file)) files.add(file);
  }
  // Follow static imports to the modules they pull in.
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const [, url = ''] of code.matchAll(STATIC_IMPORT)) addFile(url, file);
    scripts.push(await cost(path.relative(distDir, file), code));
  }
  return { page: path.relative(distDir, htmlFile), scripts, total: scripts.reduce((sum, s) => sum + s.gzipped, 0) };
}

function notePages(distDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'pagefind') walk(full);
      else if (entry.name.endsWith('.html') && readFileSync(full, 'utf8').includes('data-pagefind-body')) pages.push(full);
    }
  };
  walk(distDir);
  return pages.sort();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const max = Number(args.find((a) => a.startsWith('--max='))?.slice(6) ?? NOTE_PAGE_BUDGET);
  const [distDir = process.env.DIST_DIR ?? 'dist', ...pages] = args.filter((a) => !a.startsWith('--'));
  const targets = pages.length > 0 ? pages.map((p) => path.resolve(distDir, p)) : notePages(distDir);
  if (targets.length === 0) throw new Error(`no note pages in ${distDir}: build first`);
  const kb = (n: number): string => `${(n / 1024).toFixed(2)} KB`;
  let worst: PageCost | undefined;
  for (const target of targets) {
    const result = await measurePage(distDir, target);
    console.log(`${result.page}: ${kb(result.total)} min+gzip in ${result.scripts.length} scripts`);
    for (const s of result.scripts) console.log(`  ${s.name.padEnd(60)} ${String(s.minified).padStart(7)} B min  ${String(s.gzipped).padStart(6)} B gzip`);
    if (!worst || result.total > worst.total) worst = result;
  }
  console.log(`largest: ${worst!.page} ${kb(worst!.total)} (budget ${kb(max)})`);
  if (worst!.total > max) {
    console.error(`over budget by ${kb(worst!.total - max)}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
