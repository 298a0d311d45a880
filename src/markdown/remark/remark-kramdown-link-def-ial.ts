// An IAL on a link definition (`[id]: url` with `{: .class}` on the line under or above it):
// kramdown gives its attributes to every link and picture that uses the definition.
// remark-kramdown-attributes has put them on the definition node, which shows nothing itself;
// here they go on to the references.
import type { Definition, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

type Properties = Record<string, unknown>;
const propertiesOf = (node: { data?: unknown }): Properties | undefined => (node.data as { hProperties?: Properties } | undefined)?.hProperties;

const remarkKramdownLinkDefIal: Plugin<[], Root> = () => (tree) => {
  const attributed = new Map<string, Properties>();
  visit(tree, 'definition', (definition: Definition) => {
    const properties = propertiesOf(definition);
    // The first definition of an id is the one links use.
    if (properties && !attributed.has(definition.identifier)) attributed.set(definition.identifier, properties);
  });
  if (attributed.size === 0) return;
  visit(tree, (node) => {
    if (node.type !== 'linkReference' && node.type !== 'imageReference') return;
    const properties = attributed.get((node as { identifier: string }).identifier);
    if (!properties) return;
    const data = ((node as { data?: { hProperties?: Properties } }).data ??= {});
    data.hProperties = { ...properties, ...data.hProperties };
  });
};

export default remarkKramdownLinkDefIal;
