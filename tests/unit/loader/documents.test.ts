// Posts and collection documents from odd input: bad dates, unknown permalink placeholders, drafts
// on request, `published: false`, future dates, nested `_posts` inside `_posts`.
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { loadSiteModel } from '../../../src/loader/site-model.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const root = writeNotesFolder({
  '_config.yml': 'title: T\ntimezone: UTC\ncollections: [notes]\n',
  Gemfile: 'gem "jekyll"\n',
  '_posts/2024-01-01-bad-date.md': '---\ndate: last tuesday\n---\nText',
  '_posts/2024-01-02-odd-link.md': '---\npermalink: /x/:nonsense/:title/\n---\nText',
  '_posts/sub/2024-01-03-nested.md': '---\ntags: null\ncategories: 2024\n---\nText',
  '_posts/not-a-post.md': '---\n---\nNo date in the name: not a post',
  '_posts/2024-01-04-later.md': '---\ndate: 2030-01-01\n---\nFuture',
  '_posts/2024-01-05-hidden.md': '---\npublished: false\n---\nNo',
  '_drafts/idea.md': '---\ntitle: Idea\n---\nDraft',
  '_notes/a.md': '---\ntitle: A\n---\nNot written: output is off',
  '_notes/plain.txt': 'a static file of a collection without output',
});
const now = new Date('2026-01-01T00:00:00Z');

function load(drafts = false) {
  const diagnostics = new Diagnostics(root);
  // A draft without a date is dated by its file, written just now: build "now" after that.
  const model = loadSiteModel(loadSiteConfig({ NOTES_DIR: root }, root), diagnostics, { now: drafts ? new Date(Date.now() + 60_000) : now, drafts });
  return { model, warnings: diagnostics.items.map((d) => diagnostics.format(d)), outputs: model.pages.map((p) => p.outputPath).sort() };
}

describe('posts and documents from odd input', () => {
  it('builds what it can and says what it could not read, naming the file', () => {
    const { outputs, warnings, model } = load();
    expect(outputs).toEqual(['2024/01/01/bad-date.html', '2024/2024/01/03/nested.html', 'x/:nonsense/odd-link/index.html'].sort());
    expect(warnings).toEqual([
      expect.stringMatching(/^_posts\/2024-01-01-bad-date\.md:1: warning \[front-matter\] date "last tuesday" is not a date/),
      expect.stringMatching(/^_posts\/2024-01-02-odd-link\.md:1: warning \[permalink\] permalink "\/x\/:nonsense\/:title\/" has no placeholder :nonsense/),
    ]);
    expect(model.notices).toEqual([expect.stringMatching(/^1 posts not published: dated in the future.*2024-01-04-later\.md/)]);
    const nested = model.pages.find((p) => p.relPath === '_posts/sub/2024-01-03-nested.md')!;
    expect(nested.document?.categories).toEqual(['2024']);
    expect(nested.document?.tags).toEqual([]);
  });

  it('keeps documents of a collection without output listed but unwritten', () => {
    const { model } = load();
    expect(model.collections.find((c) => c.config.label === 'notes')?.docs.map((d) => d.relPath)).toEqual(['_notes/a.md']);
    expect(model.pages.some((p) => p.relPath.startsWith('_notes/'))).toBe(false);
    expect(model.assets.some((a) => a.relPath.startsWith('_notes/'))).toBe(false);
  });

  it('reads _drafts only when asked, dated by the file when the front matter has no date', () => {
    expect(load().outputs.some((o) => o.includes('idea'))).toBe(false);
    const draft = load(true).model.pages.find((p) => p.relPath === '_drafts/idea.md');
    expect(draft?.url).toMatch(/^\/\d{4}\/\d{2}\/\d{2}\/idea\.html$/);
    expect(draft?.document?.draft).toBe(true);
  });
});
