// The HTML pages a build wrote, with the URL each is served at: what the sitemap lists and search indexes.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { shortUrlFor } from '../loader/permalink.ts';
import type { SiteModel } from '../loader/site-model.ts';
import { mapLimit } from '../shared/map-limit.ts';

export interface BuiltPage {
  /** Output file relative to the output folder, with forward slashes. */
  file: string;
  /** URL path without the base path: the note's permalink, or the path GitHub Pages serves the file at. */
  url: string;
  /** The page's HTML, read from disk when asked: a thousand pages held at once cost ~120 MB. */
  read: () => Promise<string>;
  /** Kept out of the sitemap: `sitemap: false` in front matter, or a `noindex` robots meta tag. */
  unlisted: boolean;
}

/** Files that are not pages of the site even though they are HTML. */
const NOT_PAGES = /^(?:404\.html$|pagefind\/|_astro\/)/;
const NOINDEX = /<meta\s+name=["']robots["']\s+content=["'][^"']*noindex/i;

export async function listBuiltPages(outDir: string, model: SiteModel | undefined): Promise<BuiltPage[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((file) => !NOT_PAGES.test(file))
    .sort();
  const read = (file: string) => (): Promise<string> => readFile(path.join(outDir, file), 'utf8');
  return mapLimit(files, 16, async (file): Promise<BuiltPage> => {
    const page = model?.pageByOutput.get(file);
    return {
      file,
      url: page?.url ?? shortUrlFor(file),
      read: read(file),
      unlisted: page?.data.sitemap === false || NOINDEX.test(await read(file)()),
    };
  });
}
