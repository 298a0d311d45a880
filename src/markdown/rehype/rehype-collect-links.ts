// Records every internal URL left in the final page, with its line in the note, for the link
// checker. It runs last: a picture replaced by its rendered diagram is no longer a link.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { noteLine } from '../note-context.ts';
import { EXTERNAL, URL_ATTRIBUTES } from './rehype-resolve-links.ts';

const rehypeCollectLinks: Plugin<[], Root> = () => (tree, file) => {
  const context = file.data.note;
  if (!context) return;
  visit(tree, 'element', (node) => {
    // Only what the author wrote has a position; generated links (heading anchors) are right by construction.
    if (!node.position) return;
    for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
      const url = node.properties[attribute];
      if (typeof url !== 'string' || url === '' || EXTERNAL.test(url)) continue;
      context.links.push({ url, attribute, line: noteLine(context, node) });
    }
  });
};

export default rehypeCollectLinks;
