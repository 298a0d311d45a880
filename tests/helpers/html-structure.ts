// The document structure of an HTML fragment as one comparable text: block and inline elements
// with their nesting, ids, link targets and text (whitespace collapsed), one element a line.
// Our own decorations (heading anchors, copy buttons, scroll boxes, highlighter markup) are
// taken out first, so kramdown's HTML and ours compare by what a reader sees as structure.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

/** Elements that are ours alone and say nothing about the Markdown's structure. */
const DROPPED_CLASSES = ['heading-anchor', 'copy-code'];
/** Wrappers we add around kramdown's element; compared by their content only. */
const UNWRAPPED_CLASSES = ['code-block', 'table-scroll'];
/** Attributes that are part of the structure; the rest (styles, ARIA, data-*) is presentation. */
const KEPT_ATTRIBUTES = ['id', 'href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'start', 'type', 'markdown'];
/** Classes of ours that kramdown never writes. */
const OUR_CLASS = /^(?:shiki.*|github-(?:light|dark)|study-table|heading-anchor)$/;

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function attributes(node: Element): string {
  const parts: string[] = [];
  const html = fromHast(node);
  for (const name of KEPT_ATTRIBUTES) if (html[name] !== undefined) parts.push(`${name}="${html[name]}"`);
  const kept = classes(node).filter((name) => !OUR_CLASS.test(name)).sort();
  if (kept.length) parts.push(`class="${kept.join(' ')}"`);
  return parts.length ? ` ${parts.sort().join(' ')}` : '';
}

/** Property names back to attribute names, for the few we compare. */
function fromHast(node: Element): Record<string, string> {
  const p = node.properties;
  const out: Record<string, string> = {};
  const map: Record<string, unknown> = { id: p.id, href: p.href, src: p.src, alt: p.alt, title: p.title, colspan: p.colSpan, rowspan: p.rowSpan, start: p.start, type: p.type, markdown: p.markdown };
  for (const [name, value] of Object.entries(map)) {
    if (value === undefined || value === null) continue;
    out[name] = name === 'href' || name === 'src' ? resolveTarget(String(value)) : String(value);
  }
  return out;
}

/**
 * Link targets as the address a reader lands on: our pipeline resolves relative links against
 * the note's own URL (a deliberate feature); kramdown leaves them for the browser to resolve
 * the same way. Both are compared resolved, for a note at /study/note.
 */
const PAGE = 'https://site.invalid/study/note';
function resolveTarget(value: string): string {
  try {
    const url = new URL(value, PAGE);
    return url.origin === 'https://site.invalid' ? url.pathname + url.search + url.hash : url.href;
  } catch {
    return value;
  }
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ');

export interface StructureOptions {
  /**
   * Compare `language-plaintext` on a code block's <code>. Jekyll's Rouge gives a block written
   * without a language that class, and so do we; kramdown without a highlighter (the conformance
   * references, rendered with `syntax_highlighter: nil`) writes none. Off by default.
   */
  plaintextCode?: boolean;
}

function walk(nodes: readonly (RootContent | ElementContent)[], depth: number, out: string[], options: StructureOptions = {}): void {
  let text = '';
  const flush = (): void => {
    const value = collapse(text).trim();
    if (value) out.push(`${'  '.repeat(depth)}"${value}"`);
    text = '';
  };
  for (const node of nodes) {
    if (node.type === 'text') text += node.value;
    if (node.type !== 'element') continue;
    const names = classes(node);
    if (names.some((name) => DROPPED_CLASSES.includes(name))) continue;
    if (names.some((name) => UNWRAPPED_CLASSES.includes(name))) {
      flush();
      walk(node.children, depth, out, options);
      continue;
    }
    flush();
    out.push(`${'  '.repeat(depth)}<${node.tagName}${attributes(node)}>`);
    // Code and preformatted text: the characters matter, not the highlighter's spans.
    if (node.tagName === 'pre' || node.tagName === 'code' || node.tagName === 'script' || node.tagName === 'style') {
      let body = toString(node).replace(/\n+$/, '');
      // Inline code shows its line breaks as spaces (kramdown keeps them, CommonMark writes spaces).
      if (node.tagName === 'code') body = body.replace(/\s+/g, ' ');
      if (node.tagName === 'pre') {
        // kramdown puts a code block's IAL on <pre>, we on <code>: compared on the <code> line.
        const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
        const merged: Element = { ...(code ?? node), properties: { ...node.properties, ...(code?.properties ?? {}) } };
        merged.properties.className = [...classes(node), ...(code ? classes(code) : [])].filter((name) => options.plaintextCode || name !== 'language-plaintext');
        out[out.length - 1] = `${'  '.repeat(depth)}<pre>`;
        out.push(`${'  '.repeat(depth + 1)}<code${attributes(merged)}>`);
      }
      if (body) out.push(`${'  '.repeat(depth + 2)}${JSON.stringify(body)}`);
      continue;
    }
    walk(node.children, depth + 1, out, options);
  }
  flush();
}

/** The structure of `html` as text, one element or text run a line. */
export function htmlStructure(html: string, options: StructureOptions = {}): string {
  const tree: Root = fromHtml(html, { fragment: true });
  const out: string[] = [];
  walk(tree.children, 0, out, options);
  return out.join('\n');
}
