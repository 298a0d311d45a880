// Inline links `[text](url "title")` as kramdown reads them (parser/kramdown/link.rb), where
// CommonMark reads the same characters differently:
// - the URL may hold spaces and unbalanced parentheses: `[a](my file.html)`, `[a](to(do "t")`
//   are links to kramdown, text to CommonMark. Such text is made a link here.
// - a link inside the text of a link is text: `[a [b](x) c](y)` is one link to `y` (CommonMark
//   makes the inner one the link and the outer brackets text).
// - an empty title (`[a](x '')`) makes no link: the brackets show as written.
// - white space may stand between a reference link's text and its id (`[text] [id]`).
// kramdown's URL rule: from `(`, up to the `)` that balances it, or up to white space before a
// quote, after which a non-empty title in '' or "" and `)` must follow; or `(<url>)`.
// The same for pictures: `![a](my picture.png)` is a picture to kramdown.
import type { Link, LinkReference, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Point } from 'unist';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

type Child = PhrasingContent;

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'kramdownTableElement', 'emphasis', 'strong', 'delete']);
const PAREN_STOP = /(\()|(\))|\s(?=['"])/g;
const TITLE = /^\s*?(["'])([\s\S]+?)\1\s*?\)/;

interface Destination {
  url: string;
  title?: string;
  /** Characters taken, from the `(` on. */
  length: number;
}

/** kramdown's reading of the `(…)` after a link's text (`text` starts with `(`), if it makes a link. */
export function kramdownDestination(text: string): Destination | undefined {
  let url: string;
  let at: number;
  const angle = /^\(<(.*?)>/s.exec(text);
  if (angle) {
    url = angle[1]!;
    at = angle[0].length;
    if (text[at] === ')') return { url, length: at + 1 };
  } else {
    let depth = 0;
    let written = '';
    at = 0;
    PAREN_STOP.lastIndex = 0;
    let stop: RegExpExecArray | null;
    while ((stop = PAREN_STOP.exec(text))) {
      written += text.slice(at, stop.index + stop[0].length);
      at = stop.index + stop[0].length;
      if (stop[2]) {
        if (--depth === 0) break;
      } else if (stop[1]) {
        depth++;
      } else {
        break;
      }
    }
    url = written.slice(1, -1).trim();
    if (depth === 0) return { url, length: at };
  }
  const title = TITLE.exec(text.slice(at));
  return title ? { url, title: title[2], length: at + title[0].length } : undefined;
}

interface Reader {
  source: string;
  children: Child[];
}

const offsets = (node: Child): [number, number] | undefined => {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
};

function pointAt(source: string, offset: number): Point {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let at = source.indexOf('\n'); at >= 0 && at < offset; at = source.indexOf('\n', at + 1)) line++;
  return { line, column: offset - lineStart + 1, offset };
}

function textAt(reader: Reader, start: number, end: number): Text {
  return { type: 'text', value: reader.source.slice(start, end), position: { start: pointAt(reader.source, start), end: pointAt(reader.source, end) } };
}

/** A node inside a link's text as kramdown has it: a link there is its source text. */
function inLinkText(reader: Reader, node: Child): Child {
  const range = node.type === 'link' ? offsets(node) : undefined;
  return range ? textAt(reader, ...range) : node;
}

/**
 * The `[` that opens the link text closed by the `]` at `close` (in node `lastIndex`): node index,
 * offset, and whether a `!` before it makes a picture.
 */
function openingBracket(reader: Reader, close: number, lastIndex: number): { index: number; offset: number; picture: boolean } | undefined {
  let depth = 1;
  for (let index = lastIndex; index >= 0; index--) {
    const node = reader.children[index]!;
    const range = offsets(node);
    if (!range) return undefined;
    if (node.type !== 'text') continue; // code, emphasis, links: whole, their brackets balanced or literal
    for (let at = Math.min(range[1], close) - 1; at >= range[0]; at--) {
      const char = reader.source[at];
      if ((char !== '[' && char !== ']') || reader.source[at - 1] === '\\') continue;
      depth += char === ']' ? 1 : -1;
      if (depth === 0) return { index, offset: at, picture: reader.source[at - 1] === '!' && reader.source[at - 2] !== '\\' };
    }
  }
  return undefined;
}

/**
 * Text node `node` around the source range `from`…`to` that becomes a link: the text before and
 * after it. Only where the link and one side of it are written as they stand (no escapes or
 * entities), so the node's text and its source line up.
 */
function around(reader: Reader, node: Text, from: number, to: number): [string, string] | undefined {
  const [start, end] = offsets(node)!;
  const fromLink = reader.source.slice(from, end);
  if (node.value.endsWith(fromLink)) return [node.value.slice(0, node.value.length - fromLink.length), reader.source.slice(to, end)];
  const toLinkEnd = reader.source.slice(start, to);
  if (node.value.startsWith(toLinkEnd)) return [reader.source.slice(start, from), node.value.slice(toLinkEnd.length)];
  return undefined;
}

/** Text CommonMark left as `[…](…)` that kramdown reads as a link (or picture): made one. Whether anything changed. */
function linkFromText(reader: Reader): boolean {
  const { source, children } = reader;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    const range = offsets(node);
    if (node.type !== 'text' || !range || !node.value.includes('](')) continue;
    for (let close = source.indexOf('](', range[0]); close >= 0 && close < range[1]; close = source.indexOf('](', close + 1)) {
      if (source[close - 1] === '\\') continue;
      const destination = kramdownDestination(source.slice(close + 1, range[1]));
      const open = destination && openingBracket(reader, close, index);
      if (!destination || !open) continue;
      const first = children[open.index] as Text;
      const end = close + 1 + destination.length;
      const start = open.picture ? open.offset - 1 : open.offset;
      const lead = around(reader, first, start, open.index === index ? end : offsets(first)![1])?.[0];
      const tail = around(reader, node, open.index === index ? start : range[0], end)?.[1];
      if (lead === undefined || tail === undefined) continue;
      const position = { start: pointAt(source, start), end: pointAt(source, end) };
      let replacement: Child;
      if (open.picture) {
        // kramdown's alt text: the text between the brackets as written, escapes removed.
        const alt = source.slice(open.offset + 1, close).replace(/\\([\\.*_+\-`()[\]{}#!:|"'$=<>])/g, '$1');
        replacement = { type: 'image', url: destination.url, title: destination.title ?? null, alt, position };
      } else {
        const inner: Child[] = [];
        if (open.index === index) {
          if (close > open.offset + 1) inner.push(textAt(reader, open.offset + 1, close));
        } else {
          const headEnd = offsets(first)![1];
          if (headEnd > open.offset + 1) inner.push(textAt(reader, open.offset + 1, headEnd));
          for (let between = open.index + 1; between < index; between++) inner.push(inLinkText(reader, children[between]!));
          if (close > range[0]) inner.push(textAt(reader, range[0], close));
        }
        replacement = { type: 'link', url: destination.url, title: destination.title ?? null, children: inner as Link['children'], position };
      }
      const pieces: Child[] = [];
      if (lead) pieces.push({ type: 'text', value: lead, position: { start: first.position!.start, end: position.start } });
      pieces.push(replacement);
      if (tail) pieces.push({ type: 'text', value: tail, position: { start: position.end, end: node.position!.end } });
      children.splice(open.index, index - open.index + 1, ...pieces);
      return true;
    }
  }
  return false;
}

/** Links CommonMark made that kramdown reads differently: an empty title makes none. */
function checkLinks(reader: Reader): void {
  const { source, children } = reader;
  for (let index = children.length - 1; index >= 0; index--) {
    const node = children[index]!;
    const range = offsets(node);
    if (node.type !== 'link' || !range || source[range[0]] !== '[' || node.children.length === 0) continue;
    const textEnd = offsets(node.children.at(-1)!)?.[1];
    if (textEnd === undefined || source[textEnd] !== ']' || source[textEnd + 1] !== '(') continue;
    if (kramdownDestination(source.slice(textEnd + 1, range[1]))) continue;
    children.splice(index, 1, textAt(reader, range[0], range[0] + 1), ...node.children, textAt(reader, textEnd, range[1]));
  }
}

/** `[text]` and white space at the end of a text node written as it stands: the offset of `[`, and the text. */
const SPACED_LABEL = /\[([^[\]\\]+)\][ \t]*\n?[ \t]*$/;
const EMPTY_ID = /^[ \t]*\n?[ \t]*\[\]/;
const BETWEEN = /^[ \t]*\n?[ \t]*$/;

/**
 * kramdown lets white space (a line break too) stand between a link's text and its id:
 * `[the guide] [aws]` and `[aws] []` are one link each, `[AWS]⏎[aws]` too. CommonMark reads a
 * separate `[aws]` reference there (and the first brackets as text or another reference).
 */
function joinSpacedReferences(reader: Reader): void {
  const { source, children } = reader;
  for (let index = children.length - 1; index > 0; index--) {
    const right = children[index]!;
    if (right.type === 'text' && children[index - 1]!.type === 'linkReference' && EMPTY_ID.test(right.value)) {
      // `[aws] []`: the id is the text's own.
      const reference = children[index - 1] as LinkReference;
      if (reference.referenceType !== 'shortcut') continue;
      const empty = EMPTY_ID.exec(right.value)![0];
      reference.referenceType = 'collapsed';
      if (empty.length === right.value.length) children.splice(index, 1);
      else children[index] = { type: 'text', value: right.value.slice(empty.length), position: right.position && { start: pointAt(source, right.position.start.offset! + empty.length), end: right.position.end } };
      continue;
    }
    // A collapsed `[id][]` on the right: kramdown takes `[id]` as the id, and `[]` is text.
    if (right.type !== 'linkReference' || right.referenceType === 'full') continue;
    let left = children[index - 1]!;
    let first = index - 1;
    let label: Child[];
    let lead: Text | undefined;
    let picture = false;
    /** Where the joined reference starts in the source. */
    let startOffset: number | undefined;
    if (left.type === 'text' && BETWEEN.test(left.value) && children[index - 2]?.type === 'linkReference') {
      first = index - 2;
      left = children[first]!;
      if ((left as LinkReference).referenceType !== 'shortcut') continue;
      label = (left as LinkReference).children;
      startOffset = left.position?.start.offset;
    } else if (left.type === 'linkReference' && left.referenceType === 'shortcut' && offsets(left)?.[1] === offsets(right)?.[0]) {
      continue; // `[a][b]` written together is CommonMark's full reference already
    } else if (left.type === 'text') {
      const range = offsets(left);
      const match = SPACED_LABEL.exec(left.value);
      if (!range || !match || !source.slice(...range).endsWith(match[0])) continue;
      const open = range[1] - match[0].length;
      picture = source[open - 1] === '!' && match.index > 0;
      const at = picture ? match.index - 1 : match.index;
      startOffset = picture ? open - 1 : open;
      label = [textAt(reader, open + 1, open + 1 + match[1]!.length)];
      if (at > 0) lead = { type: 'text', value: left.value.slice(0, at), position: { start: left.position!.start, end: pointAt(source, startOffset) } };
    } else {
      continue;
    }
    const start = startOffset === undefined ? undefined : pointAt(source, startOffset);
    const rightEnd = right.position?.end.offset;
    const end = rightEnd === undefined ? undefined : right.referenceType === 'collapsed' ? rightEnd - 2 : rightEnd;
    const position = start && end !== undefined ? { start, end: pointAt(source, end) } : undefined;
    const reference = { identifier: right.identifier, label: right.label ?? null, referenceType: 'full' as const, position };
    const joined: Child = picture
      ? { type: 'imageReference', ...reference, alt: (label[0] as Text).value }
      : { type: 'linkReference', ...reference, children: label as LinkReference['children'] };
    const empty: Child[] = right.referenceType === 'collapsed' && end !== undefined ? [textAt(reader, end, end + 2)] : [];
    children.splice(first, index - first + 1, ...(lead ? [lead] : []), joined, ...empty);
    index = first + 1;
  }
}

const remarkKramdownLinks: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  if (!source.includes(']')) return;
  visit(tree, (parent) => {
    if (!PHRASING_PARENTS.has(parent.type)) return;
    const reader: Reader = { source, children: (parent as Parent).children as Child[] };
    if (source.includes('](')) {
      checkLinks(reader);
      for (let guard = 0; guard < 100 && linkFromText(reader); guard++);
    }
    joinSpacedReferences(reader);
  });
};

export default remarkKramdownLinks;
