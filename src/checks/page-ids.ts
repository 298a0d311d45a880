// Every id of a rendered page — headings, `{#…}`, raw HTML, figures — read from its final HTML,
// so links into it are checked against what the browser will really find.
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface PageIds {
  ids: Set<string>;
  /** Ids given to more than one element, each with how often it occurs. */
  duplicates: Map<string, number>;
}

export function collectPageIds(html: string): PageIds {
  const counts = new Map<string, number>();
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    const id = node.properties.id;
    if (typeof id === 'string' && id !== '') counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  const duplicates = new Map([...counts].filter(([, count]) => count > 1));
  return { ids: new Set(counts.keys()), duplicates };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The 1-based lines of the note's source where `id` is written (`id="x"`, `id='x'`, `{#x}`), so a
 * duplicate can be reported where the author wrote it; empty for ids the pipeline made up.
 */
export function sourceLinesOfId(source: string, id: string): number[] {
  const pattern = new RegExp(`\\bid\\s*=\\s*(?:"${escapeRegExp(id)}"|'${escapeRegExp(id)}'|${escapeRegExp(id)}(?=[\\s>]))|\\{#${escapeRegExp(id)}\\}`, 'g');
  const lines: number[] = [];
  source.split('\n').forEach((line, index) => {
    pattern.lastIndex = 0;
    for (const _ of line.matchAll(pattern)) lines.push(index + 1);
  });
  return lines;
}
