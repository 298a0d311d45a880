// What the layouts learn about a page comes from its tree, not from its HTML string.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

describe('page facts', () => {
  it('a note that opens with its own # title, with a picture', async () => {
    const { context } = await renderMarkdown('\n# My title\n\nText with ![pic](./a.png) inline.\n', { base: '/notes/' });
    expect(context.facts).toEqual({ hasFigures: false, image: '/notes/study/a.png', opensWithH1: true });
  });

  it('a picture standing alone becomes a figure the viewer can enlarge', async () => {
    const { context } = await renderMarkdown('Intro.\n\n![A harbour at dusk](./harbour.png)\n');
    expect(context.facts).toEqual({ hasFigures: true, image: '/study/harbour.png', opensWithH1: false });
  });

  it('a note without a title of its own, whose scripts mention pictures', async () => {
    const markdown = 'Intro.\n\n<script>\nconst html = \'<img src="/nope.png">\';\n</script>\n\n# Later heading\n';
    const { context } = await renderMarkdown(markdown);
    expect(context.facts).toEqual({ hasFigures: false, image: undefined, opensWithH1: false });
  });
});
