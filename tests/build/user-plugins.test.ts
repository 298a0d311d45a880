// A site built with the user's own remark and rehype plugins (tests/fixtures/user-plugins/astro.config.ts):
// their effects are in the pages, and the link checker sees what they add.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/astro-build.ts';
import { writeNotesFolder } from '../helpers/notes-folder.ts';

const notes = writeNotesFolder({
  'study/a.md': '---\ntitle: A\npermalink: /study/a\n---\n\nFirst paragraph :smile:.\n\nSee [the docs](https://example.com/docs) and [B](./b.md#from-a-rehype-plugin).\n',
  'study/b.md': '---\ntitle: B\npermalink: /study/b\n---\n\nB opens here.\n',
});
let build: BuildResult;

beforeAll(() => {
  build = buildSite(notes, {}, ['--config', 'tests/fixtures/user-plugins/astro.config.ts']);
});

describe('user plugins', () => {
  it('a rehype plugin passed to studyNotes() changes every note', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.read('study/a.html')).toContain('<a href="https://example.com/docs" target="_blank" rel="noopener">the docs</a>');
    expect(build.read('study/b.html')).toContain('<p id="from-a-rehype-plugin">B opens here.</p>');
  });

  it('a remark plugin passed to studyNotes() too', () => {
    expect(build.read('study/a.html')).toContain('First paragraph 😄.');
  });

  it('the link checker sees the ids a plugin adds', () => {
    expect(build.output).toMatch(/pages and 0 files written to .*, 0 errors, 0 warnings/);
  });
});
