// Last build's search index is reused only for the same input, and only when its files are intact.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchIndexCache } from '../../../src/integration/search-index-cache.ts';

async function* pages(...items: Array<[string, string]>): AsyncIterable<{ url: string; content: string }> {
  for (const [url, content] of items) yield { url, content };
}

/** A folder standing for what Pagefind wrote. */
function writtenIndex(root: string): string {
  const dir = path.join(root, 'written');
  mkdirSync(path.join(dir, 'fragment'), { recursive: true });
  writeFileSync(path.join(dir, 'pagefind-entry.json'), '{"version":"1.6.0"}');
  writeFileSync(path.join(dir, 'fragment', 'en_1.pf_fragment'), Buffer.from([0, 1, 2, 3]));
  return dir;
}

describe('SearchIndexCache', () => {
  it('gives the stored index back, file for file, for the same pages in the same order', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'search-cache-'));
    const cache = new SearchIndexCache(path.join(root, 'cache'), 'v1');
    const key = await cache.keyOf(pages(['/a', '<p>alpha</p>'], ['/b', '<p>beta</p>']));
    await cache.store(key, writtenIndex(root), 2);

    const out = path.join(root, 'out', 'pagefind');
    expect(await cache.restore(key, out)).toBe(2);
    expect(readFileSync(path.join(out, 'pagefind-entry.json'), 'utf8')).toBe('{"version":"1.6.0"}');
    expect([...readFileSync(path.join(out, 'fragment', 'en_1.pf_fragment'))]).toEqual([0, 1, 2, 3]);
  });

  it('has another key when a page\'s text, its URL, the order or the generator changes', async () => {
    const cache = new SearchIndexCache(tmpdir(), 'v1');
    const base = await cache.keyOf(pages(['/a', 'alpha'], ['/b', 'beta']));
    const others = [
      await cache.keyOf(pages(['/a', 'alpha!'], ['/b', 'beta'])),
      await cache.keyOf(pages(['/a2', 'alpha'], ['/b', 'beta'])),
      await cache.keyOf(pages(['/b', 'beta'], ['/a', 'alpha'])),
      await cache.keyOf(pages(['/a', 'alpha'])),
      // The boundary between URL and text counts: `/a` + `lpha` is not `/al` + `pha`.
      await cache.keyOf(pages(['/al', 'pha'], ['/b', 'beta'])),
      await new SearchIndexCache(tmpdir(), 'v2').keyOf(pages(['/a', 'alpha'], ['/b', 'beta'])),
    ];
    for (const other of others) expect(other).not.toBe(base);
    expect(await cache.keyOf(pages(['/a', 'alpha'], ['/b', 'beta']))).toBe(base);
  });

  it('gives nothing for another key, and drops a damaged entry instead of publishing it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'search-cache-'));
    const cacheDir = path.join(root, 'cache');
    const cache = new SearchIndexCache(cacheDir, 'v1');
    const key = await cache.keyOf(pages(['/a', 'alpha']));
    await cache.store(key, writtenIndex(root), 1);
    const out = path.join(root, 'out', 'pagefind');

    expect(await cache.restore('another key', out)).toBeUndefined();
    expect(existsSync(out)).toBe(false);

    writeFileSync(path.join(cacheDir, 'search', 'files', 'fragment', 'en_1.pf_fragment'), Buffer.from([9, 9, 9, 9]));
    expect(await cache.restore(key, out)).toBeUndefined();
    expect(existsSync(out), 'no half-copied index is left in the site').toBe(false);
    expect(existsSync(path.join(cacheDir, 'search')), 'the damaged entry is gone').toBe(false);
  });

  it('never writes outside the index folder for an entry that names such a path', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'search-cache-'));
    const cacheDir = path.join(root, 'cache');
    const cache = new SearchIndexCache(cacheDir, 'v1');
    const key = await cache.keyOf(pages(['/a', 'alpha']));
    await cache.store(key, writtenIndex(root), 1);
    const entryFile = path.join(cacheDir, 'search', 'entry.json');
    const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { files: Array<{ path: string }> };
    entry.files[0]!.path = '../escaped.json';
    writeFileSync(entryFile, JSON.stringify(entry));

    const out = path.join(root, 'out', 'pagefind');
    expect(await cache.restore(key, out)).toBeUndefined();
    expect(existsSync(path.join(root, 'out', 'escaped.json'))).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});
