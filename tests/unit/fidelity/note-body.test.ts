// The normalisations of the Jekyll comparison (tests/helpers/note-body.ts): what our site adds on
// purpose reads the same as Jekyll's markup; a change in the text's structure still shows.
import { describe, expect, it } from 'vitest';
import { jekyllStructure, ourStructure } from '../../helpers/note-body.ts';

// What Jekyll 4.3 (kramdown 2.4, Rouge) converts a note to, before its layout.
const JEKYLL = `<ul id="markdown-toc">
  <li><a href="#one" id="markdown-toc-one">One</a></li>
</ul>
<h2 id="one">One</h2>
<p>See <a href="other.html">the other</a> and <code class="language-plaintext highlighter-rouge">x</code>.</p>
<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>plain
</code></pre></div></div>
<div class="language-bash highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="nb">echo </span>hi
</code></pre></div></div>
<div class="image-wrapper">
  <img src="./a.png" alt="A">
  <div class="image-caption">A picture</div>
  <script type="text/plain">@startuml
A -> B
@enduml</script>
</div>
<p><img src="b.png" alt="B"></p>
<table><tbody><tr><td colspan="2">Section</td></tr><tr><td>1</td><td>2</td></tr></tbody></table>
<ul>
  <li>a
    <ul>
      <li>b</li>
    </ul>
  </li>
</ul>
`;

// Our built page of the same note: layout around it, anchors, copy buttons, Shiki, figures, nav TOC.
const ours = (body: string): string => `<!doctype html><html><body><header><a href="/">Home</a></header>
<main><article class="prose"><h1 class="note-title">Title from front matter</h1>${body}</article></main></body></html>`;
const OUR_BODY = `<nav class="toc-inline"><p class="toc-title">Contents</p><ol class="toc-list"><li><a href="#one">One</a></li></ol></nav>
<h2 id="one">One<a class="heading-anchor" href="#one"><span>#</span></a></h2>
<p>See <a href="/study/other.html">the other</a> and <code>x</code>.</p>
<div class="code-block"><button class="copy-code">Copy</button><pre><code class="language-plaintext">plain
</code></pre></div>
<div class="code-block"><button class="copy-code">Copy</button><pre class="shiki github-light" tabindex="0"><code class="language-bash"><span class="line"><span style="color:red">echo</span><span> hi</span></span></code></pre></div>
<figure class="figure diagram" data-figure="diagram" id="fig-a"><div class="figure-media"><svg><text>A</text></svg></div><figcaption>A picture</figcaption>
<details class="diagram-source"><summary>PlantUML source</summary><pre><code class="language-plantuml">@startuml
A -> B
@enduml</code></pre></details></figure>
<figure class="figure" data-figure="image" id="fig-b"><div class="figure-media"><img src="/study/b.png" alt="B"></div><button class="figure-enlarge">Enlarge</button></figure>
<div class="table-scroll"><table class="study-table"><tbody><tr><td colspan="2">Section</td></tr><tr><td>1</td><td>2</td></tr></tbody></table></div>
<ul>
<li>a
<ul>
<li>b</li>
</ul>
</li>
</ul>`;

const URL = '/study/note';

describe('the structure compared with Jekyll', () => {
  it('sets aside what our site adds on purpose', () => {
    expect(ourStructure(ours(OUR_BODY), URL)).toBe(jekyllStructure(JEKYLL, URL));
  });

  it('still sees a change in list nesting, a class of ours, a missing language, a heading id, a link, a diagram source', () => {
    const changes: Array<[string, string]> = [
      ['<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>', '<li>a</li>\n<li>b</li>\n</ul>'],
      ['<tr><td colspan="2">', '<tr class="section-row"><td colspan="2">'],
      ['<code class="language-plaintext">plain', '<code>plain'],
      ['<h2 id="one">', '<h2 id="one-1">'],
      ['<p>See <a href="/study/other.html">', '<p>See <a href="/other.html">'],
      ['A -> B\n@enduml</code></pre></details>', 'A -> C\n@enduml</code></pre></details>'],
    ];
    for (const [from, to] of changes) {
      const body = OUR_BODY.replace(from, to);
      expect(body, from).not.toBe(OUR_BODY);
      expect(ourStructure(ours(body), URL), to).not.toBe(jekyllStructure(JEKYLL, URL));
    }
  });
});
