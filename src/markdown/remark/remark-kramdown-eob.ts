// kramdown's end-of-block marker `^` (a line of its own) ends the list, quote or paragraph
// before it and shows nothing. Preprocessing turned it into an HTML comment, which ends the
// block in CommonMark too; here that comment leaves the tree.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from '../visit.ts';
import { EOB_COMMENT } from '../preprocess.ts';

const remarkKramdownEob: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'html', (node, index, parent) => {
    if (node.value.trim() !== EOB_COMMENT || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
};

export default remarkKramdownEob;
