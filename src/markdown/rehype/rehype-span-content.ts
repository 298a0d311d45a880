// The inline Markdown of a `markdown="span"` element (remark-kramdown-html-blocks) stands in a
// wrapper element so that no line breaks come between its pieces; here it takes the wrapper's
// place. Runs straight after mdast → hast, so Markdown notes and `markdownify` alike lose it.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { SPAN_CONTENT_TAG } from '../kramdown-raw-html.ts';
import { visit } from '../visit.ts';

const rehypeSpanContent: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== SPAN_CONTENT_TAG || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1, ...node.children);
    return index;
  });
};

export default rehypeSpanContent;
