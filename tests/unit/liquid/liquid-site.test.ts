// Liquid over a whole notes folder (renderSite without Astro): errors name the FILE line and
// spare the other pages; site.pages order, page.path and site.data are Jekyll's.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { renderSite, type RenderedSite } from '../../../src/render/render-site.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const notes = writeNotesFolder({
  '_config.yml': 'title: Liquid Site\nbaseurl: /notes\n',
  '_data/people.yml': '- name: Ada\n- name: Linus\n',
  '_data/links/tools.json': '{ "editor": "vim" }',
  'index.md': '---\ntitle: Home\nlayout: home\n---\n\n{% for p in site.pages %}{{ p.path }};{% endfor %}\n\n{{ site.data.people | map: "name" | join: "+" }} {{ site.data.links.tools.editor }} {{ site.baseurl }} {{ site.title }}\n',
  'broken.md': '---\ntitle: Broken\ndescription: |\n  two lines\n  of YAML\nlayout: page\n---\n\nFirst line\n\nSecond {{ page.title }}\n\n{% for x in site.pages %}\n',
  'b/index.md': '---\ntitle: B index\n---\nB',
  'b/zeta.md': '---\ntitle: Zeta\n---\nZ {{ page.path }} {{ page.url }}',
  'a/alpha.md': '---\ntitle: Alpha\n---\nA',
  'a/deep/index.md': '---\ntitle: Deep index\n---\nD',
}, 'jekyll-liquid-');

let site: RenderedSite;
const diagnostics = new Diagnostics(notes);

beforeAll(async () => {
  site = await renderSite(loadSiteConfig({ NOTES_DIR: notes } as NodeJS.ProcessEnv), {}, diagnostics);
});

describe('Liquid over a notes folder', () => {
  it('reports a Liquid error at its line in the FILE (front matter counted) and renders the other pages', () => {
    const liquid = diagnostics.items.filter((d) => d.code === 'liquid');
    expect(liquid).toEqual([expect.objectContaining({ file: path.join(notes, 'broken.md'), line: 13, message: expect.stringContaining('{% for x in site.pages %} not closed') })]);
    expect(site.notes.get('b/zeta.html')?.html).toContain('Z b/zeta.md /b/zeta.html');
    expect(site.notes.get('broken.html')?.html).toContain('First line');
  });

  it('lists site.pages in Jekyll order: by file name, subfolders read before a folder\'s own pages', () => {
    expect(site.notes.get('index.html')?.html).toContain('a/alpha.md;broken.md;a/deep/index.md;b/index.md;index.md;b/zeta.md;');
  });

  it('reads site.data from _data (YAML and JSON, subfolders nested), site.baseurl and site.title', () => {
    expect(site.notes.get('index.html')?.html).toContain('Ada+Linus vim /notes Liquid Site');
  });
});
