// Header and footer links, icons and page stylesheets picked the Jekyll way, on small notes folders.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { renderSite, type RenderedSite } from '../../../src/render/render-site.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function site(files: Record<string, string>, env: Record<string, string> = {}): Promise<{ site: RenderedSite; warnings: string[] }> {
  const notes = writeNotesFolder(files, 'chrome-');
  folders.push(notes);
  const diagnostics = new Diagnostics(notes);
  const rendered = await renderSite(loadSiteConfig({ NOTES_DIR: notes, ...env } as NodeJS.ProcessEnv), {}, diagnostics);
  return { site: rendered, warnings: diagnostics.items.map((d) => `${d.code}: ${d.message}`) };
}

const page = (title: string, extra = ''): string => `---\ntitle: ${title}\n${extra}---\n\n# ${title}\n`;
const labels = (s: RenderedSite, part: 'header' | 'footer'): string[] => s.chrome[part].map((l) => `${l.label} ${l.href}`);

describe('header links', () => {
  it('without a header of the author\'s: every top-level page with a title (minima), then folder index pages', async () => {
    const { site: s } = await site({
      'index.md': '---\ntitle: Home\n---\n\nWelcome.\n',
      'rules.md': page('Rules', 'permalink: /rules\n'),
      'principles.md': page('Principles'),
      'untitled.md': '---\nlayout: page\n---\n\nNo title anywhere.\n',
      'draft.md': page('Draft', 'hidden: true\n'),
      'study/index.md': page('Study', 'permalink: /study/\n'),
      'study/note.md': page('A note'),
    });
    expect(labels(s, 'header')).toEqual(['Principles /principles.html', 'Rules /rules', 'Study /study/']);
  });

  it('header_pages in _config.yml chooses the pages and their order; a page it names that is missing is reported at its line', async () => {
    const { site: s, warnings } = await site({
      '_config.yml': 'header_pages:\n  - study/note.md\n  - gone.md\n  - rules.md\n',
      'rules.md': page('Rules', 'permalink: /rules\n'),
      'principles.md': page('Principles'),
      'study/note.md': page('A note'),
    });
    expect(labels(s, 'header')).toEqual(['A note /study/note.html', 'Rules /rules']);
    expect(warnings).toEqual(['config: header_pages: no page gone.md in the notes folder; left out of the header']);
    expect(s.diagnostics.items[0]?.line).toBe(3);
  });

  it('the default layout\'s <header> wins over the theme rule; Liquid in it sees site.pages; base paths are kept once', async () => {
    const { site: s, warnings } = await site(
      {
        '_config.yml': 'baseurl: /notes\n',
        '_layouts/default.html':
          '<html><body><header><a href="{{ "/" | relative_url }}">Home</a>{% for p in site.pages %}{% if p.menu %}<a href="{{ p.url | relative_url }}">{{ p.menu }}</a>{% endif %}{% endfor %}</header>{{ content }}<footer><a href="https://example.com/me">me</a></footer></body></html>',
        'rules.md': page('Rules', 'permalink: /rules\nmenu: House rules\n'),
        'principles.md': page('Principles'),
      },
    );
    expect(labels(s, 'header')).toEqual(['House rules /notes/rules']);
    expect(labels(s, 'footer')).toEqual(['me https://example.com/me']);
    expect(warnings).toEqual([]);
  });

  it('the default layout is read inside the layouts it names (layout: base), as Jekyll draws it', async () => {
    const { site: s } = await site({
      '_layouts/default.html': '---\nlayout: base\n---\n<main>{{ content }}</main>',
      '_layouts/base.html': '<html><body><header><nav><a href="/rules">Rules</a></nav></header>{{ content }}<footer><a href="https://github.com/me/notes">repo</a></footer></body></html>',
      'rules.md': page('Rules', 'permalink: /rules\n'),
      'principles.md': page('Principles'),
    });
    expect(labels(s, 'header')).toEqual(['Rules /rules']);
    expect(labels(s, 'footer')).toEqual(['repo https://github.com/me/notes']);
  });

  it('a header link to nothing is left out with a warning; a header with only a home link falls back to the theme rule', async () => {
    const { site: s, warnings } = await site({
      '_includes/header.html': '<nav><a href="/">Home</a><a href="/gone.html">Gone</a></nav>',
      'principles.md': page('Principles'),
    });
    expect(labels(s, 'header')).toEqual(['Principles /principles.html']);
    expect(warnings).toEqual([expect.stringMatching(/^broken-link: site header\/footer link \/gone\.html/)]);
  });

  it('a Liquid error in the header include is reported and the theme rule stands in', async () => {
    const { site: s, warnings } = await site({
      '_includes/header.html': '<nav>{% for p in site.pages %}<a href="{{ p.url }}">{{ p.title }}</a>{% endfor</nav>',
      'principles.md': page('Principles'),
    });
    expect(labels(s, 'header')).toEqual(['Principles /principles.html']);
    expect(warnings).toEqual([expect.stringMatching(/^liquid: site header\/footer/)]);
  });
});

describe('footer links and icons', () => {
  it('without a footer of the author\'s: the repository and GitHub user from _config.yml', async () => {
    const { site: s } = await site({ '_config.yml': 'repository: me/notes\ngithub_username: me\n', 'a.md': page('A') });
    expect(labels(s, 'footer')).toEqual(['Source https://github.com/me/notes', 'me https://github.com/me']);
  });

  it('icons present at the root are linked; an author\'s icon link elsewhere is never fetched', async () => {
    const { site: s } = await site({
      'favicon.ico': 'ico',
      'favicon.png': 'png',
      'apple-touch-icon.png': 'png',
      '_includes/head.html': '<link rel="shortcut icon" href="https://cdn.example.com/i.png"><link rel="icon" href="/img/i.svg">',
      'img/i.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'a.md': page('A'),
    });
    expect(s.chrome.icons.map((i) => `${i.rel} ${i.href}`)).toEqual(['icon /img/i.svg', 'icon /favicon.ico', 'icon /favicon.png', 'apple-touch-icon /apple-touch-icon.png']);
  });
});

describe('a page\'s own stylesheets', () => {
  it('styles / stylesheets / css in front matter, with the base path; a missing one is a broken link at its line', async () => {
    const { site: s, warnings } = await site(
      {
        'assets/setup.css': '.x{}',
        'assets/more.css': '.y{}',
        'setup.md': '---\ntitle: Setup\nstyles:\n  - /assets/setup.css\nstylesheets: assets/more.css\ncss: [/assets/none.css, "https://fonts.example.com/f.css"]\n---\n\nText.\n',
      },
      { SITE_BASE: '/notes/' },
    );
    const note = [...s.notes.values()].find((n) => n.page.relPath === 'setup.md')!;
    expect(note.stylesheets).toEqual(['/notes/assets/setup.css', '/notes/assets/more.css', '/notes/assets/none.css', 'https://fonts.example.com/f.css']);
    expect(warnings).toEqual([expect.stringMatching(/^broken-link: .*\/notes\/assets\/none\.css/)]);
    expect(s.diagnostics.items.find((d) => d.code === 'broken-link')?.line).toBe(6);
  });
});
