// A span element's tag alone on its line (`<img …>`) is a paragraph to kramdown inside a quote or a
// list item too, as at the top of a note. Expected HTML: kramdown 2.4 (GFM input, hard_wrap false),
// as printed by `Kramdown::Document.new(text, input: "GFM", hard_wrap: false).to_html`.
import { describe, expect, it } from 'vitest';
import { htmlStructure } from '../../helpers/html-structure.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

const CASES: Array<[string, string]> = [
  ['> <img src="a.png" alt="q">\n', '<blockquote>\n  <p><img src="a.png" alt="q" /></p>\n</blockquote>\n'],
  ['1. one\n\n   <img src="a.png" alt="n">\n', '<ol>\n  <li>\n    <p>one</p>\n\n    <p><img src="a.png" alt="n" /></p>\n  </li>\n</ol>\n'],
];

describe('a picture tag alone on its line', () => {
  for (const [markdown, kramdown] of CASES) {
    it(JSON.stringify(markdown), async () => {
      const { html } = await renderMarkdown(markdown, { figures: false });
      expect(htmlStructure(html)).toBe(htmlStructure(kramdown));
    });
  }
});
