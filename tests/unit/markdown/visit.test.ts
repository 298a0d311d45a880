// The local tree walk visits what unist-util-visit visits, in the same order with the same
// arguments, and honours SKIP, EXIT and "go on at index" the same way, while the tree changes.
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit as libraryVisit, SKIP as LIB_SKIP, EXIT as LIB_EXIT } from 'unist-util-visit';
import { visitParents as libraryVisitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';
import { EXIT, SKIP, visit, visitParents } from '../../../src/markdown/visit.ts';

const html = '<div><p>a <b>b</b> <i>c</i></p><table><tr><td>1</td><td>2</td></tr></table><ul><li>x</li><li>y<ul><li>z</li></ul></li></ul></div><p>end</p>';
const tree = (): Root => fromHtml(html, { fragment: true });
const label = (node: { type: string; tagName?: string; value?: string }): string => node.tagName ?? node.value ?? node.type;

describe('visit', () => {
  it('visits every node with index and parent as the library does, forwards and in reverse', () => {
    for (const reverse of [false, true]) {
      const ours: string[] = [];
      const theirs: string[] = [];
      visit(tree(), (node, index, parent) => void ours.push(`${label(node)}@${index}<${parent ? label(parent) : '-'}`), reverse);
      libraryVisit(tree(), (node, index, parent) => void theirs.push(`${label(node)}@${index}<${parent ? label(parent) : '-'}`), reverse);
      expect(ours).toEqual(theirs);
      expect(ours.length).toBeGreaterThan(20);
    }
  });

  it('filters by type, skips, exits and goes on at a returned index after removing nodes', () => {
    const run = (walk: typeof visit, skip: unknown, exit: unknown): { seen: string[]; out: Root } => {
      const out = tree();
      const seen: string[] = [];
      walk(out, 'element', (node: Element, index, parent) => {
        seen.push(node.tagName);
        if (node.tagName === 'table') return skip as typeof SKIP;
        if (node.tagName === 'i' && parent && index !== undefined) {
          parent.children.splice(index, 1);
          return index;
        }
        if (node.tagName === 'li' && seen.filter((t) => t === 'li').length === 3) return exit as typeof EXIT;
        return undefined;
      });
      return { seen, out };
    };
    const ours = run(visit, SKIP, EXIT);
    const theirs = run(libraryVisit as unknown as typeof visit, LIB_SKIP, LIB_EXIT);
    expect(ours.seen).toEqual(theirs.seen);
    expect(ours.seen).not.toContain('td');
    expect(ours.out).toEqual(theirs.out);
  });

  it('gives visitParents the ancestors', () => {
    const ours: string[] = [];
    const theirs: string[] = [];
    visitParents(tree(), 'element', (node, ancestors) => void ours.push(`${node.tagName}:${ancestors.map(label).join('/')}`));
    libraryVisitParents(tree(), 'element', (node, ancestors) => void theirs.push(`${node.tagName}:${ancestors.map(label).join('/')}`));
    expect(ours).toEqual(theirs);
  });
});
