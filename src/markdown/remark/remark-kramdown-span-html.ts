// HTML tags inside a paragraph, heading or table cell, read as kramdown reads span-level HTML
// (parser/kramdown/html.rb) where the HTML parser would read them differently:
// - each start tag takes the content up to its own end tag (nested ones of the same name
//   counted); a `<SoMe>` that is no HTML element only ends at `</SoMe>`, in that case. Without
//   its end tag it runs to the end of the paragraph.
// - an end tag with no start tag before it is text, shown as written (the HTML parser would drop
//   it); so is the start tag of a block element (`<p>`, `<hr>`, `<div>`) and a processing
//   instruction, declaration or CDATA section (`<?x ?>`, `<!DOCTYPE>`).
// - the content of an element kramdown reads raw — `<code>`, `<kbd>`, `<u>`, `<mark>`, any
//   element it does not know, anything with `markdown="0"` — is the text as written, no
//   emphasis or links; tags inside stay tags (and one with `markdown="1"` has Markdown again).
//   remark-kramdown-raw-spans reads most such elements from the source first; the ones it leaves
//   (an element inside with `markdown="1"`, lines inside a list or quote) are read here.
// - `<span/>` is an empty element (the HTML parser would open one over the rest).
// - an XML-namespaced tag (`<some:url name:x='y'>`) is a tag; CommonMark leaves it as text.
// - a start tag kramdown's grammar rejects is text: `<foo bar=baz.x>` (an unquoted attribute
//   value is letters, digits and `_` only), where the HTML parser would open an element.
// - an attribute value across lines is written on one line, the line break as a space
//   (`<a href="test⏎foo">` → href="test foo"; the HTML parser would keep the line break).
// Raw content becomes an `html` node holding the source escaped as kramdown writes it (entities
// stay), so it passes through the same HTML stages as every tag. The element names and models
// are kramdown-raw-html.ts's (the same reading for block-level HTML).
import type { Html, Parent, PhrasingContent, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Point } from 'unist';
import { elementName, escapeText, KRAMDOWN_BLOCK_ELEMENTS, parsesSpanContent, START_TAG as KRAMDOWN_START_TAG, tagOnOneLine, WITHOUT_BODY } from '../kramdown-raw-html.ts';
import { pointer } from '../source-points.ts';
import { visitParents } from '../visit.ts';
import { containerText, sourceText, type ContainerText } from '../container-text.ts';

const START_TAG = /^<([A-Za-z][\w:.-]*)((?:\s[^>]*?)?)\s*(\/?)>$/;
const END_TAG = /^<\/([A-Za-z][\w:.-]*)\s*>$/;
const NOT_A_TAG = /^<[?!](?!--)/;
const MARKDOWN_ATTRIBUTE = /\smarkdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))/i;
/** A tag whose name has a namespace (kramdown's XML names): CommonMark takes it for text. */
const XML_NAME = String.raw`[A-Za-z_][\w.-]*:[A-Za-z_][\w.:-]*`;
const ANY_NAME = String.raw`[A-Za-z_][\w.:-]*`;
const XML_TAG = new RegExp(String.raw`</?${XML_NAME}(?:\s+${ANY_NAME}(?:\s*=\s*(?:[\w-]+|"[^"]*"|'[^']*'))?)*\s*/?>`, 'g');
/** Elements whose raw content the HTML parser takes as written (no entities, no tags). */
const RAW_TEXT = new Set(['script', 'style']);

type Child = PhrasingContent;
/** The blocks whose lines hold the phrasing content (their text is cut without container prefixes). */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** The nodes whose children are text and inline HTML (elsewhere an `html` node is a block). */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'kramdownTableElement', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

interface Reader {
  source: string;
  children: Child[];
  /** The text of the block the children are in (container prefixes off its lines), made on first use. */
  blockText: () => ContainerText;
}

/** A tag kramdown shows as written: escaped HTML, so no later stage (smart quotes) changes it. */
const shownAsWritten = (value: string, node: Child): Html => ({ type: 'html', value: escapeText(value), position: node.position });

/** A node as written in the note; inside a quote or list item without the line prefixes. */
function writtenOf(reader: Reader, node: Child): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const { text, fromSource } = reader.blockText();
  return text.slice(fromSource(start), fromSource(end));
}

function sourceOf(reader: Reader, node: Child): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : reader.source.slice(start, end);
}

/** The index of the end tag closing the element opened at `open`, or undefined. */
function findEnd(children: readonly Child[], open: number, to: number, name: string): number | undefined {
  let depth = 0;
  for (let index = open + 1; index < to; index++) {
    const child = children[index]!;
    if (child.type !== 'html') continue;
    const start = START_TAG.exec(child.value);
    if (start && elementName(start[1]!) === name && !start[3]) depth++;
    const end = END_TAG.exec(child.value);
    if (end && elementName(end[1]!) === name && depth-- === 0) return index;
  }
  return undefined;
}

/** Whether the whole of `tag` is a start tag as kramdown's span parser reads one. */
function isKramdownTag(tag: string): boolean {
  KRAMDOWN_START_TAG.lastIndex = 0;
  return KRAMDOWN_START_TAG.exec(tag)?.[0].length === tag.length;
}

/** Whether kramdown reads Markdown inside this element (its `markdown` attribute first). */
function parsesInside(name: string, attributes: string, insideRaw: boolean): boolean {
  const match = MARKDOWN_ATTRIBUTE.exec(attributes);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  if (value === 'span') return true;
  if (value === '1') return parsesSpanContent(name);
  if (value === '0') return false;
  return !insideRaw && parsesSpanContent(name);
}

/**
 * Reads `children[from, to)` the kramdown way; `raw`: inside an element whose content is kept as
 * written (`verbatim`: a script or style, whose text is not escaped either).
 */
function readRange(reader: Reader, from: number, to: number, raw: boolean, verbatim: boolean): void {
  const { children } = reader;
  let index = from;
  while (index < to) {
    const node = children[index]!;
    if (node.type !== 'html') {
      const written = raw ? writtenOf(reader, node) : undefined;
      if (written !== undefined) children[index] = { type: 'html', value: verbatim ? written : escapeText(written), position: node.position };
      index++;
      continue;
    }
    const value = node.value;
    if (NOT_A_TAG.test(value) || END_TAG.test(value)) {
      children[index] = shownAsWritten(value, node);
      index++;
      continue;
    }
    const start = START_TAG.exec(value);
    if (!start) {
      index++; // a comment
      continue;
    }
    const name = elementName(start[1]!);
    const attributes = start[2] ?? '';
    // A block element's start tag, or one kramdown's tag grammar rejects (`<foo bar=baz.x>`: an
    // unquoted value is letters and digits only), is text to kramdown.
    if (KRAMDOWN_BLOCK_ELEMENTS.has(name) || !isKramdownTag(value)) {
      children[index] = shownAsWritten(value, node);
      index++;
      continue;
    }
    node.value = tagOnOneLine(value);
    if (WITHOUT_BODY.has(name)) {
      index++;
      continue;
    }
    if (start[3]) {
      node.value = `${node.value.slice(0, -2).trimEnd()}></${start[1]}>`;
      index++;
      continue;
    }
    const end = findEnd(children, index, to, name);
    const contentEnd = end ?? to;
    const parses = parsesInside(name, attributes, raw);
    readRange(reader, index + 1, contentEnd, !parses, !parses && (verbatim || RAW_TEXT.has(name)));
    index = end === undefined ? to : end + 1;
  }
}

/** Splits XML-namespaced tags out of text nodes written as they stand in the source. */
function splitXmlTags(reader: Reader, point: (offset: number) => Point): void {
  for (let index = reader.children.length - 1; index >= 0; index--) {
    const node = reader.children[index]!;
    if (node.type !== 'text' || !node.value.includes('<') || sourceOf(reader, node) !== node.value) continue;
    const start = node.position!.start.offset!;
    // With its position, so the content of a raw element can be cut from the source.
    const piece = (type: 'text' | 'html', from: number, to: number): Child =>
      ({ type, value: node.value.slice(from, to), position: { start: point(start + from), end: point(start + to) } }) as Child;
    const parts: Child[] = [];
    let last = 0;
    for (const match of node.value.matchAll(XML_TAG)) {
      if (match.index > last) parts.push(piece('text', last, match.index));
      parts.push(piece('html', match.index, match.index + match[0].length));
      last = match.index + match[0].length;
    }
    if (parts.length === 0) continue;
    if (last < node.value.length) parts.push(piece('text', last, node.value.length));
    reader.children.splice(index, 1, ...parts);
  }
}

const remarkKramdownSpanHtml: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  let point: ((offset: number) => Point) | undefined;
  visitParents(tree, (parent, ancestors) => {
    if (!PHRASING_PARENTS.has(parent.type)) return;
    const children = (parent as Parent).children as Child[];
    let text: ContainerText | undefined;
    const blockText = (): ContainerText => {
      if (text) return text;
      const blockAt = BLOCKS.has(parent.type) ? ancestors.length : ancestors.findLastIndex((node) => BLOCKS.has(node.type));
      text = blockAt < 0 ? sourceText(source) : containerText(source, ancestors[blockAt] ?? parent, ancestors.slice(0, blockAt));
      return text;
    };
    const reader: Reader = { source, children, blockText };
    if (source.includes(':')) splitXmlTags(reader, (offset) => (point ??= pointer(source))(offset));
    if (children.some((child) => child.type === 'html')) readRange(reader, 0, children.length, false, false);
  });
};

export default remarkKramdownSpanHtml;
