// Inline HTML whose content kramdown keeps raw: `<kbd>`, `<code>`, `<samp>`, `<var>`, every
// element kramdown knows as neither span nor block container (`<mark>`, `<u>`, `<font>`, XML
// names) and `markdown="0"`. Its text is shown as written — `<kbd>*x*</kbd>` keeps its stars, no
// smart quotes — where CommonMark parses Markdown between the tags. kramdown reads such an
// element up to its own end tag; an end tag of another element is text, and an element never
// closed takes the rest of the paragraph (kramdown-raw-html.ts `readRawSpan`). `<![CDATA[` and
// `<?` in a paragraph are text to kramdown, not HTML.
import type { Html, Nodes, Parent, PhrasingContent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { START_TAG, isRawSpan, isSpanTag, readRawSpan, escapeText, tagOnOneLine } from '../kramdown-raw-html.ts';
import { pointer } from '../source-points.ts';
import { visitParents } from '../visit.ts';
import { containerText } from '../container-text.ts';

/** Blocks holding inline content whose source is one run of text. */
const CONTAINERS = new Set(['paragraph', 'heading', 'tableCell']);
const NOT_HTML = /^<(?:\?|!(?!--))/;
const NESTED_MARKDOWN = /<[^>]*\smarkdown\s*=\s*["']?(?:1|span)\b/i;

const remarkKramdownRawSpans: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  if (!/<[\p{L}_?!]/u.test(source)) return;
  const point = pointer(source);
  const offsets = (node: Nodes): [number, number] | undefined => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? undefined : [start, end];
  };

  visitParents(tree, (container, ancestors) => {
    if (!CONTAINERS.has(container.type)) return;
    const range = offsets(container as Nodes);
    const children = (container as Parent).children as PhrasingContent[];
    if (!range || !children.some((child) => child.type === 'html')) return;
    // Read in the block's text: inside a quote or list item, its lines without their prefixes.
    const { text, toSource, fromSource } = containerText(source, container, ancestors);
    /** A node's range in the text. */
    const at = (node: Nodes): [number, number] | undefined => {
      const found = offsets(node);
      return found && [fromSource(found[0]), fromSource(found[1])];
    };
    const verbatim = (node: Nodes): boolean => {
      const found = at(node);
      return found !== undefined && 'value' in node && text.slice(found[0], found[1]) === node.value;
    };
    const html = (value: string, start: number, end: number): Html => ({ type: 'html', value, position: { start: point(toSource(start)), end: point(toSource(end)) } });
    let limit = fromSource(range[1]);
    // A table cell's range takes the spaces before the next `|`; kramdown strips them.
    while (/[ \t]/.test(text[limit - 1] ?? '')) limit--;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.type !== 'html' || !verbatim(child)) continue;
      const [start, end] = at(child)!;
      // Text to kramdown up to the first tag in it (which may open a raw element: read on below).
      let tagAt = start;
      if (NOT_HTML.test(child.value)) {
        const next = child.value.slice(1).search(/<[\p{L}_/]/u);
        tagAt = next < 0 ? end : start + 1 + next;
        if (tagAt >= end) {
          children[index] = html(escapeText(child.value), start, end);
          continue;
        }
      }
      START_TAG.lastIndex = tagAt;
      const tag = START_TAG.exec(text);
      if (!tag || tag[3] || !isSpanTag(tag[1]!) || !isRawSpan(tag[1]!, tag[2] ?? '')) continue;
      if (tagAt === start && tag[0].length !== child.value.length) continue;
      const content = readRawSpan(text, tagAt + tag[0].length, limit, tag[1]!);
      // An element inside asking for Markdown again (`markdown="1"`) is left to remark-kramdown-span-html.
      if (NESTED_MARKDOWN.test(content.html)) continue;
      // The children the raw element covers; one it ends inside must be plain text, split there.
      let last = index;
      while (last + 1 < children.length && (at(children[last + 1]!)?.[0] ?? limit) < content.end) last++;
      const lastRange = at(children[last]!);
      if (!lastRange) continue;
      const tail = children[last]!;
      if (lastRange[1] > content.end && (tail.type !== 'text' || !verbatim(tail))) continue;
      const replacement: PhrasingContent[] = [html(escapeText(text.slice(start, tagAt)) + tagOnOneLine(tag[0]) + content.html, start, content.end)];
      if (lastRange[1] > content.end) replacement.push({ type: 'text', value: text.slice(content.end, lastRange[1]), position: { start: point(toSource(content.end)), end: point(toSource(lastRange[1])) } });
      children.splice(index, last - index + 1, ...replacement);
    }
  });
};

export default remarkKramdownRawSpans;
