// Gives every Markdown heading its Jekyll id and records the page's headings.
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { headingText } from '../hast.ts';
import { visitParents } from '../visit.ts';
import { NO_TOC_PROPERTY, RAW_TEXT_PROPERTY } from '../remark/remark-kramdown-headings.ts';
import { IdCounter, gfmHeadingId, kramdownHeadingId } from './kramdown-slug.ts';

const HEADING = /^h([1-6])$/;

const insideMarkdownElement = (ancestors: readonly (Root | Element)[]): boolean =>
  ancestors.some((a) => a.type === 'element' && a.properties.markdown !== undefined && String(a.properties.markdown) !== '0');

const rehypeKramdownIds: Plugin<[], Root> = () => (tree, file) => {
  const gfmCounter = new IdCounter();
  const kramdownCounter = new IdCounter();
  const headings = file.data.note?.headings;
  visitParents(tree, 'element', (node, ancestors) => {
    const level = HEADING.exec(node.tagName);
    if (!level) return;
    const raw = node.properties[RAW_TEXT_PROPERTY];
    if (typeof raw === 'string' && !node.properties.id) {
      node.properties.id = insideMarkdownElement(ancestors as (Root | Element)[])
        ? kramdownCounter.unique(kramdownHeadingId(raw))
        : gfmCounter.unique(gfmHeadingId(raw));
    }
    const noToc = node.properties[NO_TOC_PROPERTY] !== undefined;
    delete node.properties[RAW_TEXT_PROPERTY];
    delete node.properties[NO_TOC_PROPERTY];
    if (typeof node.properties.id === 'string' && node.properties.id && headings) {
      headings.push({ depth: Number(level[1]), id: node.properties.id, text: headingText(node), noToc });
    }
  });
  // kramdown consumes `markdown="1"`; it is not HTML.
  visitParents(tree, 'element', (node) => {
    delete node.properties.markdown;
  });
};

export default rehypeKramdownIds;
