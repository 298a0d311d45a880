// kramdown block IALs on any block: `{: #id .class}` on the line straight after a paragraph,
// quote, list, rule, table or HTML block gives it the id and classes; after a blank line (or
// before the first block) it goes to the block that follows. Preprocessing made each IAL line a
// paragraph of its own; here it is applied and removed (a code block's attributes go on its
// <code>). Headings keep their own plugin (remark-kramdown-headings), which runs after this one
// and finds their IAL paragraphs untouched.
import type { Parent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import type { LineMap } from '../../shared/line-map.ts';

const IAL = /^\{:(?![\w-]+:)\s*([^}]*)\}$/;
/** An attribute list definition, `{:name: #id .class key="value" other-name}`. */
const ALD = /^\{:([\w-]+):\s*([^}]*)\}$/;
/** Words of an attribute list: quoted values stay whole. */
const WORD = /(?:[^\s"']|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')+/g;
/** `#id.class#other`: ids and classes, chained. */
const ID_OR_CLASS = /^(?:[#.][\w-]+)+$/;
const REFERENCE = /^[A-Za-z][\w-]*$/;
const KEY_VALUE = /^([A-Za-z][\w:-]*)=(.*)$/s;

export interface Attributes {
  id?: string;
  classes: string[];
  /** `key="value"` pairs. */
  other: Record<string, string>;
}

export type Definitions = Map<string, string[]>;

/** The lines of a paragraph made only of IAL or ALD lines, else undefined. */
function attributeLines(node: RootContent | undefined): string[] | undefined {
  if (node?.type !== 'paragraph' || node.children.length !== 1 || node.children[0]?.type !== 'text') return undefined;
  const lines = node.children[0].value.split('\n').map((line) => line.trim());
  return lines.every((line) => IAL.test(line) || ALD.test(line)) ? lines : undefined;
}

/** Reads `body` into `attributes`, following ALD names (each once, against loops). */
export function collect(body: string, definitions: Definitions, attributes: Attributes, seen: Set<string>): void {
  // kramdown ignores words of other shapes (`ig.nored`, `as_is#this`).
  for (const [word] of body.matchAll(WORD)) {
    const pair = KEY_VALUE.exec(word);
    if (pair) {
      const quoted = /^(["'])([\s\S]*)\1$/.exec(pair[2]!);
      attributes.other[pair[1]!] = quoted ? quoted[2]!.replace(/\\(.)/g, '$1') : pair[2]!;
    } else if (ID_OR_CLASS.test(word)) {
      for (const [part] of word.matchAll(/[#.][\w-]+/g)) {
        if (part.startsWith('#')) attributes.id = part.slice(1);
        else attributes.classes.push(part.slice(1));
      }
    } else if (REFERENCE.test(word) && !seen.has(word)) {
      seen.add(word);
      for (const definition of definitions.get(word) ?? []) collect(definition, definitions, attributes, seen);
    }
  }
}

function parseIal(node: RootContent | undefined, definitions: Definitions): Attributes | undefined {
  const lines = attributeLines(node);
  if (!lines) return undefined;
  const attributes: Attributes = { classes: [], other: {} };
  for (const line of lines) {
    const body = IAL.exec(line)?.[1];
    if (body !== undefined && body.trim() !== 'toc') collect(body, definitions, attributes, new Set());
  }
  return attributes;
}

/** Every ALD in the note (kramdown resolves names after reading the whole note). */
export function definitionsIn(tree: Root): Definitions {
  const definitions: Definitions = new Map();
  visit(tree, 'paragraph', (node) => {
    for (const line of attributeLines(node) ?? []) {
      const ald = ALD.exec(line);
      if (ald) definitions.set(ald[1]!, [...(definitions.get(ald[1]!) ?? []), ald[2]!]);
    }
  });
  return definitions;
}

/** Blocks whose IALs another plugin applies (remark-kramdown-headings). */
const OTHERS = new Set(['heading']);

export function apply(node: RootContent, attributes: Attributes): void {
  if (node.type === 'html') {
    node.value = node.value.replace(/^(\s*<[A-Za-z][\w:-]*)([^>]*?)(\/?>)/, (_all, open: string, rest: string, close: string) => {
      const classes = [/\bclass="([^"]*)"/.exec(rest)?.[1] ?? '', ...attributes.classes].filter(Boolean).join(' ');
      let attrs = rest.replace(/\s*\bclass="[^"]*"/, '');
      if (attributes.id) attrs = `${attrs.replace(/\s*\bid="[^"]*"/, '')} id="${attributes.id}"`;
      if (classes) attrs += ` class="${classes}"`;
      for (const [key, value] of Object.entries(attributes.other)) attrs += ` ${key}="${value.replace(/"/g, '&quot;')}"`;
      return open + attrs + close;
    });
    return;
  }
  node.data ??= {};
  // A code block's attributes go on <code> (mdast carries them only there); its language class stays.
  if (node.type === 'code' && node.lang && attributes.classes.length) attributes = { ...attributes, classes: [`language-${node.lang}`, ...attributes.classes] };
  const properties = ((node.data as { hProperties?: Record<string, unknown> }).hProperties ??= {});
  if (attributes.classes.length) {
    const existing = Array.isArray(properties.className) ? (properties.className as string[]) : [];
    properties.className = [...existing, ...attributes.classes];
  }
  if (attributes.id) properties.id = attributes.id;
  Object.assign(properties, attributes.other);
}

/**
 * The node holding the start tag when `node` is the end tag of a `markdown="1"` element (its
 * content is Markdown, so start and end tag are separate HTML nodes around it).
 */
function openingOf(node: RootContent, siblings: readonly RootContent[]): RootContent {
  const name = node.type === 'html' ? /^\s*<\/([A-Za-z][\w:-]*)\s*>\s*$/.exec(node.value)?.[1] : undefined;
  if (!name) return node;
  let depth = 0;
  for (let index = siblings.indexOf(node); index >= 0; index--) {
    const sibling = siblings[index]!;
    if (sibling.type !== 'html') continue;
    depth += (sibling.value.match(new RegExp(`</${name}\\s*>`, 'gi'))?.length ?? 0) - (sibling.value.match(new RegExp(`<${name}\\b`, 'gi'))?.length ?? 0);
    if (depth <= 0) return sibling;
  }
  return node;
}

const remarkKramdownAttributes: Plugin<[], Root> = () => (tree, file) => {
  // Adjacency in the Markdown kramdown reads (after Liquid), not in the note's file.
  const lineMap: LineMap | undefined = file.data.note?.markdownLineMap ?? file.data.note?.lineMap;
  const noteLine = (line: number): number => (lineMap ? lineMap.map(line) : line);
  /** Did the author write `second` on the line straight after `first` ended? */
  const adjacent = (first: RootContent, second: RootContent): boolean => {
    const end = first.position?.end.line;
    const start = second.position?.start.line;
    return end !== undefined && start !== undefined && noteLine(start) - noteLine(end) <= 1;
  };
  const definitions = definitionsIn(tree);
  visit(tree, (parent) => {
    if (!('children' in parent)) return;
    const children = (parent as Parent).children as RootContent[];
    /** The block the IALs just above applied to (they chain: `{:#a}` then `{:.b}`). */
    let target: RootContent | undefined;
    let pending: Attributes | undefined;
    /** The last block or IAL line seen, removed or not, and where that IAL went. */
    let previous: RootContent | undefined;
    let previousWentToNext = false;
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!;
      const attributes = parseIal(node, definitions);
      if (!attributes) {
        if (pending && !OTHERS.has(node.type)) apply(node, pending);
        pending = undefined;
        target = node;
        previous = node;
        previousWentToNext = false;
        continue;
      }
      const follows = previous !== undefined && adjacent(previous, node);
      previous = node;
      if (target && follows && !previousWentToNext) {
        if (OTHERS.has(target.type)) continue; // left for the heading plugin
        apply(openingOf(target, children), attributes);
      } else {
        previousWentToNext = true;
        pending = { id: attributes.id ?? pending?.id, classes: [...(pending?.classes ?? []), ...attributes.classes], other: { ...pending?.other, ...attributes.other } };
      }
      // The IAL line itself shows nothing.
      children.splice(index, 1);
      index--;
      // `target` stays: a second IAL line straight under the first applies to the same block.
    }
  });
};

export default remarkKramdownAttributes;
