// The author's id and attributes on a code block outlive Shiki: raw HTML <pre><code id> and a
// kramdown IAL under a fence.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

const codeTags = (html: string): string[] => [...html.matchAll(/<pre[^>]*>\s*<code[^>]*>/g)].map((m) => m[0]);

describe('code block attributes survive highlighting', () => {
  it('keeps id, data-* and classes of a raw HTML <pre><code>, and still highlights it', async () => {
    const { html } = await renderMarkdown('<pre class="demo"><code class="language-javascript extra" id="snippet" data-runs="1">const a = 1;\n</code></pre>\n');
    const [tag] = codeTags(html);
    expect(tag).toMatch(/<pre [^>]*class="shiki[^"]*\bdemo"/);
    expect(tag).toMatch(/<code [^>]*id="snippet"/);
    expect(tag).toMatch(/<code [^>]*data-runs="1"/);
    expect(tag).toMatch(/<code [^>]*class="language-javascript extra"/);
    expect(html).toMatch(/<span style="color:#D73A49[^"]*">const<\/span>/); // highlighted
  });

  it('applies an IAL on the line under a fence (id, class, key="value") and removes the IAL text', async () => {
    const { html } = await renderMarkdown('```js\nlet b = 2;\n```\n{: #answer .wide data-x="1"}\n\nNext.\n');
    const [tag] = codeTags(html);
    expect(tag).toMatch(/<code class="language-js wide" id="answer" data-x="1">/);
    expect(tag).toMatch(/<pre [^>]*class="shiki/);
    expect(html).not.toContain('{:');
    expect(html).toContain('<p>Next.</p>');
  });

  it('leaves an IAL after a blank line alone (kramdown: it belongs to no code block)', async () => {
    const { html } = await renderMarkdown('```js\nlet b = 2;\n```\n\n{: #far}\n');
    expect(html).not.toContain('id="far"');
  });

  it('a raw <pre> (or <script>) alone on its lines stays a block: no <p> around it, as in kramdown', async () => {
    const { html } = await renderMarkdown('Before.\n\n<pre><code class="language-js" id="one">x()\ny()\n</code></pre>\n\n<script>\n  window.x = 1;\n</script>\n\nInline <script>\nwindow.y = 2;\n</script> stays.\n');
    expect(html).not.toMatch(/<p>\s*<div class="code-block">/);
    expect(html).not.toMatch(/<p>\s*<script>/);
    expect(html).toMatch(/<p>Inline <script>/);
  });

  it('two identical blocks keep their own ids (Shiki output is never shared)', async () => {
    const { html } = await renderMarkdown('<pre><code class="language-js" id="one">x()\n</code></pre>\n\n<pre><code class="language-js" id="two">x()\n</code></pre>\n');
    expect(codeTags(html).map((t) => /id="([^"]+)"/.exec(t)?.[1])).toEqual(['one', 'two']);
  });
});
