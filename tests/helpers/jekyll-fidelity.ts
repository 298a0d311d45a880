// A whole notes folder compared with the real Jekyll: the block structure of every page's content
// (headings and ids, paragraphs, lists, quotes, rules, tables, code) and the pages a reader reaches
// from the home page. Used by `npm run compare-jekyll -- <notes folder>` and by
// tests/build/jekyll-fidelity.test.ts.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { diffLines } from 'diff';
import { parse } from 'yaml';
import { outputPathForUrl } from '../../src/loader/permalink.ts';
import { buildSite } from './astro-build.ts';
import { jekyllBuild, type JekyllBuild } from './jekyll-content.ts';
import { reachablePages } from './reachable.ts';
import { jekyllStructure, ourStructure } from './note-body.ts';

export interface PageComparison {
  /** The page's output file in Jekyll's build (`study/x.html`). */
  file: string;
  source: string;
  status: 'equal' | 'differs' | 'missing';
  /** For a page that differs: the changed lines of the two structures in context, `-` Jekyll's, `+` ours. */
  diff?: string;
  /** For a page that differs: every changed line, without context. */
  changed?: string[];
}

export interface SiteComparison {
  notesDir: string;
  pages: PageComparison[];
  /** Output files Jekyll's site reaches from its home page (none when it has no home page). */
  jekyllReachable: string[];
  /** Of those, the ones ours does not reach (mapped to our output files). */
  unreached: string[];
  /** Our build's output, when kept. */
  ourOutput: string;
}

/** GitHub Pages' plugins apply when there is no Gemfile, or one naming github-pages (as src/loader/github-pages.ts). */
function builtTheGitHubPagesWay(notesDir: string): boolean {
  const gemfile = path.join(notesDir, 'Gemfile');
  return !existsSync(gemfile) || /github-pages/.test(readFileSync(gemfile, 'utf8'));
}

/** The site's base path from `baseurl` in _config.yml (`/` or `/notes/`), as both builds use it. */
function basePath(notesDir: string): string {
  const file = path.join(notesDir, '_config.yml');
  const config = existsSync(file) ? (parse(readFileSync(file, 'utf8')) as { baseurl?: unknown } | null) : null;
  const baseurl = typeof config?.baseurl === 'string' ? config.baseurl.replace(/^\/*|\/*$/g, '') : '';
  return baseurl ? `/${baseurl}/` : '/';
}

/** The changed lines of two structures with one line of context, at most `limit` lines. */
export function shortDiff(jekyll: string, ours: string, limit = 40): string {
  const out: string[] = [];
  const parts = diffLines(`${jekyll}\n`, `${ours}\n`);
  parts.forEach((part, index) => {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.added || part.removed) {
      for (const line of lines) out.push(`${part.added ? '+' : '-'} ${line}`);
      return;
    }
    // Unchanged runs: the line before and after a change, for orientation.
    const before = index > 0 ? lines.slice(0, 1) : [];
    const after = index < parts.length - 1 ? lines.slice(-1) : [];
    if (lines.length <= 2) for (const line of lines) out.push(`  ${line}`);
    else out.push(...before.map((l) => `  ${l}`), '  …', ...after.map((l) => `  ${l}`));
  });
  const trimmed = out[0] === '  …' ? out.slice(1) : out;
  const text = trimmed.slice(0, limit).join('\n');
  return trimmed.length > limit ? `${text}\n  … (${trimmed.length - limit} more lines)` : text;
}

function comparePages(jekyll: JekyllBuild, ourDir: string, base: string): PageComparison[] {
  return Object.entries(jekyll.pages)
    // Rendered but not written (a collection with `output: false`): no page to compare.
    .filter(([file]) => existsSync(path.join(jekyll.outDir, file)))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, page]) => {
      const ourFile = outputPathForUrl(page.url);
      const ourPath = path.join(ourDir, ourFile);
      if (!existsSync(ourPath)) return { file, source: page.source, status: 'missing' };
      const served = `${base}${page.url.replace(/^\//, '')}`;
      const theirs = jekyllStructure(page.content, served);
      const ours = ourStructure(readFileSync(ourPath, 'utf8'), served);
      if (theirs === ours) return { file, source: page.source, status: 'equal' };
      const changed = shortDiff(theirs, ours, Infinity).split('\n').filter((line) => /^[-+] /.test(line));
      return { file, source: page.source, status: 'differs', diff: shortDiff(theirs, ours), changed };
    });
}

/** Builds `notesDir` with Jekyll and with this generator and compares them; `keep`: keep our output. */
export function compareWithJekyll(notesDir: string, options: { keep?: boolean } = {}): SiteComparison {
  const source = path.resolve(notesDir);
  const jekyll = jekyllBuild(source, builtTheGitHubPagesWay(source));
  const base = basePath(source);
  const ours = buildSite(source, { SITE_BASE: base });
  try {
    if (ours.status !== 0) throw new Error(`our build of ${notesDir} failed:\n${ours.output}`);
    const pages = comparePages(jekyll, ours.outDir, base);
    // Jekyll's reachable files as our output files: a page's by its URL, as our URL-keeping writes it.
    const urlOf = new Map(Object.entries(jekyll.pages).map(([file, page]) => [file, page.url]));
    const jekyllReachable = existsSync(path.join(jekyll.outDir, 'index.html')) ? reachablePages(jekyll.outDir, base) : [];
    const ourReachable = new Set(reachablePages(ours.outDir, base));
    const unreached = jekyllReachable.filter((file) => !ourReachable.has(urlOf.has(file) ? outputPathForUrl(urlOf.get(file)!) : file));
    return { notesDir, pages, jekyllReachable, unreached, ourOutput: ours.outDir };
  } finally {
    jekyll.dispose();
    if (!options.keep) {
      rmSync(ours.outDir, { recursive: true, force: true });
      rmSync(`${ours.outDir}-cache`, { recursive: true, force: true });
    }
  }
}
