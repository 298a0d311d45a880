// Which built files are pages, the URL each is served at, and which stay out of the sitemap.
import { describe, expect, it } from 'vitest';
import { listBuiltPages } from '../../../src/integration/built-pages.ts';
import { shortUrlFor } from '../../../src/loader/permalink.ts';
import type { Page, SiteModel } from '../../../src/loader/site-model.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const outDirWith = (files: Record<string, string>): string => writeNotesFolder(files, 'built-pages-');

const modelWith = (pages: Array<Pick<Page, 'outputPath' | 'url' | 'data'>>): SiteModel =>
  ({ pageByOutput: new Map(pages.map((p) => [p.outputPath, p])) }) as unknown as SiteModel;

describe('built pages', () => {
  it('serves x/index.html at /x/ and x.html at /x', () => {
    expect(shortUrlFor('index.html')).toBe('/');
    expect(shortUrlFor('study/index.html')).toBe('/study/');
    expect(shortUrlFor('study/aiModels.html')).toBe('/study/aiModels');
  });

  it('lists pages at their permalinks, skips 404, build assets and the search index, and marks unlisted ones', async () => {
    const dir = outDirWith({
      'index.html': '<html><body>home</body></html>',
      '404.html': '<html></html>',
      'study/index.html': '<html></html>',
      'study/old.html': '<html></html>',
      'study/draft.html': '<html></html>',
      'study/private.html': '<html><head><meta name="robots" content="noindex"></head></html>',
      'pagefind/ui.html': '<html></html>',
      '_astro/x.html': '<html></html>',
      'study/diagram.svg': '<svg/>',
    });
    const model = modelWith([
      { outputPath: 'study/old.html', url: '/study/old.html', data: {} },
      { outputPath: 'study/draft.html', url: '/study/draft', data: { sitemap: false } },
    ]);
    const pages = await listBuiltPages(dir, model);
    expect(pages.map((p) => [p.file, p.url, p.unlisted])).toEqual([
      ['index.html', '/', false],
      ['study/draft.html', '/study/draft', true],
      ['study/index.html', '/study/', false],
      ['study/old.html', '/study/old.html', false],
      ['study/private.html', '/study/private', true],
    ]);
    expect(await pages[0]!.read()).toContain('home');
  });
});
