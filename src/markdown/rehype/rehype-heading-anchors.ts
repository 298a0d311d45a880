// A visible link on every heading with an id, so readers can copy a link to a section.
import type { Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { headingText } from '../hast.ts';
import { visit } from '../visit.ts';
import { HEADING_ANCHOR } from '../../shared/markup.ts';

const rehypeHeadingAnchors: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node) => {
    if (!/^h[2-6]$/.test(node.tagName) || typeof node.properties.id !== 'string' || !node.properties.id) return;
    const label = headingText(node);
    node.children.push(
      h(
        'a',
        { className: [HEADING_ANCHOR], href: `#${node.properties.id}`, ariaLabel: `Link to section: ${label}`, dataPagefindIgnore: '' },
        h('span', { ariaHidden: 'true' }, '#'),
      ),
    );
  });
};

export default rehypeHeadingAnchors;
