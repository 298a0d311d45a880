// Records every internal URL left in the final page, with its line in the note, for the link
// checker, and the heading it sits under, for backlinks. It runs last: a picture replaced by its
// rendered diagram is no longer a link.
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { noteLine } from '../note-context.ts';
import { EXTERNAL, URL_ATTRIBUTES } from './rehype-resolve-links.ts';

const HEADING = /^h[1-6]$/;

const rehypeCollectLinks: Plugin<[], Root> = () => (tree, file) => {
  const context = file.data.note;
  if (!context) return;
  // Heading texts as recorded before the `#` anchors were added.
  const headingText = new Map(context.headings.map((h) => [h.id, h.text]));
  let section: { id: string; text: string } | undefined;
  // Pre-order: every link is met after the headings above it in the page.
  visit(tree, 'element', (node) => {
    const id = node.properties.id;
    if (HEADING.test(node.tagName) && typeof id === 'string' && id) section = { id, text: headingText.get(id) ?? id };
    // Only what the author wrote has a position; generated links (heading anchors) are right by construction.
    if (!node.position) return;
    for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
      const url = node.properties[attribute];
      if (typeof url !== 'string' || url === '' || EXTERNAL.test(url)) continue;
      context.links.push({ url, attribute, line: noteLine(context, node), ...(section ? { section } : {}) });
    }
  });
};

export default rehypeCollectLinks;
