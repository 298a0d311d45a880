// The text of a paragraph inside quotes and list items as kramdown reads it (container-text.ts),
// and raw inline elements cut from it with their positions in the note kept exact.
import { describe, expect, it } from 'vitest';
import type { Html, Paragraph, Root } from 'mdast';
import type { Node, Parent } from 'unist';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { containerText } from '../../../src/markdown/container-text.ts';
import remarkKramdownRawSpans from '../../../src/markdown/remark/remark-kramdown-raw-spans.ts';
import { visitParents } from '../../../src/markdown/visit.ts';

/** The first paragraph of `markdown` with its ancestors. */
function firstParagraph(markdown: string): { tree: Root; paragraph: Paragraph; ancestors: Node[] } {
  const tree = unified().use(remarkParse).parse(markdown);
  let found: { paragraph: Paragraph; ancestors: Node[] } | undefined;
  visitParents(tree, 'paragraph', (paragraph, ancestors) => {
    found ??= { paragraph: paragraph as Paragraph, ancestors: [...ancestors] };
  });
  return { tree, ...found! };
}

describe('the text of a block inside containers', () => {
  it("takes a quote's `> ` off its lines and keeps the rest as written, a lazy line whole", () => {
    const markdown = '> Use <mark>this\n>    point\nlazy</mark> here.\n';
    const { paragraph, ancestors } = firstParagraph(markdown);
    const { text, toSource, fromSource } = containerText(markdown, paragraph, ancestors);
    expect(text).toBe('Use <mark>this\n   point\nlazy</mark> here.');
    const point = text.indexOf('point');
    expect(markdown.slice(toSource(point), toSource(point) + 5)).toBe('point');
    expect(fromSource(markdown.indexOf('point'))).toBe(point);
    expect(fromSource(markdown.indexOf('lazy'))).toBe(text.indexOf('lazy'));
    // An offset inside a stripped prefix is where that line's text starts.
    expect(fromSource(markdown.indexOf('>    '))).toBe(text.indexOf('   point'));
  });

  it("takes a list item's indent up to its content column, in a quote too", () => {
    const markdown = '> 1. item <kbd>a\n>      b\n>   c</kbd>\n';
    const { paragraph, ancestors } = firstParagraph(markdown);
    expect(containerText(markdown, paragraph, ancestors).text).toBe('item <kbd>a\n  b\n  c</kbd>');
  });

  it('is the source itself for a paragraph outside containers', () => {
    const markdown = 'a <kbd>x\n   y</kbd>\n';
    const { paragraph, ancestors } = firstParagraph(markdown);
    expect(containerText(markdown, paragraph, ancestors).text).toBe(markdown);
  });
});

describe('raw inline elements across lines of a quote', () => {
  it('hold the text without the prefixes, at their place in the note', () => {
    const markdown = 'Intro.\n\n> Use <mark>this *important*\n> point</mark> here.\n';
    const processor = unified().use(remarkParse).use(remarkKramdownRawSpans);
    const tree = processor.runSync(processor.parse(markdown), new VFile(markdown)) as Root;
    const quote = tree.children[1] as Parent;
    const html = ((quote.children[0] as Paragraph).children as Html[]).find((node) => node.type === 'html')!;
    expect(html.value).toBe('<mark>this *important*\npoint</mark>');
    expect(html.position?.start).toMatchObject({ line: 3, column: 7 });
    expect(html.position?.end).toMatchObject({ line: 4, column: 15 });
  });
});
