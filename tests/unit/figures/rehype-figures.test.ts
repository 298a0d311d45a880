// rehype-figures: fixtures of HTML in → HTML out (tests/unit/figures/fixtures/<case>/input.html and
// expected.html; `npm run fixtures:update` rewrites them, a missing one fails), and one note through the real
// Markdown pipeline.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeFigures from '../../../src/markdown/rehype/rehype-figures.ts';
import { expectGolden } from '../../helpers/golden.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

const root = path.resolve('tests/unit/figures/fixtures');

async function figures(html: string): Promise<string> {
  const tree = await unified().use(rehypeFigures).run(fromHtml(html, { fragment: true }));
  return toHtml(tree);
}

describe('rehype-figures fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, async () => {
      const html = await figures(readFileSync(path.join(root, name, 'input.html'), 'utf8'));
      const expectedFile = path.join(root, name, 'expected.html');
      expectGolden(html, expectedFile);
    });
  }
});

describe('rehype-figures', () => {
  it('turns a wrapper picture into a captioned figure with an id and a named enlarge button', async () => {
    const html = await figures(readFileSync(path.join(root, 'image-wrapper', 'input.html'), 'utf8'));
    expect(html).toContain('<figure class="figure" data-figure="image" id="fig-harbour-2">');
    expect(html).toContain('<figcaption>🌅 Harbour</figcaption>');
    expect(html).toContain('aria-label="Enlarge image: 🌅 Harbour"');
    expect(html).toContain('id="author-given"');
    expect(html).toContain('<figcaption>The caption from data-caption</figcaption>');
    // No caption at all: the button is named after the file.
    expect(html).toContain('aria-label="Enlarge image: bare.png"');
    expect(html).not.toContain('image-wrapper');
  });

  it('leaves a wrapper with a PlantUML source to the diagrams plugin', async () => {
    const input = readFileSync(path.join(root, 'diagram-source-left-alone', 'input.html'), 'utf8');
    const html = await figures(input);
    expect(html).not.toContain('<figure');
    expect(html).not.toContain('figure-enlarge');
  });

  it('wraps pictures that stand alone, not inline ones, icons or code', async () => {
    const html = await figures(readFileSync(path.join(root, 'standalone-pictures', 'input.html'), 'utf8'));
    expect(html.match(/<figure /g)).toHaveLength(3);
    expect(html).toContain('<figcaption>Three-tier network</figcaption>');
    expect(html).toContain('<figcaption>A raw HTML picture on its own line</figcaption>');
    expect(html).toContain('<figcaption>In a list</figcaption>');
    expect(html).toContain('<p>Text with a picture <img src="/x/inline.png" alt="inline"> inside');
    expect(html).toContain('<p><img src="/x/icon.png" alt="icon" width="16" height="16"></p>');
    expect(html).not.toContain('fig-not-a-picture');
  });

  it('gives diagram figures unique ids and a button after the drawing; failed diagrams get neither', async () => {
    const html = await figures(readFileSync(path.join(root, 'diagram-figures', 'input.html'), 'utf8'));
    const ids = [...html.matchAll(/<figure [^>]*id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['fig-request-flow-2', 'fig-request-flow-3', 'kept-id', 'fig-direct-connect-physical-vif']);
    expect(html).toContain('aria-label="Enlarge diagram: Named by its SVG only"');
    expect(html).toMatch(/<\/svg><\/div><button type="button" class="figure-enlarge" aria-label="Enlarge diagram: Request flow"/);
    expect(html).toMatch(/<figure class="figure diagram diagram-error" data-figure="diagram-error">\s*<div class="diagram-error-box">/);
    expect(html.match(/figure-enlarge/g)).toHaveLength(4);
  });

  it('is idempotent: a second run adds no second button', async () => {
    const once = await figures(readFileSync(path.join(root, 'diagram-figures', 'input.html'), 'utf8'));
    expect(await figures(once)).toBe(once);
  });

  it("gives kramdown's figure of a {:standalone} picture the figure markup, its id and classes kept", async () => {
    const markdown = '![Harbour at dusk](./assets/harbour.png){:#harbour .wide standalone}\n\n![Inline](./assets/a.png){:standalone} and text\n';
    const { html } = await renderMarkdown(markdown);
    expect(html).toContain('<figure id="harbour" class="figure wide" data-figure="image"><div class="figure-media"><img src="/study/assets/harbour.png" alt="Harbour at dusk"></div>');
    expect(html).toContain('aria-label="Enlarge image: Harbour at dusk"');
    expect(html).toContain('<figcaption>Harbour at dusk</figcaption></figure>');
    expect(html).not.toContain('kramdown-standalone');
    // Not alone in its paragraph: a picture in the text, as in kramdown.
    expect(html).toContain('<p><img src="/study/assets/a.png" alt="Inline"> and text</p>');
  });

  it('makes a Markdown picture in a note a figure, through the real pipeline', async () => {
    const { html } = await renderMarkdown('## Pictures\n\n![A harbour at dusk](./assets/harbour.png)\n\nText.\n');
    expect(html).toContain(
      '<figure class="figure" data-figure="image" id="fig-a-harbour-at-dusk"><div class="figure-media"><img src="/study/assets/harbour.png" alt="A harbour at dusk"></div><button type="button" class="figure-enlarge" aria-label="Enlarge image: A harbour at dusk"',
    );
    expect(html).toContain('<figcaption>A harbour at dusk</figcaption></figure>');
  });
});
