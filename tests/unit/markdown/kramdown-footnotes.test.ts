// Footnotes the kramdown way (the markup itself is compared with kramdown's in the conformance
// cases notes-shapes/footnotes-*): what the author is told about footnotes Jekyll drops or shows
// as text, at the line they wrote, and a heading's footnote kept out of its id and contents.
import { describe, expect, it } from 'vitest';
import { FOOTNOTE_CODE } from '../../../src/markdown/remark/remark-kramdown-footnotes.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

describe('kramdown footnotes', () => {
  it('warns at the line of a reference to nothing, of a name in another case and of an unused note', async () => {
    const markdown = [
      'Intro.', // 1
      '', // 2
      'A real one[^a], a missing one[^gone],', // 3
      'and one in another case[^A].', // 4
      '', // 5
      '[^a]: Used.', // 6
      '[^spare]: Never used.', // 7
      '', // 8
      'Escaped: \\[^a] is text.', // 9
    ].join('\n');
    const { html, context } = await renderMarkdown(markdown);
    const warnings = context.diagnostics.items.filter((item) => item.code === FOOTNOTE_CODE).map((item) => [item.line, item.message]);
    expect(warnings).toEqual([
      [4, expect.stringContaining('[^A] has no definition written exactly so')],
      [3, expect.stringContaining('[^gone] has no definition')],
      [7, expect.stringContaining('[^spare] is defined but never referenced')],
    ]);
    expect(html).toContain('a missing one[^gone]');
    expect(html).toContain('in another case[^A].');
    expect(html).not.toContain('Never used');
    expect(html).toContain('<li id="fn:a"><p>Used.\u00a0<a href="#fnref:a" class="reversefootnote" role="doc-backlink">↩</a></p></li>');
  });

  it('leaves a heading’s footnote out of its id, its link label and the table of contents', async () => {
    const markdown = ['* TOC', '{:toc}', '', '## Ports and sockets[^rfc]', '', 'Text.', '', '[^rfc]: RFC 793.'].join('\n');
    const { html, context } = await renderMarkdown(markdown);
    expect(context.headings.map((heading) => [heading.id, heading.text])).toEqual([['ports-and-sockets', 'Ports and sockets']]);
    expect(html).toContain('aria-label="Link to section: Ports and sockets"');
    expect(html.match(/id="fnref:rfc"/g)).toHaveLength(1);
  });
});
