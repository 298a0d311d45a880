// `.html` files with front matter are pages, as in Jekyll: Liquid runs, the site frame wraps
// them, links resolve; a whole HTML document is published as Liquid left it.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/astro-build.ts';
import { writeNotesFolder } from '../helpers/notes-folder.ts';

let build: BuildResult;

beforeAll(() => {
  const notes = writeNotesFolder({
    'projects.html': '---\ntitle: Projects\npermalink: /projects/\n---\n<h2 id="list">Projects</h2>\n\n    <p>Indented <a href="{{ "/about" | relative_url }}">about</a></p>\n',
    'raw.html': '---\n---\n<!doctype html>\n<html><head><title>Raw</title></head><body><p>{{ site.title }}</p></body></html>\n',
    '404.html': '---\npermalink: /404.html\nlayout: default\n---\n<h1>Lost</h1>\n',
    'about.md': '---\ntitle: About\npermalink: /about\n---\nAbout me\n',
    'plain.html': '<p>no front matter {{ site.title }}</p>\n',
    '_config.yml': 'title: HTML Notes\n',
  });
  build = buildSite(notes, { SITE_BASE: '/n/' });
});

describe('.html pages', () => {
  it('renders an .html page with front matter inside the site frame, at its permalink', () => {
    expect(build.status, build.output).toBe(0);
    const html = build.read('projects/index.html');
    expect(html).toContain('<title>Projects · HTML Notes</title>');
    expect(html).toContain('<h2 id="list">Projects');
    // Indented HTML is HTML, not a Markdown code block; Liquid and the base path applied.
    expect(html).toContain('<p>Indented <a href="/n/about">about</a></p>');
  });

  it('publishes a whole HTML document as Liquid left it', () => {
    expect(build.read('raw.html')).toBe('<!doctype html>\n<html><head><title>Raw</title></head><body><p>HTML Notes</p></body></html>\n');
  });

  it('copies an .html file without front matter unchanged', () => {
    expect(build.read('plain.html')).toBe('<p>no front matter {{ site.title }}</p>\n');
  });

  it('keeps the generated 404 page (with search) in place of the notes folder\'s own', () => {
    const notFound = build.read('404.html');
    expect(notFound).toContain('search');
    expect(notFound).not.toContain('<h1>Lost</h1>');
  });
});
