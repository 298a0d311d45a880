// The search index of the last build, kept in CACHE_DIR/search/. A build whose pages give Pagefind
// exactly what they gave it last time (same URLs, same indexed HTML, same order, same generator and
// Pagefind version) copies that index instead of running Pagefind again: starting Pagefind and
// indexing is most of what a warm build does after Astro (~0.4 s for 80 pages). One entry, the
// latest, so the folder never grows. Like diagram entries, an entry is checked file by file (size
// and SHA-256) before it is used; one that fails the check is ignored and rebuilt.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../shared/map-limit.ts';

interface EntryFile {
  /** Path inside the index folder, with forward slashes. */
  path: string;
  size: number;
  sha256: string;
}

interface Entry {
  key: string;
  /** Pages that had searchable text (the build reports it). */
  pages: number;
  files: EntryFile[];
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export class SearchIndexCache {
  readonly #dir: string;
  readonly #version: string;

  /** `version`: the generator's version (its sources and locked packages, Pagefind's among them). */
  constructor(cacheDir: string, version: string) {
    this.#dir = path.join(cacheDir, 'search');
    this.#version = version;
  }

  /** The key of what Pagefind is given: each page's URL and indexed HTML, in order. */
  async keyOf(inputs: AsyncIterable<{ url: string; content: string }>): Promise<string> {
    const hash = createHash('sha256').update(this.#version).update('\0');
    for await (const { url, content } of inputs) hash.update(url).update('\0').update(content).update('\0');
    return hash.digest('hex');
  }

  /** Copies the index kept under `key` to `outputPath`; the number of pages it indexed, or undefined. */
  async restore(key: string, outputPath: string): Promise<number | undefined> {
    const entry = await this.#readEntry();
    if (entry?.key !== key) return undefined;
    await rm(outputPath, { recursive: true, force: true });
    try {
      // Every file is checked before the first is written: a failed check leaves nothing behind.
      const checked = await mapLimit(entry.files, 16, async (file) => {
        if (path.isAbsolute(file.path) || file.path.split('/').includes('..')) throw new Error(`outside the index: ${file.path}`);
        const data = await readFile(path.join(this.#dir, 'files', file.path));
        if (data.length !== file.size || sha256(data) !== file.sha256) throw new Error(`changed: ${file.path}`);
        return { target: path.join(outputPath, file.path), data };
      });
      // Each write settles before the catch below may clear the folder (none is left in flight).
      let failed = false;
      await mapLimit(checked, 16, async ({ target, data }) => {
        try {
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, data);
        } catch {
          failed = true;
        }
      });
      if (failed) throw new Error('search index: could not copy the cached index');
      return entry.pages;
    } catch {
      // A damaged or partial entry: drop it and what was copied, and let Pagefind write the index.
      await rm(outputPath, { recursive: true, force: true });
      await rm(this.#dir, { recursive: true, force: true });
      return undefined;
    }
  }

  /** Keeps the index Pagefind just wrote in `outputPath` as the entry for `key`, replacing the last. */
  async store(key: string, outputPath: string, pages: number): Promise<void> {
    const staging = `${this.#dir}.${process.pid}.tmp`;
    await rm(staging, { recursive: true, force: true });
    const files: EntryFile[] = [];
    for (const file of await listFiles(outputPath)) {
      const data = await readFile(path.join(outputPath, file));
      const target = path.join(staging, 'files', file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data);
      files.push({ path: file, size: data.length, sha256: sha256(data) });
    }
    const entry: Entry = { key, pages, files };
    await writeFile(path.join(staging, 'entry.json'), JSON.stringify(entry));
    // Swapped in whole, so a build that stops half-way leaves the old entry or none, never a mix.
    await rm(this.#dir, { recursive: true, force: true });
    await rename(staging, this.#dir);
  }

  async #readEntry(): Promise<Entry | undefined> {
    try {
      const entry = JSON.parse(await readFile(path.join(this.#dir, 'entry.json'), 'utf8')) as Entry;
      return typeof entry.key === 'string' && Array.isArray(entry.files) ? entry : undefined;
    } catch {
      return undefined;
    }
  }
}
