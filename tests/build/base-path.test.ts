// The sample notes built for a project site at /notes/: every URL a page or stylesheet uses
// (links, pictures, scripts, styles, Open Graph, search index) must stay under /notes/ and
// name a file the build wrote, as GitHub Pages would serve it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BASE = '/notes/';
const ORIGIN = 'https://example.github.io';
const build = { status: null as number | null, output: '', outDir: '', read: (file: string) => readFileSync(path.join(build.outDir, file), 'utf8') };

beforeAll(() => {
  // Astro keeps its prerender chunks in `<cwd>/.astro/.prerender/` when the output folder lies
  // outside the project, where parallel builds overwrite each other's; inside, they stay apart.
  mkdirSync('.astro', { recursive: true });
  build.outDir = mkdtempSync(path.resolve('.astro', 'base-path-dist-'));
  const result = spawnSync(path.resolve('node_modules/.bin/astro'), ['build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      NOTES_DIR: path.resolve('content'),
      OUT_DIR: build.outDir,
      CACHE_DIR: process.env.CACHE_DIR ?? path.resolve('.cache'),
      SITE_BASE: BASE,
      SITE_URL: ORIGIN,
      STRICT: '',
      ASTRO_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production', // vitest's NODE_ENV=test would make Astro build for development
    },
    timeout: 300_000,
  });
  build.status = result.status;
  build.output = `${result.stdout}\n${result.stderr}`;
});

afterAll(() => rmSync(build.outDir, { recursive: true, force: true }));

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
}

/** The file GitHub Pages answers `urlPath` with, or undefined. */
function servedFile(urlPath: string): string | undefined {
  if (!urlPath.startsWith(BASE)) return undefined;
  const relative = decodeURIComponent(urlPath.slice(BASE.length));
  const candidates = relative === '' || relative.endsWith('/') ? [`${relative}index.html`] : [relative, `${relative}.html`, `${relative}/index.html`];
  return candidates.find((c) => existsSync(path.join(build.outDir, c)) && statSync(path.join(build.outDir, c)).isFile());
}

/** URL-valued attributes, as hast names them. */
const URL_PROPERTIES = ['href', 'src', 'srcSet', 'poster', 'data', 'action', 'dataBase', 'dataModalSrc'];

function urlsOfElement(node: Element): string[] {
  const urls: string[] = [];
  for (const name of URL_PROPERTIES) {
    const value = node.properties[name];
    if (typeof value !== 'string' || value === '') continue;
    if (name === 'srcSet') urls.push(...value.split(',').map((part) => part.trim().split(/\s+/)[0]!));
    else urls.push(value);
  }
  // <meta content> holds a URL for og:url, og:image and the like.
  const content = node.properties.content;
  if (node.tagName === 'meta' && typeof content === 'string' && /^(?:https?:)?\/\//.test(content)) urls.push(content);
  return urls;
}

interface Reference {
  file: string;
  url: string;
}

function references(): Reference[] {
  const found: Reference[] = [];
  for (const file of filesUnder(build.outDir, /\.html$/)) {
    const tree = fromHtml(build.read(file));
    visit(tree, 'element', (node) => {
      for (const url of urlsOfElement(node)) found.push({ file, url });
    });
  }
  for (const file of filesUnder(build.outDir, /\.css$/)) {
    for (const match of build.read(file).matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/g)) {
      found.push({ file, url: (match[1] ?? match[2])! });
    }
  }
  return found;
}

/** The path part of `url` as the browser would request it from `file`; undefined when it leaves the site. */
function requestPath(file: string, url: string): string | undefined {
  if (/^(?:#|mailto:|tel:|data:|javascript:)/i.test(url)) return undefined;
  const pageUrl = new URL(`${BASE}${file}`, ORIGIN);
  const target = new URL(url, pageUrl);
  if (target.origin !== ORIGIN) return undefined; // another site: not ours to check
  return target.pathname;
}

/** A warning of the build (file:line, code) that names `urlPath`. */
const warned = (urlPath: string): boolean => build.output.split('\n').some((line) => /warning \[[\w-]+\]/.test(line) && line.includes(urlPath));

describe('a build under SITE_BASE=/notes/', () => {
  it('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('keeps every internal URL under /notes/ and every one names a written file', () => {
    const refs = references();
    expect(refs.length).toBeGreaterThan(100);
    const outside: string[] = [];
    const missing: string[] = [];
    for (const { file, url } of refs) {
      const urlPath = requestPath(file, url);
      if (urlPath === undefined) continue;
      if (!urlPath.startsWith(BASE)) outside.push(`${file}: ${url}`);
      // A picture the note itself lacks is the author's to fix; the build must have said so.
      else if (!servedFile(urlPath) && !warned(urlPath)) missing.push(`${file}: ${url}`);
    }
    expect(outside, 'URLs outside /notes/').toEqual([]);
    expect(missing, 'URLs that name no built file').toEqual([]);
  });

  it('points scripts, styles and the search code at /notes/', () => {
    const html = build.read('study/infrastructureAWSNetwork.html');
    expect(html).toMatch(/<link rel="stylesheet" href="\/notes\/_astro\//);
    expect(html).toMatch(/<script type="module" src="\/notes\/_astro\//);
    expect(html).toContain('data-base="/notes/"');
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/notes/study/infrastructureAWSNetwork">`);
  });

  it('gives each note a title, a description from its first paragraph, a canonical URL and Open Graph tags', () => {
    const tree = fromHtml(build.read('study/infrastructureAWSNetwork.html'));
    const meta = new Map<string, string>();
    let title = '';
    visit(tree, 'element', (node) => {
      const key = node.properties.name ?? node.properties.property;
      if (node.tagName === 'meta' && typeof key === 'string') meta.set(key, String(node.properties.content));
      if (node.tagName === 'title' && !title) title = String((node.children[0] as { value?: string } | undefined)?.value);
    });
    expect(title).toBe('AWS Network Services · Study Notes');
    expect(meta.get('description')).toMatch(/^AWS operates one of the largest private fiber-optic backbones in the world\./);
    expect(meta.get('og:title')).toBe('AWS Network Services');
    expect(meta.get('og:type')).toBe('article');
    expect(meta.get('og:url')).toBe(`${ORIGIN}/notes/study/infrastructureAWSNetwork`);
    expect(meta.get('og:description')).toBe(meta.get('description'));
    const notFound = build.read('404.html');
    expect(notFound).toContain('<meta name="robots" content="noindex">');
    expect(notFound).not.toContain('rel="canonical"');
  });

  it('writes .nojekyll, 404.html, robots.txt, a sitemap under /notes/ and the search index', () => {
    for (const file of ['.nojekyll', '404.html', 'robots.txt', 'sitemap.xml', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) {
      expect(existsSync(path.join(build.outDir, file)), file).toBe(true);
    }
    const locs = [...build.read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(`${ORIGIN}/notes/study/infrastructureAWSNetwork`);
    for (const loc of locs) expect(servedFile(new URL(loc).pathname), loc).toBeDefined();
    expect(build.read('robots.txt')).toContain(`Sitemap: ${ORIGIN}/notes/sitemap.xml`);
  });

  it('gives the search index page URLs that resolve under /notes/ once Pagefind adds the base', () => {
    const fragments = filesUnder(path.join(build.outDir, 'pagefind/fragment'), /\.pf_fragment$/);
    expect(fragments.length).toBeGreaterThan(0);
    const urls = fragments.map((f) => {
      const text = gunzipSync(readFileSync(path.join(build.outDir, 'pagefind/fragment', f))).toString('utf8');
      return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
    });
    expect(urls).toContain('/study/infrastructureAWSNetwork');
    for (const url of urls) expect(servedFile(`${BASE}${url.replace(/^\//, '')}`), url).toBeDefined();
  });
});
