// kramdown's emphasis instead of CommonMark's: the emphasis CommonMark found in a paragraph,
// heading or cell is undone back to its markers, and the run is read again by kramdown's rules
// (kramdown-emphasis.ts). Code, links, HTML and pictures stay as CommonMark read them (kramdown
// reads them whole too); a link's own text is read the same way, inside the emphasis around it.
// Where both readings agree the nodes are left untouched; where they differ, the new text nodes
// get their exact source positions (the typography plugin after this one reads the source).
import type { Html, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Point, Position } from 'unist';
import type { Plugin } from 'unified';
import { parseEmphasis, type Piece, type Token } from '../kramdown-emphasis.ts';
import { pointer } from '../source-points.ts';
import { visit } from '../visit.ts';

type Node = PhrasingContent;
type Span = Extract<Node, { type: 'emphasis' | 'strong' }>;
const isSpan = (node: Node): node is Span => node.type === 'emphasis' || node.type === 'strong';
const hasChildren = (node: Node): node is Extract<Node, Parent> => 'children' in node && Array.isArray(node.children);

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITY = /^&(?:#\d+|#x[\da-f]+|\w+);/i;

interface Reading {
  tokens: Token<Node>[];
  /** Source range of each token (undefined where a plugin made the text). */
  offsets: (number | undefined)[];
  ends: (number | undefined)[];
  /** Inside an inline element whose content kramdown keeps raw (`<kbd>**x**</kbd>`): its end tag. */
  rawUntil?: RegExp;
}

/** Inline elements kramdown reads with their content (their own span of text). */
const SPAN_ELEMENTS = new Set('a abbr acronym b bdo big button cite code del dfn em font i ins kbd label mark q s samp small span strike strong sub sup tt u var'.split(' '));
const TAG = /^<(\/?)([A-Za-z][\w-]*)(?:\s[^>]*)?>$/;

/** Inline elements whose content kramdown does not parse (as the typography plugin). */
const RAW_SPAN = /^<(kbd|samp|var|code|script|style|math|option|textarea|pre)\b[^>]*>$/i;

function push(into: Reading, token: Token<Node>, from?: number, to?: number): void {
  into.tokens.push(token);
  into.offsets.push(from);
  into.ends.push(to);
}

/** How many UTF-16 units the character of a numeric entity takes (named ones: one). */
function entityUnits(entity: string): number {
  const hex = /^&#x/i.test(entity);
  const code = entity.startsWith('&#') ? Number.parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10) : 0;
  return code > 0xffff && code <= 0x10ffff ? 2 : 1;
}

/**
 * The characters of a text node with their source offsets: a `*` or `_` is a marker only where
 * the source has it as written (not `\*`, not an entity). Undefined where value and source part.
 */
function readText(node: Text, source: string, into: Reading): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) {
    for (const char of node.value) push(into, { kind: 'char', char, marker: false });
    return true;
  }
  let j = start;
  for (let i = 0; i < node.value.length; i++) {
    const char = node.value[i]!;
    for (;;) {
      if (j >= end) return false;
      const raw = source[j]!;
      if (raw === '\\' && ASCII_PUNCTUATION.test(source[j + 1] ?? '') && source[j + 1] === char) {
        push(into, { kind: 'char', char, marker: false }, j, j + 2);
        j += 2;
        break;
      }
      const entity = raw === '&' && char !== '&' ? ENTITY.exec(source.slice(j, j + 40)) : null;
      if (entity) {
        // An entity's character, or both halves of one outside the BMP.
        const units = entityUnits(entity[0]);
        for (let k = 0; k < units && i + k < node.value.length; k++) push(into, { kind: 'char', char: node.value[i + k]!, marker: false }, j, j + entity[0].length);
        i += units - 1;
        j += entity[0].length;
        break;
      }
      if (raw === char) {
        push(into, { kind: 'char', char, marker: !into.rawUntil && (char === '*' || char === '_') }, j, j + 1);
        j++;
        break;
      }
      j++; // indentation and quote markers of continuation lines are not in the value
    }
  }
  return true;
}

/** The run as kramdown sees it: emphasis undone into its markers, other elements whole. */
function read(children: Node[], source: string, into: Reading): boolean {
  for (const child of children) {
    if (child.type === 'text') {
      if (!readText(child, source, into)) return false;
      continue;
    }
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (isSpan(child) && start !== undefined && end !== undefined) {
      const width = child.type === 'strong' ? 2 : 1;
      const marker = source[start]!;
      if ((marker !== '*' && marker !== '_') || source.slice(start, start + width) !== marker.repeat(width) || source.slice(end - width, end) !== marker.repeat(width)) return false;
      const markers = (at: number): void => {
        for (let k = 0; k < width; k++) push(into, { kind: 'char', char: marker, marker: !into.rawUntil }, at + k, at + k + 1);
      };
      markers(start);
      if (!read(child.children, source, into)) return false;
      markers(end - width);
      continue;
    }
    if (child.type === 'html') {
      const value = child.value.trim();
      if (into.rawUntil?.test(value)) into.rawUntil = undefined;
      else if (!into.rawUntil) {
        const raw = RAW_SPAN.exec(value);
        if (raw) into.rawUntil = new RegExp(`^</${raw[1]}\\s*>$`, 'i');
      }
    }
    // kramdown's scanner sees the element's first and last source character around it.
    const first = start === undefined ? '\0' : source[start]!;
    const last = end === undefined ? '\0' : source[end - 1]!;
    const html = child.type === 'html' ? (child as Html).value.trim() : '';
    const tag = html ? TAG.exec(html) : null;
    const name = tag?.[2]!.toLowerCase();
    const element = tag && SPAN_ELEMENTS.has(name!) && !html.endsWith('/>') ? { name: name!, end: tag[1] === '/' } : undefined;
    push(into, { kind: 'node', node: child, first, last, ...(element ? { tag: element } : {}) }, start, end);
  }
  return true;
}

/** Text values joined, element kinds named: equal when two readings show the same thing. */
function signature(children: readonly Node[]): string {
  let out = '';
  for (const child of children) {
    if (child.type === 'text') out += child.value;
    else out += `\u0001${child.type}${isSpan(child) ? `(${signature(child.children)})` : ''}\u0002`;
  }
  return out;
}

function hasMarkers(children: readonly Node[]): boolean {
  return children.some((child) => (child.type === 'text' ? /[*_]/.test(child.value) : isSpan(child) || (hasChildren(child) && hasMarkers(child.children as Node[]))));
}

const remarkKramdownEmphasis: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  let pointAt: ((offset: number) => Point) | undefined;
  const position = (from: number | undefined, to: number | undefined): Position | undefined => {
    if (from === undefined || to === undefined) return undefined;
    pointAt ??= pointer(source);
    return { start: pointAt(from), end: pointAt(to) };
  };

  /** mdast for kramdown's pieces. */
  const build = (pieces: Piece<Node>[], reading: Reading): Node[] => {
    const out: Node[] = [];
    let text: { value: string; from?: number; to?: number } | undefined;
    const flush = (): void => {
      if (text) out.push({ type: 'text', value: text.value, ...(position(text.from, text.to) ? { position: position(text.from, text.to) } : {}) } as Text);
      text = undefined;
    };
    for (const piece of pieces) {
      if (typeof piece === 'number') {
        const token = reading.tokens[piece]!;
        if (token.kind === 'node') {
          flush();
          out.push(token.node);
          continue;
        }
        const to = reading.ends[piece];
        text ??= { value: '', from: reading.offsets[piece] };
        text.value += token.char;
        if (to !== undefined) text.to = Math.max(text.to ?? 0, to);
        continue;
      }
      flush();
      if (piece.type === 'group') {
        // An element's tags stay siblings of its content in mdast.
        out.push((reading.tokens[piece.open] as { node: Node }).node, ...build(piece.children, reading));
        if (piece.close >= 0) out.push((reading.tokens[piece.close] as { node: Node }).node);
        continue;
      }
      const span = { type: piece.type, children: build(piece.children, reading) } as Span;
      const at = position(reading.offsets[piece.open], reading.ends[piece.close + piece.width - 1]);
      if (at) span.position = at;
      out.push(span);
    }
    flush();
    return out;
  };

  /** Reads `parent`'s content kramdown's way, inside the emphasis kinds `open`. */
  const reread = (parent: { type: string; children: Node[] }, open: readonly string[], before: string): void => {
    if (!hasMarkers(parent.children)) return;
    const reading: Reading = { tokens: [], offsets: [], ends: [] };
    if (read(parent.children, source, reading)) {
      const rebuilt = build(parseEmphasis(reading.tokens, parent.type, open, before), reading);
      if (signature(rebuilt) !== signature(parent.children)) parent.children = rebuilt;
    }
    // Links and other elements holding text: their text is read inside the emphasis around them.
    const inner = (children: Node[], kinds: readonly string[]): void => {
      for (const child of children) {
        if (isSpan(child)) inner(child.children, [...kinds, child.type]);
        else if (hasChildren(child)) {
          // Only text kramdown parses: `[link text]` and `~~struck~~`, not an autolink's address.
          const start = child.position?.start.offset;
          const first = start === undefined ? '' : source[start]!;
          if (first === '[' || child.type === 'delete') reread(child as { type: string; children: Node[] }, kinds, first);
        }
      }
    };
    inner(parent.children, open);
  };

  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      reread(node as { type: string; children: Node[] }, [], '');
      return 'skip';
    }
    return undefined;
  });
};

export default remarkKramdownEmphasis;
