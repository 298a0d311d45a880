// kramdown span IALs: `{: .class #id}` written straight after a code span, link, image or
// emphasis gives that element the attributes (`` `x = 1`{:.language-ruby} ``) and shows nothing.
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { apply, collect, definitionsIn, type Attributes } from './remark-kramdown-attributes.ts';

const SPAN_IAL = /^\{:(?![\w-]+:)\s*([^}]*)\}/;
const TARGETS = new Set(['inlineCode', 'link', 'image', 'emphasis', 'strong', 'linkReference', 'imageReference']);

const remarkKramdownSpanIal: Plugin<[], Root> = () => (tree) => {
  let definitions: ReturnType<typeof definitionsIn> | undefined;
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as PhrasingContent[];
    for (let index = 1; index < children.length; index++) {
      const text = children[index]!;
      const target = children[index - 1]!;
      if (text.type !== 'text' || !TARGETS.has(target.type)) continue;
      const match = SPAN_IAL.exec(text.value);
      if (!match) continue;
      definitions ??= definitionsIn(tree);
      const attributes: Attributes = { classes: [], other: {} };
      collect(match[1]!, definitions, attributes, new Set());
      apply(target as unknown as RootContent, attributes);
      text.value = text.value.slice(match[0].length);
      if (text.value === '') children.splice(index, 1);
    }
  });
};

export default remarkKramdownSpanIal;
