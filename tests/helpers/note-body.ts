// A page's content as the structure compared with Jekyll's (tests/helpers/html-structure.ts):
// Jekyll's converted content and ours, taken out of the built page, each brought to one canonical
// form where our site changes the markup ON PURPOSE. Every normalisation says what and why; the
// structure of the text itself (headings and ids, paragraphs, lists, quotes, rules, tables, code)
// is never normalised.
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { repairMojibake } from '../../src/loader/mojibake.ts';
import { htmlStructure } from './html-structure.ts';

/** Elements our layouts put inside the content column that are not the note's text. */
const LAYOUT_ADDED = [
  'h1.note-title', // the note layout's title, from front matter: Jekyll's layout prints it outside {{ content }}
  'h1.page-heading', // the same on a plain page whose author's layout printed the title
  'p.post-meta', // a post's date, categories and tags under its title (the post layout's part)
  'section.problem-meta', // the leetcode layout's problem header
].join(', ');

type Parent = Root | Element;

const classesOf = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

/** Replaces every element `replace` answers for (not looking inside a replaced one). */
function rewrite(parent: Parent, replace: (node: Element) => ElementContent[] | undefined): void {
  const children: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    const replaced = child.type === 'element' ? replace(child) : undefined;
    if (replaced) children.push(...replaced);
    else {
      if (child.type === 'element') rewrite(child, replace);
      children.push(child);
    }
  }
  parent.children = children;
}

const PLANTUML = /@start\w+/;
const sourceText = (text: string): string => text.trim();

/**
 * A PlantUML diagram, compared by its source: Jekyll shows the author's raw block (an
 * `image-wrapper` with the exported PNG, a caption and a `<script type="text/plain">`, or a
 * ```plantuml fence); we render that source to an SVG figure with the source below it — the
 * point of the generator. Both become `<diagram>` holding the source.
 */
const diagram = (source: string): Element => h('diagram', sourceText(source));

function jekyllDiagram(node: Element): ElementContent[] | undefined {
  const scripts = selectAll('script', node).filter((s) => PLANTUML.test(toString(s)) && /^text\/(plain|x-plantuml)$/i.test(String(s.properties.type ?? '').trim()));
  if (node.tagName === 'script' && scripts.length === 0 && PLANTUML.test(toString(node)) && /^text\/(plain|x-plantuml)$/i.test(String(node.properties.type ?? '').trim())) return [diagram(toString(node))];
  if (classesOf(node).includes('image-wrapper') && scripts[0]) return [diagram(toString(scripts[0]))];
  const code = node.tagName === 'pre' ? select('code.language-plantuml, code.language-puml', node) : undefined;
  if (code) return [diagram(toString(code))];
  // Rouge puts the fence's language on its wrapper: `<div class="language-plantuml highlighter-rouge">`.
  const fenced = classesOf(node).some((c) => c === 'language-plantuml' || c === 'language-puml') ? select('pre code', node) : undefined;
  if (fenced) return [diagram(toString(fenced))];
  // A diagram figure written as raw HTML in the note (as our site would draw it) reads the same on both sides.
  return ourDiagram(node);
}

function ourDiagram(node: Element): ElementContent[] | undefined {
  if (node.tagName !== 'figure' || !classesOf(node).includes('diagram')) return undefined;
  const code = select('details pre code', node);
  return [diagram(code ? toString(code) : '')];
}

/**
 * A picture, compared by its `<img>`: we turn a picture standing alone (in its paragraph, in an
 * `image-wrapper` with a caption div, or a bare `<img>` line) into a `<figure>` the viewer opens,
 * with the caption as `<figcaption>` and an "Enlarge" button. Both sides keep the `<img>` only
 * (so whether a lone picture sits in a `<p>` is not compared: ours is a figure either way).
 */
const picturesAlone = (node: Element): ElementContent[] | undefined =>
  node.tagName === 'p' && node.children.every((c) => (c.type === 'text' && !c.value.trim()) || (c.type === 'element' && c.tagName === 'img')) && select('img', node)
    ? selectAll('img', node)
    : undefined;

function jekyllPicture(node: Element): ElementContent[] | undefined {
  if (node.tagName === 'div' && classesOf(node).includes('image-wrapper')) return selectAll('img', node);
  if (picturesAlone(node)) return picturesAlone(node);
  if (node.tagName === 'figure' && !classesOf(node).includes('highlight')) return selectAll('img', node); // kramdown's `{:standalone}` figure
  return undefined;
}

function ourPicture(node: Element): ElementContent[] | undefined {
  // A paragraph of pictures too small to be figures (icons) stays a paragraph here: the same
  // unwrapping as Jekyll's, or an icon would differ only by the figure rule above.
  return node.tagName === 'figure' ? selectAll('img', node) : picturesAlone(node);
}

/**
 * The table of contents (`* TOC` + `{:toc}`), compared by its entries: kramdown writes
 * `<ul id="markdown-toc">` with an id on every link; ours is a titled `<nav>` (with the same
 * entries) that the page's script follows. Both become `<toc>` with nested `<ul><li><a href>`.
 */
function canonicalList(list: Element): Element {
  return h(
    'ul',
    selectAll(':scope > li', list).map((item) => {
      const link = select(':scope > a', item);
      const sublist = select(':scope > ul, :scope > ol', item);
      return h('li', [...(link ? [h('a', { href: String(link.properties.href ?? '') }, toString(link))] : []), ...(sublist ? [canonicalList(sublist)] : [])]);
    }),
  );
}

function jekyllToc(node: Element): ElementContent[] | undefined {
  return (node.tagName === 'ul' || node.tagName === 'ol') && node.properties.id === 'markdown-toc' ? [h('toc', [canonicalList(node)])] : undefined;
}

function ourToc(node: Element): ElementContent[] | undefined {
  if (node.tagName !== 'nav' || !classesOf(node).includes('toc-inline')) return undefined;
  const list = select('ol.toc-list, ul.toc-list', node);
  return [h('toc', list ? [canonicalList(list)] : [])];
}

/**
 * Code, compared without the highlighters' markup: Jekyll's Rouge writes a block as
 * `<div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>`
 * and marks every code span `language-plaintext highlighter-rouge`; we highlight with Shiki
 * (`<pre><code class="language-x">`, its spans and classes are dropped by htmlStructure).
 * Rouge's block becomes `<pre><code>` with the outer div's attributes (the language class kept:
 * it is what kramdown decided the language was); a code span loses Rouge's two classes.
 */
function jekyllCode(node: Element): ElementContent[] | undefined {
  const classes = classesOf(node);
  // `{% highlight x %}`: `<figure class="highlight"><pre><code class="language-x" data-lang="x">`,
  // with `linenos` a table of line numbers and code inside; ours is `<pre><code class="language-x">`.
  if (node.tagName === 'figure' && classes.includes('highlight')) {
    const code = select('pre > code', node);
    if (!code) return undefined;
    const body = select('td.code pre', code) ?? code;
    return [h('pre', [h('code', { className: classesOf(code) }, toString(body))])];
  }
  if (node.tagName === 'code' && classes.includes('highlighter-rouge')) {
    const kept = classes.filter((c) => c !== 'highlighter-rouge' && c !== 'language-plaintext');
    return [{ ...node, properties: { ...node.properties, className: kept.length ? kept : undefined } }];
  }
  if (node.tagName !== 'div' || !classes.includes('highlighter-rouge')) return undefined;
  const code = select('pre > code', node);
  if (!code) return undefined;
  const { className: _className, ...attributes } = node.properties;
  return [h('pre', attributes, [h('code', { className: classes.filter((c) => c !== 'highlighter-rouge') }, toString(code))])];
}

/**
 * Link targets, resolved against the page's own URL on both sides: our pipeline writes relative
 * links resolved (so they survive the page's move to another URL), kramdown as written.
 */
function resolveLinks(tree: Parent, pageUrl: string): void {
  const page = new URL(pageUrl, 'https://site.invalid');
  const resolve = (value: unknown): unknown => {
    if (typeof value !== 'string' || /^[a-z][\w+.-]*:/i.test(value) || value.startsWith('#')) return value;
    const target = new URL(value, page);
    return target.origin === page.origin ? target.pathname + target.search + target.hash : value;
  };
  rewrite(tree, (node) => {
    if (node.properties.href !== undefined) node.properties.href = resolve(node.properties.href) as string;
    if (node.properties.src !== undefined) node.properties.src = resolve(node.properties.src) as string;
    return undefined;
  });
}

/** The note's text in one of our built pages: the layouts' `<article class="prose">`, else the body. */
function ourContent(page: string): Parent {
  const tree = fromHtml(page);
  const article = select('article.prose', tree) ?? select('body', tree) ?? tree;
  const dropped = new Set(selectAll(LAYOUT_ADDED, article));
  rewrite(article, (node) => (dropped.has(node) ? [] : undefined));
  return article;
}

/** `pageUrl`: the page's URL path (with the site's base), for resolving relative links. */
export function ourStructure(page: string, pageUrl: string): string {
  const content = ourContent(page);
  resolveLinks(content, pageUrl);
  rewrite(content, (node) => ourDiagram(node) ?? ourToc(node) ?? ourPicture(node));
  return htmlStructure(toHtml(content.children as Root['children']), { plaintextCode: true });
}

export function jekyllStructure(content: string, pageUrl: string): string {
  // Text once mis-decoded as Mac Roman and saved ("‚Äì" for "–") is repaired by our build on purpose
  // (src/loader/read-source.ts; README, Faults): the same repair here, so the rest is compared.
  const tree = fromHtml(repairMojibake(content).text, { fragment: true });
  resolveLinks(tree, pageUrl);
  rewrite(tree, (node) => jekyllDiagram(node) ?? jekyllToc(node) ?? jekyllPicture(node) ?? jekyllCode(node));
  return htmlStructure(toHtml(tree), { plaintextCode: true });
}
