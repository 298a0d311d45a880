// Block-level HTML read the kramdown way (kramdown-raw-html.ts has its rules), where CommonMark
// reads it otherwise:
// - inside an HTML block, text that is no tag (`</p>` with no `<p>`, `<http://…>`, `<![CDATA[`)
//   is shown as written, not made an element or a comment;
// - a line starting with `<?` or `<!` (a processing instruction, `<![CDATA[`) or with a span
//   element's tag (`<img …>` alone on its line) is a paragraph to kramdown, Markdown and all;
//   CommonMark makes it an HTML block;
// - a line starting with a tag CommonMark does not take for a block — an XML name
//   (`<webgen:block />`), or an unknown element with more on its line (`<foo>doit</foo>`) — is
//   an HTML block to kramdown, unless the element is one of kramdown's span elements;
// - `markdown="span"` (or `markdown="1"` on `p`, `dt`, `h1`…) makes the element's content inline
//   Markdown, without a paragraph around it.
import type { Html, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import type { Plugin, Processor } from 'unified';
import { KRAMDOWN_SPAN_ELEMENTS, SPAN_CONTENT_TAG, START_TAG, elementName, escapeText, rawElementEnd, readRawHtml } from '../kramdown-raw-html.ts';
import { pointer } from '../source-points.ts';
import { SKIP, visit } from '../visit.ts';

/** Containers whose children are blocks (where an HTML node is an HTML block). */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
/** `<?…` and `<!…` (not a comment): no HTML to kramdown at the start of a block. */
const NOT_HTML_TO_KRAMDOWN = /^ {0,3}<(?:\?|!(?!--))/;

/**
 * Parses `text` as Markdown with the note's own parser; `offsetOf` maps an offset in `text` to one
 * in the note's Markdown (or undefined, then every node takes `fallback`), so line numbers stay exact.
 */
function parseAt(processor: Processor, text: string, point: (offset: number) => Point, offsetOf: ((offset: number) => number) | undefined, fallback: Position | undefined): RootContent[] {
  const root = processor.parse(text) as Root;
  visit(root, (node) => {
    if (!node.position) return;
    if (offsetOf && node.position.start.offset !== undefined && node.position.end.offset !== undefined) {
      node.position = { start: point(offsetOf(node.position.start.offset)), end: point(offsetOf(node.position.end.offset)) };
    } else if (fallback) {
      node.position = structuredClone(fallback);
    } else {
      delete node.position;
    }
  });
  return root.children;
}

const remarkKramdownHtmlBlocks: Plugin<[], Root> = function () {
  const processor = this as unknown as Processor;
  return (tree, file) => {
    const source = String(file.value);
    const point = pointer(source);
    /** Elements open at this point of the note (an HTML block's end tag may come blocks later). */
    const open: string[] = [];
    /** The text of `node` exactly as in the source (false inside a quote or list, where prefixes differ). */
    const verbatim = (node: Nodes): boolean => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      return start !== undefined && end !== undefined && (node.type !== 'html' || source.slice(start, end) === node.value);
    };

    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined || !BLOCK_PARENTS.has(parent.type)) return undefined;
      const siblings = (parent as Parent).children as RootContent[];
      const at = node as RootContent;

      if (at.type === 'html' && NOT_HTML_TO_KRAMDOWN.test(at.value) && parent.type === 'root' && verbatim(at)) {
        // A paragraph to kramdown, with the lines straight under it.
        const next = siblings[index + 1];
        const joined = next?.type === 'paragraph' && next.position && at.position!.end.line + 1 === next.position.start.line && verbatim(next);
        const start = at.position!.start.offset!;
        const end = (joined ? next : at).position!.end.offset!;
        const text = source.slice(start, end).replace('<', '\\<');
        const nodes = parseAt(processor, text, point, (offset) => start + Math.max(0, offset - 1), at.position);
        siblings.splice(index, joined ? 2 : 1, ...nodes);
        return [SKIP, index + nodes.length];
      }

      if (at.type === 'html' && parent.type !== 'root' && startsWithSpanElement(at.value) && isOneTag(at.value)) {
        // The same `<img …>` alone in a quote or list item (remark took the `>`/indent off its value).
        siblings[index] = { type: 'paragraph', children: [{ type: 'html', value: at.value.trim(), position: at.position }], position: at.position };
        return [SKIP, index + 1];
      }

      if (at.type === 'html' && parent.type === 'root' && verbatim(at) && startsWithSpanElement(at.value)) {
        // A paragraph to kramdown. CommonMark takes a tag alone on its line for an HTML block, so
        // the text is read behind a letter that starts a paragraph there, then the letter goes.
        const start = at.position!.start.offset!;
        const text = source.slice(start, at.position!.end.offset!);
        if (isOneTag(text)) {
          // The common `<img …>` alone: no need to read it again.
          const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'html', value: text.trim(), position: at.position }], position: at.position };
          siblings[index] = paragraph;
          return [SKIP, index + 1];
        }
        const indent = /^ */.exec(text)![0].length;
        const nodes = parseAt(processor, `${text.slice(0, indent)}x${text.slice(indent)}`, point, (offset) => start + (offset > indent ? offset - 1 : offset), at.position);
        const first = nodes[0]?.type === 'paragraph' ? nodes[0].children[0] : undefined;
        if (first?.type === 'text' && first.value.startsWith('x')) {
          first.value = first.value.slice(1);
          if (!first.value) (nodes[0] as Paragraph).children.shift();
          siblings.splice(index, 1, ...nodes);
          return [SKIP, index + nodes.length];
        }
      }

      if (at.type === 'paragraph' && parent.type === 'root' && verbatim(at)) {
        const replaced = blockFromParagraph(at, source);
        if (!replaced) return undefined;
        const html: Html = { type: 'html', value: replaced.html, position: { start: point(replaced.start), end: point(replaced.cut) } };
        const rest = source.slice(replaced.cut, replaced.end);
        const after = rest.trim() ? parseAt(processor, rest, point, (offset) => replaced.cut + offset, undefined) : [];
        siblings.splice(index, 1, html, ...after);
        return index; // the new HTML node is read below, like any other
      }

      if (at.type !== 'html') return undefined;
      const pieces = readRawHtml(at.value, open);
      if (pieces.length === 1) {
        at.value = pieces[0]!.value;
        return undefined;
      }
      // `markdown="span"` content: inline Markdown between the HTML pieces.
      const base = verbatim(at) ? at.position!.start.offset! : undefined;
      const nodes: RootContent[] = [];
      for (const piece of pieces) {
        if (piece.kind === 'html') {
          nodes.push({ type: 'html', value: piece.value, position: at.position });
          continue;
        }
        const parsed = parseAt(processor, piece.value, point, base === undefined ? undefined : (offset) => base + piece.offset + offset, at.position);
        const only = parsed.length === 1 && parsed[0]!.type === 'paragraph' ? parsed[0] : undefined;
        // The inline content in a wrapper that leaves no element (rehype-span-content unwraps
        // it): as loose nodes it would get line breaks between them.
        if (only) nodes.push({ ...only, data: { ...only.data, hName: SPAN_CONTENT_TAG } });
        else if (piece.value.trim()) nodes.push({ type: 'html', value: escapeText(piece.value), position: at.position });
      }
      siblings.splice(index, 1, ...nodes);
      return [SKIP, index + nodes.length];
    });
  };
};

/** Is `text` one start tag and nothing else? */
function isOneTag(text: string): boolean {
  const indent = /^ */.exec(text)![0].length;
  START_TAG.lastIndex = indent;
  const tag = START_TAG.exec(text);
  return tag !== null && text.slice(indent + tag[0].length).trim() === '';
}

/** Does this HTML block start with a tag of kramdown's span elements (`<img>`, `<br>`, `<a>`)? */
function startsWithSpanElement(html: string): boolean {
  const indent = /^ {0,3}/.exec(html)![0].length;
  START_TAG.lastIndex = indent;
  const name = START_TAG.exec(html)?.[1]?.toLowerCase();
  // A textarea keeps its lines as they are in both readings.
  return name !== undefined && name !== 'textarea' && KRAMDOWN_SPAN_ELEMENTS.has(name);
}

/**
 * A paragraph that kramdown reads as an HTML block: it starts with a start tag of a non-span
 * element. The block runs to that element's end (or to the paragraph's end if it does not end
 * inside it); Markdown after it, on its line or below, is read again.
 */
function blockFromParagraph(paragraph: Paragraph, source: string): { html: string; start: number; cut: number; end: number } | undefined {
  const start = paragraph.position!.start.offset!;
  const end = paragraph.position!.end.offset!;
  START_TAG.lastIndex = start;
  const tag = START_TAG.exec(source);
  if (!tag || KRAMDOWN_SPAN_ELEMENTS.has(elementName(tag[1]!).toLowerCase())) return undefined;
  const text = source.slice(start, end);
  const elementEnd = rawElementEnd(text);
  let cut = elementEnd === undefined ? text.length : elementEnd;
  const trailing = /^[ \t]*(?:\n|$)/.exec(text.slice(cut));
  if (trailing) cut += trailing[0].length;
  return { html: text.slice(0, cut).replace(/\n$/, ''), start, cut: start + cut, end };
}

export default remarkKramdownHtmlBlocks;
