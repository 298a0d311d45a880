// The render cache changes no byte of the site: the sample notes built without it, with it empty
// and with it full give the same files. Likewise the highlight cache: notes rendered again (render
// cache emptied) with their code blocks from it, without starting Shiki.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/astro-build.ts';

function files(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? files(dir, relative) : [relative];
  });
}

describe('the render cache in a build', () => {
  it('gives byte-identical output without it, when cold and when warm', () => {
    const notes = path.resolve('content');
    mkdirSync('.astro', { recursive: true }); // absent in a fresh clone
    const cacheDir = mkdtempSync(path.resolve('.astro', 'render-cache-test-'));
    const uncached = buildSite(notes, { RENDER_CACHE: '0', CACHE_DIR: cacheDir });
    const cold = buildSite(notes, { CACHE_DIR: cacheDir });
    const warm = buildSite(notes, { CACHE_DIR: cacheDir });
    rmSync(path.join(cacheDir, 'notes'), { recursive: true });
    const highlightOnly = buildSite(notes, { CACHE_DIR: cacheDir });
    for (const build of [uncached, cold, warm, highlightOnly]) expect(build.status, build.output).toBe(0);
    expect(cold.output).toMatch(/rendered \d+ notes \(0 unchanged, from the render cache\)/);
    expect(warm.output).toMatch(/rendered (\d+) notes \(\1 unchanged, from the render cache\)/);
    expect(uncached.output).not.toMatch(/highlight cache/);
    expect(cold.output).toMatch(/code blocks: 0 from the highlight cache, [1-9]\d* highlighted by Shiki \([1-9]\d* notes\)/);
    expect(warm.output).not.toMatch(/code blocks:/); // no note rendered
    expect(highlightOnly.output).toMatch(/rendered \d+ notes \(0 unchanged, from the render cache\)/);
    expect(highlightOnly.output).toMatch(/code blocks: [1-9]\d* from the highlight cache, 0 highlighted by Shiki \(0 notes\)/);
    // The warm build's search index is the cold build's, copied (search-index-cache.ts): its bytes
    // are compared with a fresh Pagefind run's below.
    expect(cold.output).not.toMatch(/search index: .*from the cache/);
    expect(warm.output).toMatch(/search index: \d+ pages in pagefind\/ \(unchanged, from the cache\)/);
    // Pagefind read the pages from a staging folder in the cache folder, removed once it was done.
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('search-staging'))).toEqual([]);

    const list = files(uncached.outDir).sort();
    expect(list.length).toBeGreaterThan(10);
    expect(files(cold.outDir).sort()).toEqual(list);
    expect(files(warm.outDir).sort()).toEqual(list);
    expect(files(highlightOnly.outDir).sort()).toEqual(list);
    for (const file of list) {
      const expected = readFileSync(path.join(uncached.outDir, file));
      expect(readFileSync(path.join(cold.outDir, file)).equals(expected), `${file} (cold cache)`).toBe(true);
      expect(readFileSync(path.join(warm.outDir, file)).equals(expected), `${file} (warm cache)`).toBe(true);
      expect(readFileSync(path.join(highlightOnly.outDir, file)).equals(expected), `${file} (highlight cache alone)`).toBe(true);
    }
    // The warnings of cached notes are replayed.
    const warnings = (output: string): string[] => output.split('\n').filter((l) => l.includes('warning [')).map((l) => l.replace(/^.*?\[WARN\] \[study-notes\] /, '')).sort();
    expect(warnings(warm.output)).toEqual(warnings(uncached.output));
  }, 300_000);
});
