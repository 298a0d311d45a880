// Pagefind's directory indexing must give every page the URL it had when handed over one by one:
// the staged file names are checked against what the real Pagefind makes of them.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BuiltPage } from '../../../src/integration/built-pages.ts';
import { SEARCH_EXCLUDE, stagedCopy, writeSearchIndex } from '../../../src/integration/pagefind.ts';
import * as pagefind from 'pagefind';
import { StagingFolder, stagedFileFor, stagingPlan, trimmedForIndex, withoutSkippedElements } from '../../../src/integration/search-staging.ts';

const note = (word: string): string =>
  `<!doctype html><html lang="en"><head><title>${word}</title></head><body><article data-pagefind-body><h1>${word}</h1><p>The word ${word} and common words.</p></article></body></html>`;

/** Pages that answer after a random pause, so reads and writes finish in a different order each run. */
function pages(urls: string[]): BuiltPage[] {
  return urls.map((url, i) => ({
    file: `page-${i}.html`,
    url,
    read: async () => {
      await sleep(Math.random() * 15);
      return note(`word${i}`);
    },
    unlisted: false,
  }));
}

/** The URL of each indexed page (Pagefind's fragment files: gzip, a signature, then JSON). */
function indexedUrls(outDir: string): string[] {
  const dir = path.join(outDir, 'pagefind/fragment');
  return readdirSync(dir)
    .map((file) => {
      const text = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
      return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
    })
    .sort();
}

/** Every file of the index with its bytes, to compare two runs. */
function indexBytes(outDir: string): Map<string, string> {
  const dir = path.join(outDir, 'pagefind');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)).toString('base64')]));
}

// tmpfs lists a folder in creation order: there, files created as reads finish would reorder the index.
const scratchRoot = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

describe('stagedFileFor', () => {
  it('stages a page at its URL, and a folder URL as the folder\'s index.html', () => {
    expect(stagedFileFor('/study/x')).toBe('study/x');
    expect(stagedFileFor('/study/x.html')).toBe('study/x.html');
    expect(stagedFileFor('/study/x/')).toBe('study/x/index.html');
    expect(stagedFileFor('/')).toBe('index.html');
    expect(stagedFileFor("/a/it's-(1)_~v2.0")).toBe("a/it's-(1)_~v2.0");
  });

  it('has no file for a URL Pagefind would spell otherwise or cannot reach', () => {
    for (const url of ['/study/index.html', '/index.html', '/notes/café', '/a b', '/a%20b', '/a?b', '/a#b', '/a//b', '/a/../b', '/./a', 'relative', `/${'x'.repeat(201)}`]) {
      expect(stagedFileFor(url), url).toBeUndefined();
    }
  });
});

describe('stagingPlan', () => {
  it('stages every page when no two files collide', () => {
    expect(stagingPlan(['/', '/study/', '/study/x', '/study/y.html'])).toEqual(['index.html', 'study/index.html', 'study/x', 'study/y.html']);
  });

  it('gives up when one page\'s file is another\'s folder, when names differ only in case, or when a URL has no file', () => {
    expect(stagingPlan(['/a', '/a/b'])).toBeUndefined();
    expect(stagingPlan(['/a/b', '/a'])).toBeUndefined();
    expect(stagingPlan(['/a', '/a/'])).toBeUndefined();
    expect(stagingPlan(['/Notes/x', '/notes/y'])).toEqual(['Notes/x', 'notes/y']);
    expect(stagingPlan(['/Notes', '/notes'])).toBeUndefined();
    expect(stagingPlan(['/a', '/notes/café'])).toBeUndefined();
  });
});

describe('the search index written from the staging folder', () => {
  const urls = ['/', '/study/', '/study/x', '/study/y.html', "/study/it's-(1)", '/notes/a,b:c$d*e@f', '/setup/macos/', '/a/b/c'];

  it('gives every page its exact URL, leaves no staging folder behind, and the same bytes run after run', async () => {
    const scratch = mkdtempSync(path.join(scratchRoot, 'search-staging-test-'));
    const first = mkdtempSync(path.join(tmpdir(), 'search-staged-'));
    const second = mkdtempSync(path.join(tmpdir(), 'search-staged-'));
    const summary = await writeSearchIndex(first, pages(urls), scratch);
    expect(summary).toEqual({ pages: urls.length, fromCache: false });
    expect(indexedUrls(first)).toEqual([...urls].sort());
    expect(readdirSync(scratch)).toEqual([]);
    await writeSearchIndex(second, pages(urls), scratch);
    expect(indexBytes(second)).toEqual(indexBytes(first));
  }, 60_000);

  it('keeps exact URLs for a site with a URL no file is named by (every page handed over one by one)', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'search-fallback-'));
    const withAccent = [...urls, '/notes/café', '/study/index.html'];
    await writeSearchIndex(outDir, pages(withAccent), mkdtempSync(path.join(tmpdir(), 'search-scratch-')));
    expect(indexedUrls(outDir)).toEqual([...withAccent].sort());
  }, 60_000);
});

describe('the staged copy of a note page', () => {
  const NOTE = readFileSync(path.resolve('tests/fixtures/search/note.html'), 'utf8');
  const HOME = readFileSync(path.resolve('tests/fixtures/search/home.html'), 'utf8');
  /** The note in the site's frame: a sidebar and a table of contents before it, a footer after. */
  const framed = NOTE.replace('<main>', '<aside data-pagefind-ignore><a href="/x">Sidebar words</a></aside><nav class="toc">Toc words</nav><main>').replace(
    '</main>',
    '<div class="note-end" data-pagefind-ignore>Footer words</div></main><footer>Site footer</footer>',
  );

  it('keeps the head and the body article, and leaves the frame out', () => {
    const trimmed = trimmedForIndex(framed);
    expect(trimmed).toMatch(/^<!doctype html>\s*<html lang="en">\s*<head><title>VPC Basics · Study Notes<\/title><\/head>\s*<body><article class="prose" data-pagefind-body>/);
    expect(trimmed).toContain('A NAT Gateway lets private subnets reach the internet.');
    expect(trimmed.endsWith('</article></body></html>')).toBe(true);
    for (const frame of ['Header words', 'Sidebar words', 'Toc words', 'Footer words', 'Site footer']) expect(trimmed).not.toContain(frame);
  });

  it('is the whole page when the cut could change what Pagefind reads', () => {
    const withMeta = framed.replace('<header>', '<header data-pagefind-meta="section:Network">');
    const twoBodies = framed.replace('<footer>', '<footer data-pagefind-body>');
    const noArticle = framed.replace(/<article class="prose" data-pagefind-body>/, '<div data-pagefind-body>').replace('</article>', '</div>');
    for (const page of [HOME, withMeta, twoBodies, noArticle]) expect(trimmedForIndex(page)).toBe(page);
  });

  it('leaves out the elements Pagefind skips, unless the cut is not plainly right', () => {
    const page = '<article data-pagefind-body><p>Words</p><svg viewBox="0 0 1 1"><text>label</text></svg><pre class="shiki"><code>x &lt; y</code></pre><pre-note>kept</pre-note></article>';
    expect(withoutSkippedElements(page, ['svg', 'pre'])).toBe('<article data-pagefind-body><p>Words</p><pre-note>kept</pre-note></article>');
    const nested = '<svg><svg><text>a</text></svg><text>b</text></svg><pre>x</pre>';
    expect(withoutSkippedElements(nested, ['svg', 'pre'])).toBe('<svg><svg><text>a</text></svg><text>b</text></svg>');
    const inAttribute = '<p title="<svg>">Words</p><svg><text>a</text></svg>';
    expect(withoutSkippedElements(inAttribute, ['svg'])).toBe(inAttribute);
    // Pagefind lists ids inside skipped elements among the page's anchors: those elements stay.
    const withIds = '<svg><g id="elem_A"><text>A</text></g></svg><pre id="listing"><code>x</code></pre><svg><text>b</text></svg>';
    expect(withoutSkippedElements(withIds, ['svg', 'pre'])).toBe('<svg><g id="elem_A"><text>A</text></g></svg><pre id="listing"><code>x</code></pre>');
  });

  it('gives Pagefind the same index as the whole page', async () => {
    const urls = ['/', '/study/vpc', '/study/vpc-copy/'];
    // The copy's diagram and listing carry ids, as a class diagram's SVG does.
    const withIds = framed
      .replace(/VPC Basics/g, 'VPC Copy')
      .replace('<svg>', '<svg id="d1"><g id="d1-elem_Gateway"><text>Gateway</text></g>')
      .replace('<pre class="shiki">', '<pre class="shiki" id="listing-1">');
    const html = [HOME, framed, withIds];
    const files = stagingPlan(urls)!;
    const indexOf = async (content: (page: string) => string): Promise<Map<string, string>> => {
      const staging = await StagingFolder.create(mkdtempSync(path.join(tmpdir(), 'trim-')), files);
      html.forEach((page, i) => staging.write(i, content(page)));
      const outDir = mkdtempSync(path.join(tmpdir(), 'trim-out-'));
      try {
        const { index } = await pagefind.createIndex({ excludeSelectors: SEARCH_EXCLUDE, forceLanguage: 'en' });
        await index!.addDirectory({ path: staging.dir, glob: staging.glob() });
        await index!.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
      } finally {
        await pagefind.close();
        await staging.remove();
      }
      expect(indexedUrls(outDir)).toEqual(['/study/vpc', '/study/vpc-copy/']);
      return indexBytes(outDir);
    };
    expect(await indexOf(stagedCopy)).toEqual(await indexOf((page) => page));
  }, 60_000);
});

describe('StagingFolder', () => {
  it('removes the staging folders a stopped build left behind, not a running build\'s', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'staging-parent-'));
    const hoursAgo = (hours: number): Date => new Date(Date.now() - hours * 3600_000);
    mkdirSync(path.join(parent, 'search-staging-stopped', 'study'), { recursive: true });
    utimesSync(path.join(parent, 'search-staging-stopped'), hoursAgo(2), hoursAgo(2));
    mkdirSync(path.join(parent, 'search-staging-running'));
    mkdirSync(path.join(parent, 'search'));
    utimesSync(path.join(parent, 'search'), hoursAgo(2), hoursAgo(2));
    const staging = await StagingFolder.create(parent, ['index.html']);
    expect(readdirSync(parent).sort()).toEqual(['search', 'search-staging-running', path.basename(staging.dir)].sort());
    await staging.remove();
    expect(readdirSync(parent).sort()).toEqual(['search', 'search-staging-running']);
  });
});
