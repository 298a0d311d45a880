// GitHub Pages' own Jekyll (no Gemfile, or one naming github-pages): Markdown without front
// matter is a page (and still copied), a README is the index of a folder without one.
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { loadSiteModel } from '../../../src/loader/site-model.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const files = {
  '_config.yml': 'title: Pages\n',
  'index.md': '---\n---\nHome',
  'guide.md': '# Reading guide\n\nNo front matter.',
  'LICENSE.md': 'MIT',
  'docs/README.md': '# Docs\n\nThe folder has no index.',
  'api/README.md': '# API',
  'api/index.md': '---\n---\nAPI home',
};

function model(extra: Record<string, string> = {}) {
  const root = writeNotesFolder({ ...files, ...extra });
  return loadSiteModel(loadSiteConfig({ NOTES_DIR: root }, root), new Diagnostics(root));
}

describe("GitHub Pages' default plugins", () => {
  it('without a Gemfile: optional front matter, titles from headings, README as a folder index', () => {
    const site = model();
    const pages = Object.fromEntries(site.pages.map((p) => [p.outputPath, p]));
    expect(Object.keys(pages).sort()).toEqual(['api/index.html', 'docs/index.html', 'guide.html', 'index.html']);
    expect(pages['guide.html']?.title).toBe('Reading guide');
    expect(pages['docs/index.html']?.relPath).toBe('docs/README.md');
    // The Markdown files are still copied as they are, as GitHub Pages does; LICENSE stays a file.
    expect(site.assets.map((a) => a.relPath).sort()).toEqual(['LICENSE.md', 'api/README.md', 'docs/README.md', 'guide.md']);
  });

  it('with a github-pages Gemfile: the same', () => {
    expect(model({ Gemfile: 'gem "github-pages", group: :jekyll_plugins\n' }).pages.map((p) => p.outputPath)).toContain('guide.html');
  });

  it('with a plain Jekyll Gemfile, or optional_front_matter disabled: files without front matter are copied only', () => {
    expect(model({ Gemfile: 'gem "jekyll"\n' }).pages.map((p) => p.outputPath).sort()).toEqual(['api/index.html', 'index.html']);
    expect(model({ '_config.yml': 'optional_front_matter:\n  enabled: false\nreadme_index:\n  enabled: false\n' }).pages.map((p) => p.outputPath).sort()).toEqual(['api/index.html', 'index.html']);
  });
});
