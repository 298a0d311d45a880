// Differential: the files the real Jekyll writes for tests/fixtures/permalink-site under each
// built-in permalink style and several templates (recorded by scripts/jekyll-permalink-reference.ts)
// are the files the site model publishes: posts, pages, collection documents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { loadSiteModel } from '../../../src/loader/site-model.ts';
import { jekyllInstalled, jekyllReference } from '../../helpers/jekyll-reference.ts';
import { PERMALINK_SETTINGS, withPermalink } from '../../helpers/permalink-site.ts';

const recorded = JSON.parse(readFileSync(path.resolve('tests/fixtures/permalink-site.jekyll.json'), 'utf8')) as Record<string, string[]>;

function ourFiles(dir: string): { files: string[]; warnings: string[] } {
  const diagnostics = new Diagnostics();
  const model = loadSiteModel(loadSiteConfig({ NOTES_DIR: dir }), diagnostics, { now: new Date('2026-01-01T00:00:00Z') });
  const files = [...model.pages.map((p) => p.outputPath), ...model.assets.map((a) => a.relPath)].sort();
  return { files, warnings: diagnostics.items.map((d) => d.message) };
}

describe('permalink styles and templates, as Jekyll writes them', () => {
  it('covers every recorded setting', () => {
    expect(Object.keys(recorded)).toEqual(PERMALINK_SETTINGS);
  });

  for (const setting of PERMALINK_SETTINGS) {
    it(`permalink: ${setting}`, () => {
      const { dir, cleanup } = withPermalink(setting);
      try {
        const ours = ourFiles(dir);
        expect(ours.warnings).toEqual([]);
        expect(ours.files).toEqual([...recorded[setting]!].sort());
      } finally {
        cleanup();
      }
    });
  }

  it.runIf(jekyllInstalled())('the recorded files are what the installed Jekyll writes now (one setting)', () => {
    const { dir, cleanup } = withPermalink('pretty');
    try {
      expect(jekyllReference(dir).files).toEqual(recorded.pretty);
    } finally {
      cleanup();
    }
  });
});
