// The build's diagram service: Smetana layouts reported in one warning, processes stopped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { createBuildDiagrams, finishDiagrams } from '../../../src/diagrams/build-diagrams.ts';
import { renderSite } from '../../../src/render/render-site.ts';

const fixtures = path.resolve('tests/fixtures/diagrams');
const cacheDir = mkdtempSync(path.join(tmpdir(), 'diagrams-build-'));

afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('build diagrams', () => {
  it('without dot on the search path: layouts by Smetana, listed in one warning; processes stopped', async () => {
    process.env.DIAGRAMS_SEARCH_PATH = '/nonexistent-bin';
    const config = loadSiteConfig({ NOTES_DIR: path.join(fixtures, 'notes'), CACHE_DIR: cacheDir }, fixtures);
    const build = createBuildDiagrams(config);
    delete process.env.DIAGRAMS_SEARCH_PATH;
    expect(build.service.hasGraphviz).toBe(false);
    const site = await renderSite(config, { diagrams: () => build }, new Diagnostics());
    const html = [...site.notes.values()].find((n) => n.page.relPath === 'study/figures.md')!.html;
    expect(html).toContain('>Customer</text>'); // the C4 diagram, laid out by Smetana
    expect(html).not.toMatch(/Dot Executable|Cannot find Graphviz/i);

    expect(build.service.liveProcesses).toBeGreaterThan(0);
    const warnings: string[] = [];
    finishDiagrams(build, (file, line, code, message) => warnings.push(`${path.relative(config.notesDir, file)}:${line} [${code}] ${message}`));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^study\/figures\.md:42 \[diagram-layout\] Graphviz \(dot\) not found: 1 diagram\(s\) laid out with PlantUML's Smetana engine .*: study\/figures\.md:42\./);
    expect(build.service.liveProcesses).toBe(0);
  });
});
