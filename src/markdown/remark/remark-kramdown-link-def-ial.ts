// kramdown's link definitions, once parsed:
// - a repeated id: kramdown's LAST definition is the one links use (CommonMark's is the first);
//   the earlier ones are taken out of the tree, so every later stage sees kramdown's.
// - an IAL on a link definition (`[id]: url` with `{: .class}` on the line under or above it):
//   kramdown gives its attributes to every link and picture that uses the definition.
//   remark-kramdown-attributes has put them on the definition node, which shows nothing itself;
//   here they go on to the references.
import type { Definition, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

type Properties = Record<string, unknown>;
const propertiesOf = (node: { data?: unknown }): Properties | undefined => (node.data as { hProperties?: Properties } | undefined)?.hProperties;

function keepLastDefinitions(tree: Root): Map<string, Definition> {
  const last = new Map<string, Definition>();
  let repeated = false;
  visit(tree, 'definition', (definition: Definition) => {
    repeated ||= last.has(definition.identifier);
    last.set(definition.identifier, definition);
  });
  if (!repeated) return last;
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as { type: string }[];
    const kept = children.filter((child) => child.type !== 'definition' || last.get((child as Definition).identifier) === child);
    if (kept.length !== children.length) (node as { children: unknown[] }).children = kept;
  });
  return last;
}

const remarkKramdownLinkDefIal: Plugin<[], Root> = () => (tree) => {
  const attributed = new Map<string, Properties>();
  for (const [identifier, definition] of keepLastDefinitions(tree)) {
    const properties = propertiesOf(definition);
    if (properties) attributed.set(identifier, properties);
  }
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
