// kramdown's `* TOC` + `{:toc}`: the list is replaced, in place, by a table of contents that
// rehype-toc fills once heading ids are known.
import type { List, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { toString } from 'mdast-util-to-string';

export const TOC_PLACEHOLDER = '<nav class="toc-inline" aria-label="Table of contents" data-toc-placeholder=""></nav>';

const TOC_MARK = /(?:^|\n)[ \t]*\{:\s*toc\s*\}[ \t]*$/;

function isTocList(list: List): boolean {
  return list.children.length === 1 && TOC_MARK.test(toString(list.children[0]!));
}

const remarkKramdownToc: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'list', (list, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const next = parent.children[index + 1];
    const markedAfter = next?.type === 'paragraph' && /^\{:\s*toc\s*\}$/.test(toString(next).trim());
    if (!isTocList(list) && !markedAfter) return undefined;
    parent.children.splice(index, markedAfter ? 2 : 1, { type: 'html', value: TOC_PLACEHOLDER, position: list.position });
    return index + 1;
  });
};

export default remarkKramdownToc;
