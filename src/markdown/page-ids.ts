// Every id of a rendered page — headings, `{#…}`, raw HTML, figures, inline SVG — read from its
// final tree, so links into it are checked against what the browser will really find.
import type { Root } from 'hast';
import { visit } from './visit.ts';

export interface PageIds {
  ids: Set<string>;
  /** Ids given to more than one element, each with how often it occurs. */
  duplicates: Map<string, number>;
}

/** `id` attributes in markup kept as a string (inline SVG from the diagram service: no scripts in it). */
const RAW_ID = /<[a-zA-Z][^\s/>]*\s[^>]*?\bid="([^"]+)"/g;

export function collectPageIds(tree: Root): PageIds {
  const counts = new Map<string, number>();
  const count = (id: string): void => void counts.set(id, (counts.get(id) ?? 0) + 1);
  // Reading the tree the pipeline already has costs nothing; parsing the page's HTML again cost
  // ~3 ms a page (most of it in diagrams' SVG).
  visit(tree, (node) => {
    if (node.type === 'element') {
      const id = node.properties.id;
      if (typeof id === 'string' && id !== '') count(id);
    } else if (node.type === 'raw') {
      for (const match of node.value.matchAll(RAW_ID)) count(match[1]!);
    }
  });
  const duplicates = new Map([...counts].filter(([, count]) => count > 1));
  return { ids: new Set(counts.keys()), duplicates };
}
