import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { loadSiteModel } from '../../../src/loader/site-model.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

describe('the site model', () => {
  const root = writeNotesFolder({
    '_config.yml': 'title: My Notes\nbaseurl: /notes\ndefaults:\n  - scope: { path: study }\n    values: { layout: study }\n',
    'study/a.md': '---\ntitle: A\npermalink: /study/a\nleetcode_id: 7\n---\nBody',
    'study/b.md': '---\npermalink: /study/a\n---\n# B',
    'study/c.md': '---\n---\n# Heading Title\n',
    // A plain Jekyll site (its Gemfile names jekyll, not github-pages): no optional front matter.
    Gemfile: 'source "https://rubygems.org"\ngem "jekyll"\n',
    'study/plain.md': '# No front matter: copied as a file',
    'study/assets/x.png': 'png',
    '_drafts/d.md': '---\ntitle: D\n---\n',
    '.hidden/e.md': '---\n---\n',
    'study/_partial.md': '---\n---\n',
    'node_modules/x/readme.md': '---\n---\n',
  });
  const diagnostics = new Diagnostics(root);
  const config = loadSiteConfig({ NOTES_DIR: root }, root);
  const model = loadSiteModel(config, diagnostics);

  it('reads _config.yml: title, base path, folder defaults', () => {
    expect(config.title).toBe('My Notes');
    expect(config.base).toBe('/notes/');
    expect(model.pages.find((p) => p.relPath === 'study/a.md')?.layout).toBe('study');
  });

  it('publishes pages and files by Jekyll rules', () => {
    expect(model.pages.map((p) => p.relPath)).toEqual(['study/a.md', 'study/c.md']);
    expect(model.assets.map((a) => a.relPath)).toEqual(['study/assets/x.png', 'study/plain.md']);
  });

  it('keeps every front matter key and takes a title from the first heading', () => {
    expect(model.pages[0]?.data.leetcode_id).toBe(7);
    expect(model.pages[1]?.title).toBe('Heading Title');
    expect(model.pages[1]?.url).toBe('/study/c.html');
  });

  it('reports two pages claiming one URL, naming both files', () => {
    expect(diagnostics.items).toHaveLength(1);
    expect(diagnostics.format(diagnostics.items[0]!)).toMatch(/^study\/b\.md:1: error \[duplicate-url\] URL \/study\/a is already claimed by study\/a\.md/);
  });

  it('knows every URL it serves', () => {
    expect([...model.servedUrls]).toEqual(expect.arrayContaining(['/study/a', '/study/a.html', '/study/c.html', '/study/assets/x.png']));
  });

  it('lets SITE_BASE override _config.yml', () => {
    expect(loadSiteConfig({ NOTES_DIR: root, SITE_BASE: '/' }, root).base).toBe('/');
    expect(loadSiteConfig({ NOTES_DIR: root, SITE_BASE: 'x/y' }, root).base).toBe('/x/y/');
  });
});
