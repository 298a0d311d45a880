// A real `astro build` under a base path, and what a browser would request from it: every URL in
// every built page and stylesheet, checked against the files GitHub Pages would serve.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { buildSite } from './astro-build.ts';

export interface BasePathBuild {
  status: number | null;
  output: string;
  outDir: string;
  base: string;
  origin: string;
  read: (file: string) => string;
}

export function buildUnderBase(notesDir: string, base: string, origin: string): BasePathBuild {
  const env: Record<string, string> = { SITE_BASE: base, SITE_URL: origin };
  if (process.env.CACHE_DIR) env.CACHE_DIR = process.env.CACHE_DIR;
  return { ...buildSite(notesDir, env), base, origin };
}

export function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
}

/** The file GitHub Pages answers `urlPath` with, or undefined. */
export function servedFile(build: BasePathBuild, urlPath: string): string | undefined {
  if (!urlPath.startsWith(build.base)) return undefined;
  const relative = decodeURIComponent(urlPath.slice(build.base.length));
  const candidates = relative === '' || relative.endsWith('/') ? [`${relative}index.html`] : [relative, `${relative}.html`, `${relative}/index.html`];
  return candidates.find((c) => existsSync(path.join(build.outDir, c)) && statSync(path.join(build.outDir, c)).isFile());
}

/** URL-valued attributes, as hast names them. */
const URL_PROPERTIES = ['href', 'src', 'srcSet', 'poster', 'data', 'action', 'dataBase', 'dataModalSrc'];

function urlsOfElement(node: Element): string[] {
  const urls: string[] = [];
  for (const name of URL_PROPERTIES) {
    const value = node.properties[name];
    // hast splits `srcset` into its comma-separated candidates, "url 2x".
    const values = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
    for (const item of values) {
      const url = name === 'srcSet' ? item.trim().split(/\s+/)[0]! : item;
      if (url !== '') urls.push(url);
    }
  }
  // <meta content> holds a URL for og:url, og:image and the like.
  const content = node.properties.content;
  if (node.tagName === 'meta' && typeof content === 'string' && /^(?:https?:)?\/\//.test(content)) urls.push(content);
  return urls;
}

export interface Reference {
  file: string;
  url: string;
}

/** Every URL written in the built HTML and CSS. */
export function references(build: BasePathBuild): Reference[] {
  const found: Reference[] = [];
  for (const file of filesUnder(build.outDir, /\.html$/)) {
    visit(fromHtml(build.read(file)), 'element', (node) => {
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
function requestPath(build: BasePathBuild, file: string, url: string): string | undefined {
  if (/^(?:#|mailto:|tel:|data:|javascript:)/i.test(url)) return undefined;
  const target = new URL(url, new URL(`${build.base}${file}`, build.origin));
  if (target.origin !== build.origin) return undefined; // another site: not ours to check
  return target.pathname;
}

/** A warning of the build (file:line, code) that names `urlPath`. */
const warned = (build: BasePathBuild, urlPath: string): boolean =>
  build.output.split('\n').some((line) => /warning \[[\w-]+\]/.test(line) && line.includes(urlPath));

/** URLs outside the base path, and URLs under it that name no built file. */
export function badReferences(build: BasePathBuild): { checked: number; outside: string[]; missing: string[] } {
  const outside: string[] = [];
  const missing: string[] = [];
  let checked = 0;
  for (const { file, url } of references(build)) {
    const urlPath = requestPath(build, file, url);
    if (urlPath === undefined) continue;
    checked += 1;
    if (!urlPath.startsWith(build.base)) outside.push(`${file}: ${url}`);
    // A picture the note itself lacks is the author's to fix; the build must have said so.
    else if (!servedFile(build, urlPath) && !warned(build, urlPath)) missing.push(`${file}: ${url}`);
  }
  return { checked, outside, missing };
}
