// Diagram labels in the search index: each diagram's words become a section under a heading with
// the figure's id, at the end of the indexed note, so a hit links to `page#fig-…`.
import { describe, expect, it } from 'vitest';
import { diagramTexts, withDiagramText } from '../../../src/integration/diagram-search-text.ts';

const FIGURE = (id: string, labels: string[], caption = 'A &amp; B flow') =>
  `<figure class="figure diagram" data-figure="diagram" id="${id}"><div class="figure-media"><svg><g>${labels
    .map((l) => `<text x="1" y="2" font-size="12">${l}</text>`)
    .join('')}</g></svg></div><button class="figure-enlarge"></button><figcaption>${caption}</figcaption></figure>`;

const PAGE = `<main><article class="prose" data-pagefind-body><h2 id="s">Section</h2><p>Prose.</p>${FIGURE('fig-a', ['Alice', 'Bob', 'hello &lt;world&gt;', 'Alice'])}<p>After.</p>${FIGURE('fig-b', [])}<figure data-figure="image" id="fig-c"><img alt="x"></figure></article></main>`;

describe('diagram text for search', () => {
  it('reads each rendered diagram\'s labels once, with its id and caption', () => {
    expect(diagramTexts(PAGE)).toEqual([{ id: 'fig-a', caption: 'A &amp; B flow', labels: ['Alice', 'Bob', 'hello &lt;world&gt;'] }]);
  });

  it('adds them as sections at the end of the note, leaving the note\'s own sections alone', () => {
    const indexed = withDiagramText(PAGE);
    expect(indexed).toContain('<p>After.</p>');
    expect(indexed.indexOf('<h6 id="fig-a">Diagram: A &amp; B flow</h6>')).toBeGreaterThan(indexed.indexOf('<p>After.</p>'));
    expect(indexed).toMatch(/<h6 id="fig-a">[^<]*<\/h6><p data-pagefind-weight="0\.5">Alice · Bob · hello &lt;world&gt;<\/p><\/article>/);
    expect(withDiagramText('<article data-pagefind-body><p>no diagrams</p></article>')).toBe('<article data-pagefind-body><p>no diagrams</p></article>');
  });
});
