// Notes built for a project site at /notes/: every URL a page or stylesheet uses (links,
// pictures, srcset, scripts, styles, Open Graph, search index) must stay under /notes/ and name
// a file the build wrote, as GitHub Pages would serve it. Two note folders: the sample notes,
// and a fixture with every way a note can point at another file.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badReferences, buildUnderBase, filesUnder, servedFile, type BasePathBuild } from '../helpers/base-path-build.ts';

const BASE = '/notes/';
const ORIGIN = 'https://example.github.io';
let build: BasePathBuild;
let fixture: BasePathBuild;

beforeAll(() => {
  build = buildUnderBase(path.resolve('content'), BASE, ORIGIN);
  fixture = buildUnderBase(path.resolve('tests/fixtures/base-path-site'), BASE, ORIGIN);
});

afterAll(() => {
  for (const b of [build, fixture]) {
    if (b) for (const dir of [b.outDir, `${b.outDir}-cache`]) rmSync(dir, { recursive: true, force: true });
  }
});

describe('a build under SITE_BASE=/notes/', () => {
  it('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('keeps every internal URL under /notes/ and every one names a written file', () => {
    const { checked, outside, missing } = badReferences(build);
    expect(checked).toBeGreaterThan(30);
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
    expect(notFound).toContain('<meta property="og:title" content="Page not found · Study Notes">');
  });

  it('writes .nojekyll, 404.html, robots.txt, a sitemap under /notes/ and the search index', () => {
    for (const file of ['.nojekyll', '404.html', 'robots.txt', 'sitemap.xml', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) {
      expect(existsSync(path.join(build.outDir, file)), file).toBe(true);
    }
    const locs = [...build.read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(`${ORIGIN}/notes/study/infrastructureAWSNetwork`);
    for (const loc of locs) expect(servedFile(build, new URL(loc).pathname), loc).toBeDefined();
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
    for (const url of urls) expect(servedFile(build, `${BASE}${url.replace(/^\//, '')}`), url).toBeDefined();
  });
});

describe('notes that link every way under SITE_BASE=/notes/', () => {
  it('build without warnings', () => {
    expect(fixture.status, fixture.output).toBe(0);
    expect(fixture.output).toMatch(/, 0 warnings, /);
  });

  it('resolve root-relative, relative, relative_url, absolute_url, .md, srcset and data-modal-src links under /notes/', () => {
    const { checked, outside, missing } = badReferences(fixture);
    expect(checked).toBeGreaterThan(20);
    expect(outside, 'URLs outside /notes/').toEqual([]);
    expect(missing, 'URLs that name no built file').toEqual([]);
    const links = fixture.read('study/links.html');
    expect(links).toContain('href="/notes/study/other#part-two"');
    expect(links).toContain('srcset="/notes/study/assets/dot.svg 1x, /notes/assets/dot.svg 2x"');
    expect(fixture.read('index.html')).toContain(`href="${ORIGIN}/notes/study/links"`);
  });

  it('do not lend the home page title to the 404 page (neither has a slug)', () => {
    expect(fixture.read('404.html')).toContain('<meta property="og:title" content="Page not found · Base Path Fixture">');
    expect(fixture.read('index.html')).toContain('<meta property="og:title" content="Home">');
  });

  it('leave a `sitemap: false` note out of the sitemap', () => {
    const sitemap = fixture.read('sitemap.xml');
    expect(sitemap).toContain(`<loc>${ORIGIN}/notes/study/other</loc>`);
    expect(sitemap).not.toContain('/study/links<');
  });
});
