// kramdown's emphasis where it differs from CommonMark's:
// - `***text***` is <strong><em> in kramdown, <em><strong> in CommonMark;
// - inside emphasis written with one character (`*a _b_ c*`) kramdown does not start emphasis
//   with the other: the inner markers stay text.
import type { Emphasis, PhrasingContent, Root, Strong } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

type Span = Emphasis | Strong;
const isSpan = (node: { type: string }): node is Span => node.type === 'emphasis' || node.type === 'strong';

const remarkKramdownEmphasis: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  const markerOf = (node: Span): string | undefined => {
    const start = node.position?.start.offset;
    const char = start === undefined ? undefined : source[start];
    return char === '*' || char === '_' ? char : undefined;
  };
  const walk = (node: { children?: PhrasingContent[] | unknown[] }, outer: string | undefined): void => {
    const children = node.children as PhrasingContent[] | undefined;
    if (!children) return;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (!isSpan(child)) {
        walk(child as { children?: PhrasingContent[] }, outer);
        continue;
      }
      const marker = markerOf(child);
      if (outer && marker && marker !== outer) {
        const markers = marker.repeat(child.type === 'strong' ? 2 : 1);
        const literal: PhrasingContent[] = [{ type: 'text', value: markers }, ...child.children, { type: 'text', value: markers }];
        children.splice(index, 1, ...literal);
        index--; // look at the unwrapped children again
        continue;
      }
      const only = child.children.length === 1 ? child.children[0] : undefined;
      if (child.type === 'emphasis' && only?.type === 'strong') {
        // Swap to <strong><em>, keeping each node's content.
        const inner: Emphasis = { type: 'emphasis', children: only.children, position: only.position };
        children[index] = { type: 'strong', children: [inner], position: child.position };
      }
      walk(children[index] as Span, outer ?? marker);
    }
  };
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      walk(node as { children: PhrasingContent[] }, undefined);
      return 'skip';
    }
    return undefined;
  });
};

export default remarkKramdownEmphasis;
