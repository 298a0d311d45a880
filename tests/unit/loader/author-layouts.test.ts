// The author's _layouts/ read for their role: a layout printing the page title and content is a
// note; one looping over posts, pages or a collection is an index; the parent's role otherwise.
import { describe, expect, it } from 'vitest';
import { readAuthorLayouts } from '../../../src/loader/author-layouts.ts';
import { layoutKindFor, layoutRoleSummary, showsTitle } from '../../../src/layouts/layout-registry.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const root = writeNotesFolder({
  // The site frame: its menu loops over site.pages, which must not make every child an index.
  '_layouts/default.html': '<html><head><title>{{ page.title }}</title></head><body>{% for p in site.pages %}<a>{{ p.title }}</a>{% endfor %}{{ content }}</body></html>',
  '_layouts/note.html': '---\nlayout: default\n---\n<article><h1>{{ page.title }}</h1>{{ content }}</article>',
  '_layouts/list.html': '---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}<ul>{% for post in paginator.posts %}<li>{{ post.title }}</li>{% endfor %}</ul>',
  '_layouts/bare.html': '---\nlayout: note\n---\n<div class="wrap">{{ content }}</div>',
  '_layouts/plain.html': '<main>{{ content }}</main>',
});

describe("the author's layouts by role", () => {
  const roles = readAuthorLayouts(root);

  it('reads each layout for what it does, climbing to its parent only when it does neither', () => {
    expect(Object.fromEntries([...roles].map(([name, info]) => [name, info.role]))).toEqual({ default: 'index', note: 'note', list: 'index', bare: 'note', plain: 'page' });
    expect(roles.get('plain')?.printsTitle).toBe(false); // nothing but content
    expect(roles.get('list')?.printsTitle).toBe(true);
  });

  it('draws note layouts with our note layout and the rest as plain pages; known names stay', () => {
    expect(['note', 'bare', 'list', 'plain', 'post', 'home', 'nowhere'].map((name) => layoutKindFor(name, roles))).toEqual(['note', 'note', 'page', 'page', 'note', 'home', 'page']);
    expect(showsTitle('list', roles)).toBe(true);
    expect(showsTitle('page', roles)).toBe(false);
  });

  it('says which in one line', () => {
    expect(layoutRoleSummary(['note', 'note', 'list', 'post', 'nowhere'], roles)).toBe(
      "layouts by role (the author's _layouts/ read): note (note) → our note layout, 2 pages; list (index) → our plain page, 1 page",
    );
  });
});
