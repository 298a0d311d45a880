// Notes in → figures out: the diagrams plugin in the real pipeline (Liquid, include_relative,
// raw-block restoring) with the real jar, over tests/fixtures/diagrams/notes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import plantumlEncoder from 'plantuml-encoder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { DiagramService, type DiagramServiceOptions } from '../../../src/diagrams/diagram-service.ts';
import { expectGolden } from '../../helpers/golden.ts';
import { renderSite } from '../../../src/render/render-site.ts';

const fixtures = path.resolve('tests/fixtures/diagrams');
const notesDir = path.join(fixtures, 'notes');
const cacheDir = mkdtempSync(path.join(tmpdir(), 'diagrams-rehype-'));
const services: DiagramService[] = [];

async function build(options: Partial<DiagramServiceOptions> = {}) {
  const config = loadSiteConfig({ NOTES_DIR: notesDir, CACHE_DIR: cacheDir }, fixtures);
  const service = new DiagramService({ rootDir: notesDir, cacheDir, poolSize: 2, ...options });
  services.push(service);
  const diagnostics = new Diagnostics(notesDir);
  const site = await renderSite(config, { diagrams: () => ({ service }) }, diagnostics);
  const html = (name: string): string => [...site.notes.values()].find((n) => n.page.relPath === `study/${name}.md`)!.html;
  const warnings = diagnostics.items.filter((d) => d.code.startsWith('diagram')).map((d) => `${path.relative(notesDir, d.file)}:${d.line} ${d.message}`);
  return { html, warnings, service };
}

const figures = (html: string): string[] => html.match(/<figure[\s\S]*?<\/figure>/g) ?? [];

afterAll(() => {
  for (const s of services) s.shutdown();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('rehype-diagrams', () => {
  let result: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    result = await build();
  });

  it('turns every PlantUML source into an inline SVG figure and drops the scripts', () => {
    const html = result.html('figures');
    const found = figures(html);
    expect(found).toHaveLength(5);
    for (const figure of found) {
      expect(figure).toMatch(/^<figure class="figure diagram" data-figure="diagram" id="fig-[^"]+"><div class="figure-media"><svg role="img" aria-label="[^"]+"/);
      expect(figure).toContain('<details class="diagram-source" data-pagefind-ignore=""><summary>PlantUML source</summary>');
    }
    expect(html).not.toContain('<script');
    expect(html).not.toContain('old-export.png'); // the exported picture is only a fallback
    expect(result.warnings.filter((w) => w.startsWith('study/figures.md'))).toEqual([]);
  });

  it('captions from diagram-caption, names the SVG after it, keeps the source and an edit link', () => {
    const login = figures(result.html('figures'))[0]!;
    expect(login).toContain('aria-label="🔐 Login – sequence"');
    expect(login).toContain('<figcaption>🔐 Login – sequence</figcaption>');
    // The source keeps its language class (no highlighting) and gets the copy button of code blocks.
    expect(login).toMatch(/<details class="diagram-source"[^>]*><summary>PlantUML source<\/summary><div class="code-block"><button[^>]*class="copy-code"/);
    expect(login).toContain('<pre><code class="language-plantuml">@startuml\ntitle Login\nactor User\nparticipant App\nUser -> App : sign in');
    const href = /class="diagram-edit" href="https:\/\/www\.plantuml\.com\/plantuml\/uml\/([^"]+)"/.exec(login)?.[1];
    expect(plantumlEncoder.decode(href!)).toContain('User -> App : sign in');
  });

  it('renders include_relative bodies, !include files, fences without @startuml and C4 URLs', () => {
    const [, flow, common, bare, c4] = figures(result.html('figures'));
    expect(flow).toContain('>from include_relative</text>');
    expect(common).toContain('>Nested Server</text>');
    expect(bare).toContain('>fenced without start tag</text>');
    expect(c4).toContain('>Customer</text>');
    expect(c4).toContain('aria-label="Diagram"');
  });

  it('gives each inlined SVG its own ids', () => {
    const ids = [...result.html('figures').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports errors at the note line, with PlantUML’s message, and shows an error box with the source', () => {
    expect(result.warnings.filter((w) => w.startsWith('study/broken.md'))).toEqual([
      expect.stringMatching(/^study\/broken\.md:14 PlantUML: Syntax Error/),
      expect.stringMatching(/^study\/broken\.md:22 PlantUML: Syntax Error/),
      'study/broken.md:28 remote include refused (never fetched): https://example.com/evil.puml',
      'study/broken.md:35 include refused: /etc/passwd is outside the notes folder',
      expect.stringMatching(/^study\/broken\.md:41 include (refused|not found): \.\.\/\.\.\/secret\.txt/),
    ]);
    const found = figures(result.html('broken'));
    expect(found).toHaveLength(5);
    for (const figure of found) {
      expect(figure).toMatch(/^<figure class="figure diagram diagram-error" data-figure="diagram-error"><div class="diagram-error-box">/);
      expect(figure).not.toContain('<svg');
      expect(figure).toContain('<details class="diagram-source" data-pagefind-ignore="" open>');
    }
    expect(found[0]).toContain('Diagram not rendered (study/broken.md:14)');
    expect(found[0]).toContain('this is not plantuml at all');
    expect(result.html('broken')).not.toContain('TOP SECRET');
    expect(result.html('broken')).toContain('After the diagrams.');
  });

  it('matches the expected error figures', () => {
    const file = path.join(fixtures, 'broken.expected.html');
    const actual = `${figures(result.html('broken')).join('\n')}\n`;
    expectGolden(actual, file);
  });

  it('falls back to the author’s picture, with a warning, when Java cannot run', async () => {
    const noJava = await build({ java: '/nonexistent/java', cacheDir: undefined });
    const [login, flow] = figures(noJava.html('figures'));
    expect(login).toBe(
      '<figure class="figure" data-figure="image" id="fig-login-sequence"><div class="figure-media"><img src="/study/assets/old-export.png" alt="Login sequence" class="modal-trigger" data-caption="Login (exported picture)"></div>' +
        '<button type="button" class="figure-enlarge" aria-label="Enlarge image: 🔐 Login – sequence" title="Enlarge" data-pagefind-ignore=""><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M15 3h6v6M9 21H3v-6M21 3l-7 7M3 21l7-7"></path></svg></button>' +
        '<figcaption>🔐 Login – sequence</figcaption></figure>',
    );
    expect(flow).toContain('data-figure="diagram-error"'); // no picture to fall back to
    expect(noJava.warnings).toContainEqual(expect.stringMatching(/^study\/figures\.md:12 diagram not rendered \(.*Java.*\); showing the author's picture \/study\/assets\/old-export\.png instead/));
  });
});
