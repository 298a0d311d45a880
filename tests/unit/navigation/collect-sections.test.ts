// What the pipeline records for navigation: the heading each link sits under (backlinks) and each
// section's opening words (link previews).
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

const NOTE = `Intro with a [top link](/study/a).

## First part {#first}

Some **bold** words and a [link](/study/b#x) here.

\`\`\`text
code is not preview text
\`\`\`

<div class="image-wrapper"><img src="/p.png" alt="x"></div>

<table><tr><td><a href="/study/c">in a table</a></td></tr></table>

### Second

${'word '.repeat(100)}
`;

describe('links and sections', () => {
  it('links carry the heading above them; raw HTML links too', async () => {
    const { context } = await renderMarkdown(NOTE);
    const links = context.links.filter((l) => l.attribute === 'href').map((l) => [l.url, l.section?.text]);
    expect(links).toEqual([
      ['/study/a', undefined],
      ['/study/b#x', 'First part'],
      ['/study/c', 'First part'],
    ]);
  });

  it('sections: heading title and the opening words, without code, figures or anchors, cut at a word', async () => {
    const { context } = await renderMarkdown(NOTE);
    const [first, second] = context.sections!;
    expect(first).toEqual({ id: 'first', title: 'First part', text: 'Some bold words and a link here. in a table' });
    expect(second!.id).toBe('second');
    expect(second!.text.length).toBeLessThanOrEqual(280);
    expect(second!.text).toMatch(/^word word .*word…$/);
  });
});
