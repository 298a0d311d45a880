// The author's attributes on a code block (`<pre><code class="language-js" id="x">` in raw HTML,
// or a kramdown IAL after a fence) outlive the highlighter: Shiki writes a new <pre><code> from the
// text alone, so a page script that looks the block up by id would find nothing.
import type { Element, ElementContent, Parent, Properties, Root } from 'hast';
import { visit } from '../visit.ts';

interface SavedBlock {
  parent: Parent;
  index: number;
  pre: Properties;
  code: Properties;
}

/** Shiki's own attributes win for these; every other attribute is the author's to keep. */
const HIGHLIGHTER_OWNED = new Set(['style', 'tabIndex']);

const isCode = (node: ElementContent): node is Element => node.type === 'element' && node.tagName === 'code';

/** Remembers each code block's attributes, by its place in the tree, before highlighting. */
export function saveCodeAttributes(tree: Root): SavedBlock[] {
  const saved: SavedBlock[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'pre' || !parent || index === undefined) return undefined;
    const code = node.children.find(isCode);
    if (code) saved.push({ parent, index, pre: { ...node.properties }, code: { ...code.properties } });
    return 'skip';
  });
  return saved;
}

/** Shiki writes `class` as a string; rehype's own nodes use `className` lists. */
const classList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : []);

function merge(target: Properties, authored: Properties): Properties {
  // Shiki's attributes first and in its order (the output stays byte-stable), then the author's.
  const merged: Properties = {};
  for (const [key, value] of Object.entries(target)) {
    if (key === 'class' || key === 'className') merged.className = [...classList(target.class), ...classList(target.className)];
    else merged[key] = value;
  }
  for (const [key, value] of Object.entries(authored)) {
    if (HIGHLIGHTER_OWNED.has(key) || value === undefined || value === null) continue;
    if (key === 'className') {
      const own = classList(merged.className);
      merged.className = [...own, ...classList(value).filter((c) => !own.includes(c) && !c.startsWith('language-'))];
    } else if (!(key in merged)) merged[key] = value;
  }
  if (classList(merged.className).length === 0) delete merged.className;
  return merged;
}

/** Puts the remembered attributes on the highlighted blocks that took the originals' places. */
export function restoreCodeAttributes(saved: SavedBlock[]): void {
  for (const { parent, index, pre, code } of saved) {
    const at = parent.children[index] as Parent['children'][number] | Root | undefined;
    // Shiki leaves a root fragment holding its <pre> where the original stood (possibly shared
    // through its cache: copy, never mutate).
    const highlighted = at?.type === 'root' ? at.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre') : at;
    if (!highlighted || highlighted.type !== 'element' || highlighted.tagName !== 'pre') continue;
    const children = highlighted.children.map((child: ElementContent) => (isCode(child) ? { ...child, properties: merge(child.properties, code) } : child));
    parent.children[index] = { ...highlighted, properties: merge(highlighted.properties, pre), children } as Element;
  }
}
