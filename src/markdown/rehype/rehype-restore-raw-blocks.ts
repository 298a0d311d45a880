// Puts back the <script>/<style>/<pre> elements and whole HTML blocks that preprocessing set aside
// (see preprocess.ts).
import type { ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { RAW_BLOCK_TAG } from '../preprocess.ts';

/** Shifts positions of a parsed fragment so they count from `line` of the Markdown. */
function shiftPositions(nodes: RootContent[], line: number): void {
  for (const node of nodes) {
    visit(node, (child) => {
      if (!child.position) return;
      child.position.start.line += line - 1;
      child.position.end.line += line - 1;
      delete child.position.start.offset;
      delete child.position.end.offset;
    });
  }
}

const rehypeRestoreRawBlocks: Plugin<[], Root> = () => (tree, file) => {
  const blocks = file.data.note?.rawBlocks ?? [];
  if (blocks.length === 0) return;
  // A raw block alone in its paragraph stood on lines of its own: a block, which kramdown writes
  // without <p> (the placeholder only made Markdown see a paragraph).
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'p' || !parent || index === undefined) return undefined;
    const content = node.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
    const only = content.length === 1 ? content[0] : undefined;
    if (only?.type !== 'element' || only.tagName !== RAW_BLOCK_TAG) return undefined;
    parent.children.splice(index, 1, only);
    return index;
  });
  visit(tree, 'element', (node, index, parent) => {
    const blockIndex = node.tagName === RAW_BLOCK_TAG ? node.properties.dataIndex : node.tagName === 'div' ? node.properties.dataNotesRawBlock : undefined;
    if (blockIndex === undefined || !parent || index === undefined) return undefined;
    const html = blocks[Number(blockIndex)] ?? '';
    const fragment = fromHtml(html, { fragment: true });
    shiftPositions(fragment.children, node.position?.start.line ?? 1);
    parent.children.splice(index, 1, ...(fragment.children as ElementContent[]));
    return index + fragment.children.length;
  });
};

export default rehypeRestoreRawBlocks;
