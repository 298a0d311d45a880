// Records each heading's section as a link preview shows it: the heading's text and the first words
// under it. Runs at the end of the pipeline, over the finished tree, so previews show what the page shows.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';
import type { SectionEntry } from '../note-context.ts';

const HEADING = /^h[1-6]$/;
/** Words a preview shows: a few lines, cut at a word. */
export const PREVIEW_CHARS = 280;
/** Not reading text: code listings, drawings, scripts, controls, the heading `#` links. */
const SKIPPED = new Set(['script', 'style', 'template', 'svg', 'pre', 'button', 'select', 'textarea', 'iframe', 'figure']);
const SKIPPED_CLASSES = new Set(['heading-anchor', 'diagram-source', 'code-block', 'toc-title', 'toc-list']);
/** Elements after which a space keeps words of neighbouring blocks apart. */
const BLOCK = /^(?:p|div|li|ul|ol|tr|td|th|table|blockquote|dd|dt|br|h[1-6]|section|summary)$/;

const classes = (node: Element): unknown[] => (Array.isArray(node.properties.className) ? node.properties.className : []);

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > PREVIEW_CHARS ? `${clean.slice(0, PREVIEW_CHARS - 1).replace(/\s+\S*$/, '')}…` : clean;
}

const rehypeCollectSections: Plugin<[], Root> = () => (tree, file) => {
  const context = file.data.note;
  if (!context) return;
  const headingText = new Map(context.headings.map((h) => [h.id, h.text]));
  const sections: Array<SectionEntry & { parts: string[]; length: number }> = [];
  let current: (typeof sections)[number] | undefined;

  function walk(nodes: Array<RootContent | ElementContent>): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (current && current.length < PREVIEW_CHARS) {
          current.parts.push(node.value);
          current.length += node.value.length;
        }
        continue;
      }
      if (node.type !== 'element') continue;
      const id = node.properties.id;
      if (HEADING.test(node.tagName)) {
        if (typeof id === 'string' && id) {
          current = { id, title: headingText.get(id) ?? id, text: '', parts: [], length: 0 };
          sections.push(current);
        }
        continue; // its own text is the title
      }
      if (SKIPPED.has(node.tagName) || classes(node).some((c) => SKIPPED_CLASSES.has(String(c)))) continue;
      walk(node.children);
      if (current && BLOCK.test(node.tagName)) current.parts.push(' ');
    }
  }
  walk(tree.children);
  context.sections = sections.map(({ id, title, parts }) => ({ id, title, text: shorten(parts.join('')) }));
};

export default rehypeCollectSections;
