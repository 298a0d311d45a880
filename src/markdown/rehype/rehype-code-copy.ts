// A copy button on every code block (the browser script gives it its behaviour).
import type { Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { CODE_BLOCK, COPY_CODE } from '../../shared/markup.ts';

const rehypeCodeCopy: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'pre' || !parent || index === undefined) return undefined;
    const code = node.children.find((c) => c.type === 'element' && c.tagName === 'code');
    if (!code) return undefined;
    if (parent.type === 'element' && parent.properties.className && String(parent.properties.className).includes(CODE_BLOCK)) return undefined;
    const language = typeof node.properties.dataLanguage === 'string' ? node.properties.dataLanguage : '';
    parent.children[index] = h('div', { className: [CODE_BLOCK], dataLanguage: language || undefined }, [
      h('button', { type: 'button', className: [COPY_CODE], ariaLabel: 'Copy code', dataPagefindIgnore: '' }, 'Copy'),
      node,
    ]);
    return index + 1;
  });
};

export default rehypeCodeCopy;
