// A start tag inside a paragraph whose attribute value runs across lines: kramdown writes the
// value on one line, the line break as a space (`<a href="test⏎foo">` → href="test foo");
// the HTML parser would keep the line break (and a link to `test%0Afoo`).
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

const START_TAG = /^<[A-Za-z][\w:-]*\s/;
const QUOTED_VALUE = /=\s*("[^"]*"|'[^']*')/g;

const remarkKramdownSpanHtml: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'html', (node, _index, parent) => {
    if (!parent || parent.type === 'root' || !START_TAG.test(node.value) || !/[\r\n]/.test(node.value)) return;
    node.value = node.value.replace(QUOTED_VALUE, (attribute) => attribute.replace(/\r?\n/g, ' '));
  });
};

export default remarkKramdownSpanHtml;
