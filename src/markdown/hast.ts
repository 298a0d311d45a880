// Small helpers over HTML trees, shared by the rehype plugins.
import type { Element, ElementContent } from 'hast';

/** The element's classes (`className` as hast stores it). */
export const classesOf = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

export const hasClass = (node: Element, name: string): boolean => classesOf(node).includes(name);

/** A footnote marker (`<sup id="fnref:…">`): a number, no words of the text it sits in. */
const isFootnoteMarker = (node: ElementContent): boolean => node.type === 'element' && node.tagName === 'sup' && String(node.properties.id ?? '').startsWith('fnref:');

/** The text of a heading as a reader names it: its footnote markers left out (kramdown leaves them out of ids and the contents too). */
export function headingText(node: Element): string {
  const parts: string[] = [];
  const walk = (children: readonly ElementContent[]): void => {
    for (const child of children) {
      if (child.type === 'text') parts.push(child.value);
      else if (child.type === 'element' && !isFootnoteMarker(child)) walk(child.children);
    }
  };
  walk(node.children);
  return parts.join('').trim();
}
