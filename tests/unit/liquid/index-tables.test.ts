// Index pages generate table rows and tiles with Liquid loops, which leave blank lines and
// indentation inside the HTML: kramdown keeps the whole element as HTML, and so must we.
import { describe, expect, it } from 'vitest';
import { kramdownHtmlBlockEnd } from '../../../src/markdown/kramdown-html-block.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

const LIQUID_TABLE = [
  'Intro', // 1
  '', // 2
  '<table class="study-table">', // 3
  '  <tbody>', // 4
  '', // 5
  '    <tr><td><a href="/study/a">A</a></td></tr>', // 6
  '', // 7
  '    <tr><td><a href="/study/b">B</a></td></tr>', // 8
  '', // 9
  '  </tbody>', // 10
  '</table>', // 11
  '', // 12
  '[after](/study/c)', // 13
].join('\n');

describe('HTML blocks across blank lines (kramdown)', () => {
  it('keeps a Liquid-generated table whole instead of turning indented rows into code', async () => {
    const { html, context } = await renderMarkdown(LIQUID_TABLE);
    expect(html).not.toContain('<pre');
    expect(html).toMatch(/<tr><td><a href="\/study\/a">A<\/a><\/td><\/tr>\s*<tr><td><a href="\/study\/b">B<\/a><\/td><\/tr>/);
    // Lines of links inside and after the table are still the note's lines.
    expect(context.links.map((l) => [l.url, l.line])).toEqual([
      ['/study/a', 6],
      ['/study/b', 8],
      ['/study/c', 13],
    ]);
  });

  it('keeps generated tiles in a <div> whole', async () => {
    const { html } = await renderMarkdown('<div class="study-tiles">\n\n    <a class="tile" href="/x">X</a>\n\n</div>\n');
    expect(html).toContain('<div class="study-tiles">');
    expect(html).toContain('<a class="tile" href="/x">X</a>');
    expect(html).not.toContain('<code>');
  });

  it('leaves markdown="1" elements, blank-free blocks and blank lines inside scripts to the usual rules', () => {
    const lines = (text: string) => text.split('\n');
    expect(kramdownHtmlBlockEnd(lines('<details>\n<div markdown="1">\n\n## H\n\n</div>\n</details>'), 0)).toBeUndefined();
    expect(kramdownHtmlBlockEnd(lines('<div>\n<p>x</p>\n</div>'), 0)).toBeUndefined();
    expect(kramdownHtmlBlockEnd(lines('<div>\n<script>\n\n</script>\n</div>'), 0)).toBeUndefined();
    expect(kramdownHtmlBlockEnd(lines('<div>\n<div>\n\n</div>\n</div>\nafter'), 0)).toBe(4);
    expect(kramdownHtmlBlockEnd(lines('<span>\n\n</span>'), 0)).toBeUndefined();
  });
});
