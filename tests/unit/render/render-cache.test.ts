// The render cache: an unchanged note is reused, and every kind of thing a note depends on —
// its text, include_relative files (also ones that did not exist yet), _includes, the site model
// its Liquid reads, the config, the generator's sources, a diagram's !include — renders it again.
// A hit gives the same HTML and replays the note's warnings. (A wrong hit is a bug.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { createBuildDiagrams, finishDiagrams } from '../../../src/diagrams/build-diagrams.ts';
import { RenderCache } from '../../../src/render/render-cache.ts';
import { renderSite } from '../../../src/render/render-site.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const notes = writeNotesFolder({
  '_config.yml': 'title: Cache Site\n',
  // A plain Jekyll site: without a Gemfile, GitHub Pages' optional front matter would make the
  // included parts/*.md pages of their own.
  Gemfile: 'gem "jekyll"\n',
  '_includes/box.html': '<div class="box">boxed</div>',
  'index.md': '---\ntitle: Home\n---\n\n{% for p in site.pages %}- {{ p.title }}\n{% endfor %}\n',
  'plain.md': '---\ntitle: Plain\n---\n\n# Plain\n\nJust text.\n',
  'inc.md': '---\ntitle: Inc\n---\n\n{% include_relative parts/snippet.md %}\n\n{% include_relative parts/_later.md %}\n',
  'parts/snippet.md': 'Snippet one.',
  'boxed.md': '---\ntitle: Boxed\n---\n\n{% include box.html %}\n',
  'liquid-error.md': '---\ntitle: Broken\n---\n\nText\n\n{% if %}\n',
  'diagram.md': '---\ntitle: Diagram\n---\n\n```plantuml\n@startuml\n!include parts/common.puml\nAlice -> Bob : hi\n@enduml\n```\n',
  'parts/common.puml': 'participant Alice\nparticipant Bob\n',
}, 'render-cache-');
const generator = mkdtempSync(path.join(tmpdir(), 'render-cache-generator-'));
mkdirSync(path.join(generator, 'src'));
writeFileSync(path.join(generator, 'src/a.ts'), 'export const a = 1;\n');
writeFileSync(path.join(generator, 'package-lock.json'), '{}\n');
const cacheDir = mkdtempSync(path.join(tmpdir(), 'render-cache-dir-'));
// One PlantUML service for every build here (the diagram cache is not what this file tests).
const diagrams = createBuildDiagrams({ notesDir: notes, cacheDir });

afterAll(() => {
  finishDiagrams(diagrams, () => {});
  for (const dir of [notes, generator, cacheDir]) rmSync(dir, { recursive: true, force: true });
});

/** One build as a fresh process would run it: a new cache object over the same folder. */
async function build(useCache = true) {
  const config = loadSiteConfig({ NOTES_DIR: notes, CACHE_DIR: cacheDir } as NodeJS.ProcessEnv);
  const cache = useCache ? new RenderCache({ dir: path.join(cacheDir, 'notes'), generatorRoot: generator }) : undefined;
  const diagnostics = new Diagnostics(notes);
  const site = await renderSite(config, { diagrams: () => diagrams }, diagnostics, cache);
  const html = (relPath: string): string => [...site.notes.values()].find((n) => n.page.relPath === relPath)!.html;
  return { site, html, rendered: [...(cache?.rendered ?? [])].sort(), hits: cache?.hits ?? 0, warnings: diagnostics.items.map((d) => diagnostics.format(d)) };
}

const write = (relPath: string, text: string): void => {
  mkdirSync(path.dirname(path.join(notes, relPath)), { recursive: true });
  writeFileSync(path.join(notes, relPath), text);
};

describe('the render cache', () => {
  it('renders everything once, then reuses every note with the same HTML, ids and warnings', async () => {
    const first = await build();
    expect(first.hits).toBe(0);
    expect(first.rendered).toHaveLength(first.site.notes.size);
    expect(first.html('diagram.md')).toContain('<svg');
    const second = await build();
    expect(second.rendered).toEqual([]);
    expect(second.hits).toBe(first.site.notes.size);
    const uncached = await build(false);
    for (const [output, note] of uncached.site.notes) {
      const cached = second.site.notes.get(output)!;
      expect(cached.html).toBe(note.html);
      expect(cached.ids).toEqual(note.ids);
      expect(cached.links).toEqual(note.links);
      expect(cached.headings).toEqual(note.headings);
    }
    // Notes render concurrently: warnings come in completion order.
    expect([...second.warnings].sort()).toEqual([...uncached.warnings].sort());
    expect(second.warnings.some((w) => w.startsWith('liquid-error.md:7: warning [liquid]'))).toBe(true);
  });

  it("re-renders a note whose text changed, and no other (its title is unchanged: site.pages readers stay)", async () => {
    write('plain.md', '---\ntitle: Plain\n---\n\n# Plain\n\nChanged text.\n');
    const after = await build();
    expect(after.rendered).toEqual(['plain.md']);
    expect(after.html('plain.md')).toContain('Changed text.');
  });

  it('re-renders the pages reading site.pages when another page’s front matter changes', async () => {
    write('plain.md', '---\ntitle: Plain renamed\n---\n\n# Plain\n\nChanged text.\n');
    const after = await build();
    expect(after.rendered).toEqual(['boxed.md', 'index.md', 'plain.md']);
    expect(after.html('index.md')).toContain('Plain renamed');
  });

  it('re-renders a note when a file it includes changes, or a file it looked for appears', async () => {
    write('parts/snippet.md', 'Snippet two.');
    let after = await build();
    expect(after.rendered).toEqual(['inc.md']);
    expect(after.html('inc.md')).toContain('Snippet two.');
    write('parts/_later.md', 'Later after all.');
    after = await build();
    expect(after.rendered).toEqual(['inc.md']);
    expect(after.html('inc.md')).toContain('Later after all.');
  });

  it('re-renders {% include %} users when _includes changes', async () => {
    write('_includes/box.html', '<div class="box">reboxed</div>');
    const after = await build();
    expect(after.rendered).toEqual(['boxed.md']);
    expect(after.html('boxed.md')).toContain('reboxed');
  });

  it("re-renders a diagram's note when a file its !include reads changes", async () => {
    write('parts/common.puml', 'participant Alice\nparticipant Carol\n');
    const after = await build();
    expect(after.rendered).toEqual(['diagram.md']);
    expect(after.html('diagram.md')).toContain('>Carol</text>');
  });

  it('re-renders everything when the config or the generator changes, or a page is added', async () => {
    write('_config.yml', 'title: Cache Site 2\n');
    let after = await build();
    expect(after.rendered).toHaveLength(after.site.notes.size);
    writeFileSync(path.join(generator, 'src/a.ts'), 'export const a = 2;\n');
    after = await build();
    expect(after.rendered).toHaveLength(after.site.notes.size);
    write('new.md', '---\ntitle: New\n---\n\nNew page.\n');
    after = await build();
    expect(after.rendered).toHaveLength(after.site.notes.size);
    expect((await build()).rendered).toEqual([]);
  });

  it('ignores a damaged entry and renders the note again', async () => {
    const dir = path.join(cacheDir, 'notes');
    const { readdirSync } = await import('node:fs');
    for (const file of readdirSync(dir)) writeFileSync(path.join(dir, file), 'not an entry');
    const after = await build();
    expect(after.rendered).toHaveLength(after.site.notes.size);
    expect(after.html('plain.md')).toContain('Changed text.');
  });
});
