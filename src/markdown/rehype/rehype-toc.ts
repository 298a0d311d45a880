// Fills kramdown `{:toc}` placeholders with a nested list of the page's headings.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import type { HeadingEntry } from '../note-context.ts';

/** Nested <ol> of headings, by depth, as kramdown builds it. */
export function tocList(headings: readonly HeadingEntry[]): Element {
  const root = h('ol', { className: ['toc-list'] });
  const stack: Array<{ depth: number; list: Element }> = [{ depth: 0, list: root }];
  for (const heading of headings) {
    while (stack.length > 1 && stack.at(-1)!.depth >= heading.depth) stack.pop();
    const item = h('li', [h('a', { href: `#${heading.id}` }, heading.text)]);
    stack.at(-1)!.list.children.push(item);
    const sublist = h('ol');
    item.children.push(sublist);
    stack.push({ depth: heading.depth, list: sublist });
  }
  // Drop the empty sublists left behind.
  visit(root, 'element', (node) => {
    node.children = node.children.filter((c) => !(c.type === 'element' && c.tagName === 'ol' && c.children.length === 0));
  });
  return root;
}

const rehypeToc: Plugin<[], Root> = () => (tree, file) => {
  // Every level, as kramdown with Jekyll's `toc_levels` (1..6): a note's own `# Title` heads the list.
  const headings = (file.data.note?.headings ?? []).filter((h) => !h.noToc);
  visit(tree, 'element', (node) => {
    if (node.properties.dataTocPlaceholder === undefined) return;
    delete node.properties.dataTocPlaceholder;
    node.children = [h('p', { className: ['toc-title'] }, 'Contents'), tocList(headings) as ElementContent];
  });
};

export default rehypeToc;
