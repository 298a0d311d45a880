// Records every id of the finished page (and which repeat) for the link checker.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { collectPageIds } from '../../checks/page-ids.ts';

const rehypeCollectIds: Plugin<[], Root> = () => (tree, file) => {
  if (file.data.note) file.data.note.ids = collectPageIds(tree);
};

export default rehypeCollectIds;
