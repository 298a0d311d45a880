// An end tag inside a paragraph with no start tag before it (`An invalid </closing> tag`, a cell
// split inside `<em>…</em>`) is text to kramdown, which shows it; the HTML parser would drop it
// silently. Shown as text here too, so the reader sees what Jekyll showed.
import type { Html, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

const END_TAG = /^<\/([A-Za-z][\w:-]*)\s*>$/;
const START_TAG = /^<([A-Za-z][\w:-]*)(?:\s[^>]*)?>$/;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const remarkKramdownStrayTags: Plugin<[], Root> = () => (tree) => {
  visit(tree, (parent) => {
    if (!('children' in parent) || parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem' || parent.type === 'list') return;
    const open: string[] = [];
    parent.children.forEach((child, index) => {
      if (child.type !== 'html') return;
      const value = (child as Html).value.trim();
      const start = START_TAG.exec(value);
      if (start && !VOID.has(start[1]!.toLowerCase()) && !value.endsWith('/>')) open.push(start[1]!.toLowerCase());
      const end = END_TAG.exec(value);
      if (!end) return;
      const at = open.lastIndexOf(end[1]!.toLowerCase());
      if (at >= 0) {
        open.length = at;
        return;
      }
      const text: Text = { type: 'text', value: (child as Html).value, position: child.position };
      (parent.children as unknown[])[index] = text;
    });
  });
};

export default remarkKramdownStrayTags;
