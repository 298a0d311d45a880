// Render workers give the same site as rendering in one thread: every note's HTML, ids, links and
// headings, and the same warnings — diagrams (asked of the main thread's service) included.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { toString } from 'hast-util-to-string';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { createBuildDiagrams, finishDiagrams } from '../../../src/diagrams/build-diagrams.ts';
import { HighlightCache } from '../../../src/markdown/rehype/highlight-cache.ts';
import { renderSite } from '../../../src/render/render-site.ts';
import { RenderWorkers } from '../../../src/render/render-workers.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const files: Record<string, string> = {
  '_config.yml': 'title: Workers\n',
  'index.md': '---\ntitle: Home\n---\n\n{% for p in site.pages %}- [{{ p.title }}]({{ p.url | relative_url }})\n{% endfor %}\n',
  'parts/common.puml': 'participant Alice\n',
};
for (let n = 1; n <= 45; n++) {
  files[`notes/note-${n}.md`] = [
    '---',
    `title: Note ${n}`,
    '---',
    '',
    `## Section {#s-${n}}`,
    '',
    `Text of note ${n} with \`code\` and [a link](note-${(n % 45) + 1}.md#s-${(n % 45) + 1}) and [a broken one](#nowhere).`,
    '',
    '```ts',
    `const n: number = ${n};`,
    '```',
    '',
    n % 15 === 0 ? '```plantuml\n@startuml\n!include ../parts/common.puml\nAlice -> Bob : note ' + n + '\n@enduml\n```\n' : '',
    n === 7 ? '{% if %}\n' : '',
    '<table class="study-table"><tr><td>cell</td></tr></table>',
    '',
  ].join('\n');
}
const notes = writeNotesFolder(files, 'render-workers-');
const cacheDir = mkdtempSync(path.join(tmpdir(), 'render-workers-cache-'));
const config = loadSiteConfig({ NOTES_DIR: notes, CACHE_DIR: cacheDir } as NodeJS.ProcessEnv);
const diagrams = createBuildDiagrams(config);
const options = { diagrams: () => diagrams };

afterAll(() => {
  finishDiagrams(diagrams, () => {});
  for (const dir of [notes, cacheDir]) rmSync(dir, { recursive: true, force: true });
});

describe('render workers', () => {
  it('render the same site as one thread', async () => {
    const serialDiagnostics = new Diagnostics(notes);
    const serial = await renderSite(config, options, serialDiagnostics);
    let used: RenderWorkers | undefined;
    const parallelDiagnostics = new Diagnostics(notes);
    const parallel = await renderSite(config, options, parallelDiagnostics, undefined, () => {
      used = new RenderWorkers({ size: 2, workerFile: path.resolve('src/render/render-worker.ts'), config, diagrams: () => diagrams });
      return used;
    });
    expect(used, 'workers were started').toBeDefined();
    expect([...parallel.notes.keys()]).toEqual([...serial.notes.keys()]);
    for (const [output, note] of serial.notes) {
      const other = parallel.notes.get(output)!;
      expect(other.html, output).toBe(note.html);
      expect(other.ids).toEqual(note.ids);
      expect(other.links).toEqual(note.links);
      expect(other.headings).toEqual(note.headings);
      expect(other.page.outputPath).toBe(note.page.outputPath);
    }
    expect(parallel.notes.get('notes/note-15.html')!.html).toContain('<svg');
    const warnings = (d: Diagnostics): string[] => d.items.map((item) => d.format(item)).sort();
    expect(warnings(parallelDiagnostics)).toEqual(warnings(serialDiagnostics));
    expect(warnings(serialDiagnostics).some((w) => w.includes('[liquid]'))).toBe(true);
    expect(warnings(serialDiagnostics).some((w) => w.includes('[broken-anchor]'))).toBe(true);
  }, 120_000);

  it("read the build's highlight cache: a cached block is put in place, not highlighted again", async () => {
    const highlight = { dir: mkdtempSync(path.join(tmpdir(), 'render-workers-code-')), version: 'test' };
    const serial = await renderSite(config, { ...options, highlightCache: new HighlightCache({ ...highlight, version: () => highlight.version }) });
    // One entry marked, so that the worker's use of it shows in the note's HTML.
    const files = readdirSync(highlight.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => path.join(highlight.dir, f));
    const marked = files.find((file) => toString(JSON.parse(readFileSync(file, 'utf8')).tree) === 'const n: number = 1;')!;
    const entry = JSON.parse(readFileSync(marked, 'utf8'));
    entry.tree.children[0].children.push({ type: 'text', value: 'from-the-cache' });
    writeFileSync(marked, JSON.stringify(entry));
    const parallel = await renderSite(config, options, new Diagnostics(notes), undefined, () => new RenderWorkers({ size: 2, workerFile: path.resolve('src/render/render-worker.ts'), config, diagrams: () => diagrams, highlightCache: highlight }));
    for (const [output, note] of serial.notes) {
      const html = parallel.notes.get(output)!.html;
      if (output === 'notes/note-1.html') expect(html).toContain('from-the-cache');
      else expect(html, output).toBe(note.html);
    }
    rmSync(highlight.dir, { recursive: true, force: true });
  }, 120_000);
});
