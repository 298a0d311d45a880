// Links to a note's footnotes keep working as on the Jekyll site: `note.html#fn:1`, `#fnref:name`
// and the repeats' `#fnref:name:1` are ids of the built page, and the link checker finds them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { renderSite } from '../../../src/render/render-site.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const notes = writeNotesFolder(
  {
    '_config.yml': 'title: Footnotes\n',
    'study/note.md': ['---', 'title: Note', '---', '', 'A claim[^1] and a named one[^src], again[^src].', '', '[^1]: First.', '[^src]: The source.', ''].join('\n'),
    'study/other.md': [
      '---',
      'title: Other',
      '---',
      '',
      'See [the first note](note.md#fn:1), [its mark](note.html#fnref:1), [the source](/study/note.html#fn:src),',
      '[its repeat](note.md#fnref:src:1) and [a note that is not there](note.md#fn:9).',
      '',
    ].join('\n'),
  },
  'footnote-anchors-',
);
const cacheDir = mkdtempSync(path.join(tmpdir(), 'footnote-anchors-cache-'));

afterAll(() => {
  for (const dir of [notes, cacheDir]) rmSync(dir, { recursive: true, force: true });
});

describe('links to footnotes', () => {
  it('resolve to the ids kramdown gives them; a missing one is reported at its line', async () => {
    const diagnostics = new Diagnostics(notes);
    const site = await renderSite(loadSiteConfig({ NOTES_DIR: notes, CACHE_DIR: cacheDir } as NodeJS.ProcessEnv), {}, diagnostics);
    const note = [...site.notes.values()].find((rendered) => rendered.page.relPath === 'study/note.md')!;
    expect([...note.ids.ids]).toEqual(expect.arrayContaining(['fn:1', 'fnref:1', 'fn:src', 'fnref:src', 'fnref:src:1']));
    const anchors = diagnostics.items.filter((item) => item.code === 'broken-anchor');
    expect(anchors).toHaveLength(1);
    expect(anchors[0]).toMatchObject({ file: path.join(notes, 'study/other.md'), line: 6 });
    expect(anchors[0]!.message).toContain('"fn:9"');
  });
});
