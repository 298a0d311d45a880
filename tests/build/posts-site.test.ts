// A Jekyll site made of posts (nested `_posts/`), a collection with `output: true`, tags,
// categories, `post_url`, a paginated blog and a custom-named note layout, built here and compared
// with the real Jekyll: the same files at the same paths, and the same links out of its Liquid.
// The reference is recorded by `node scripts/jekyll-reference.ts tests/fixtures/posts-site`;
// where Jekyll is installed it is also built live and compared with the recorded one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/astro-build.ts';
import { jekyllInstalled, jekyllReference, readReference, type BuildReference } from '../helpers/jekyll-reference.ts';

const FIXTURE = path.resolve('tests/fixtures/posts-site');
const recorded = JSON.parse(readFileSync(`${FIXTURE}.jekyll.json`, 'utf8')) as BuildReference;
/** What this generator writes besides Jekyll's files. */
const OURS_ONLY = /^(_astro|pagefind|_preview)(\/|$)|^(404\.html|robots\.txt|sitemap\.xml|\.nojekyll)$/;

let strict: BuildResult;
let ours: BuildReference;

beforeAll(() => {
  strict = buildSite(FIXTURE, { STRICT: '1' });
  ours = readReference(strict.outDir, (rel) => OURS_ONLY.test(rel));
});

describe('a posts-based Jekyll site', () => {
  it('builds clean in strict mode (npm run check), naming the layouts it drew by role in one line', () => {
    expect(strict.status, strict.output).toBe(0);
    expect(strict.output).toMatch(/0 warnings/);
    const roleLines = strict.output.split('\n').filter((line) => line.includes('layouts by role'));
    expect(roleLines).toHaveLength(1);
    expect(roleLines[0]).toMatch(/note \(note\) → our note layout, 2 pages/);
    expect(roleLines[0]).toMatch(/list \(index\) → our plain page/);
    expect(strict.output).toMatch(/1 posts not published: dated in the future/);
  });

  it('writes every file Jekyll writes, at the same path, and no page Jekyll does not', () => {
    expect(ours.files).toEqual(recorded.files);
  });

  it("gives the same links and text out of Liquid: site.posts, site.pages, site.notes, site.collections, post_url, link, paginator, site.tags, site.categories, dates, excerpts, page.next/previous, post.content", () => {
    expect(ours.checks).toEqual(recorded.checks);
  });

  it('draws posts and collection notes with the note layout (title, table of contents) and lists with the plain page', () => {
    const note = strict.read('notes/networking/index.html');
    expect(note).toContain('class="note-shell has-toc"');
    expect(note).toMatch(/<h1[^>]*>Networking<\/h1>/);
    const post = strict.read('research/ml/2024/02/10/deep-dive.html');
    expect(post).toContain('note-main');
    expect(post).toContain('href="/learning/2024/01/05/first-steps.html"'); // post_url inside a post
    expect(strict.read('tags/index.html')).not.toContain('note-shell');
  });

  it.runIf(jekyllInstalled())('matches what the installed Jekyll builds now (the recorded reference is current)', () => {
    expect(jekyllReference(FIXTURE)).toEqual(recorded);
  });
});
