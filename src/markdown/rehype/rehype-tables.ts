// Study tables and GFM tables: one look, and a wide table scrolls inside its own box so the page
// never scrolls sideways on a phone.
import type { Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { classesOf } from '../hast.ts';


const rehypeTables: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
    if (parent.type === 'element' && classesOf(parent).includes('table-scroll')) return undefined;
    const classes = classesOf(node);
    if (!classes.includes('study-table')) node.properties.className = [...classes, 'study-table'];
    // A row that is one cell spanning the table (a section heading row) is styled by CSS alone
    // (tables.css): a class on it would be markup Jekyll's page does not have.
    // Focusable so keyboard users can scroll it; named so the region is announced.
    const wrapper = h('div', { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Table (scrolls sideways)' }, [node]);
    parent.children[index] = wrapper;
    return index + 1;
  });
};

export default rehypeTables;
