// kramdown heading attributes: `## Title {#id}` sets the id and is not shown; a following
// `{: #id .class}` line (an IAL) does the same; `.no_toc` keeps a heading out of tables of contents.
// Headings without an explicit id carry their raw text to rehype-kramdown-ids, which needs to
// know whether they stand inside a `markdown="1"` element before choosing kramdown's rule.
import type { FootnoteReference, Heading, Paragraph, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { elementName, KRAMDOWN_BLOCK_ELEMENTS } from '../kramdown-raw-html.ts';
import { visit } from '../visit.ts';

// kramdown needs a space or tab before `{#id}` (`Header{#id}` is text), and drops a closing
// `##` sequence written before it (`### Header ## {#id}`).
const HEADER_ID = /[\t ]+\{#([A-Za-z][\w:-]*)\}[\t ]*$/;
const CLOSING_HASHES = /[\t ]+#+[\t ]*$/;
const IAL = /^\{:\s*([^}]*)\}$/;

export const RAW_TEXT_PROPERTY = 'dataKramdownRaw';
export const NO_TOC_PROPERTY = 'dataNoToc';

/** The heading's text as written in the Markdown, without `#` markers or `{#id}`. */
export function rawHeadingText(source: string, heading: Heading): string {
  const start = heading.position?.start.offset;
  const end = heading.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  const text = source.slice(start, end);
  const atx = /^[ \t]*#{1,6}(?:[ \t]+|$)/.exec(text);
  if (atx) return text.slice(atx[0].length).replace(/[ \t]+#+[ \t]*$/, '').trim();
  return (text.split('\n')[0] ?? '').trim(); // setext: the underline is not text
}

function parseIal(text: string): { id?: string; classes: string[] } | undefined {
  const match = IAL.exec(text.trim());
  if (!match?.[1] || match[1].trim() === 'toc') return undefined;
  const classes: string[] = [];
  let id: string | undefined;
  for (const part of match[1].trim().split(/\s+/)) {
    if (part.startsWith('#')) id = part.slice(1);
    else if (part.startsWith('.')) classes.push(part.slice(1));
  }
  return { id, classes };
}

function setProperty(node: Heading, key: string, value: unknown): void {
  node.data ??= {};
  node.data.hProperties ??= {};
  (node.data.hProperties as Record<string, unknown>)[key] = value;
}

const remarkKramdownHeadings: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  visit(tree, 'heading', (heading, index, parent) => {
    const last = heading.children.at(-1);
    // kramdown makes the id from the heading's text, without the HTML tags in it (`foo<br />bar`);
    // a block element's tag is text in a heading (`<p>`), and part of the id.
    let raw = rawHeadingText(source, heading).replace(/<\/?([A-Za-z][\w:.-]*)[^>]*>/g, (tag, name: string) => (KRAMDOWN_BLOCK_ELEMENTS.has(elementName(name)) ? tag : ''));
    // A footnote reference is no text of the heading to kramdown (`## Title[^1]` → `title`).
    visit(heading, 'footnoteReference', (reference: FootnoteReference) => {
      raw = raw.replace(`[^${reference.label ?? reference.identifier}]`, '');
    });
    const explicit = HEADER_ID.exec(raw);
    if (explicit?.[1]) {
      setProperty(heading, 'id', explicit[1]);
      raw = raw.slice(0, explicit.index).replace(CLOSING_HASHES, '');
      if (last?.type === 'text') (last as Text).value = last.value.replace(HEADER_ID, '').replace(CLOSING_HASHES, '');
    }
    // A block IAL on the next line: `{: #id .class}` (kramdown), often `{:.no_toc}`.
    const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
    const nextText = next?.type === 'paragraph' && next.children.length === 1 && next.children[0]?.type === 'text' ? next.children[0].value : '';
    const ial = parseIal(nextText);
    if (ial && parent && index !== undefined) {
      if (ial.id) setProperty(heading, 'id', ial.id);
      if (ial.classes.includes('no_toc')) setProperty(heading, NO_TOC_PROPERTY, '');
      const classes = ial.classes.filter((c) => c !== 'no_toc');
      if (classes.length > 0) setProperty(heading, 'className', classes);
      parent.children.splice(index + 1, 1);
    }
    if (!(heading.data?.hProperties as Record<string, unknown> | undefined)?.id) setProperty(heading, RAW_TEXT_PROPERTY, raw);
  });
  // IAL lines that follow other blocks: applied to nothing we style, but never shown as text.
  visit(tree, 'paragraph', (paragraph: Paragraph, index, parent) => {
    const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined;
    if (only?.type === 'text' && parseIal(only.value) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
};

export default remarkKramdownHeadings;
