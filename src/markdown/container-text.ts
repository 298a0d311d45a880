// The text of a paragraph (or heading) as kramdown reads it inside quotes and list items: the
// note's source with each container's line prefix taken off the lines after the first — a quote's
// `> ` (kramdown: / {0,3}> ?/), a list item's indent up to its content column. Whatever is left is
// kept as written (kramdown keeps extra spaces; a lazy line keeps all of its own), unlike mdast's
// text values, which also drop leading spaces and decode escapes. Plugins that cut content "as
// written" from the note (raw inline HTML) cut it from here, and map offsets back to the source
// so positions stay exact.
import type { Node, Parent } from 'unist';

export interface ContainerText {
  /** The text; offsets into it are "text offsets". */
  readonly text: string;
  /** The source offset of a text offset. */
  toSource(at: number): number;
  /** The text offset of a source offset (one inside a stripped prefix: where the line's text starts). */
  fromSource(offset: number): number;
}

const QUOTE_PREFIX = /^ {0,3}> ?/;

/** The whole source, offsets unchanged: a block with no container prefixes to strip. */
export const sourceText = (source: string): ContainerText => ({ text: source, toSource: (at) => at, fromSource: (offset) => offset });

type Strip = (line: string) => number | undefined;

/** How many characters the container prefixes take at the start of `line` (the rest is lazy when one is missing). */
function prefixLength(strips: readonly Strip[], line: string): number {
  let taken = 0;
  for (const strip of strips) {
    const length = strip(line.slice(taken));
    if (length === undefined) break;
    taken += length;
  }
  return taken;
}

const lineStart = (source: string, offset: number): number => source.lastIndexOf('\n', offset - 1) + 1;

/**
 * The text of `block` below `ancestors` (outermost first, as visitParents gives them), its first
 * character at text offset 0; the whole source, offsets unchanged, when no quote or list item
 * holds the block or it is one line.
 */
export function containerText(source: string, block: Node, ancestors: readonly Node[]): ContainerText {
  const start = block.position?.start.offset;
  const end = block.position?.end.offset;
  const containers = ancestors.filter((node) => node.type === 'blockquote' || node.type === 'listItem');
  if (start === undefined || end === undefined || containers.length === 0 || !source.slice(start, end).includes('\n')) return sourceText(source);
  const strips: Strip[] = [];
  for (const container of containers) {
    if (container.type === 'blockquote') {
      strips.push((line) => QUOTE_PREFIX.exec(line)?.[0].length);
      continue;
    }
    // A list item's content column: where its first child starts, past the outer prefixes of that line.
    const first = (container as Parent).children[0]?.position?.start.offset;
    if (first === undefined) break;
    const from = lineStart(source, first);
    const indent = first - from - prefixLength(strips, source.slice(from, first));
    strips.push((line) => (line.length >= indent && /^ *$/.test(line.slice(0, indent)) ? indent : undefined));
  }
  // Pieces of the text: [text offset, source offset] where each line's kept part starts.
  const pieces: [number, number][] = [[0, start]];
  let text = '';
  let from = start;
  while (from < end) {
    const newline = source.indexOf('\n', from);
    const lineEnd = newline < 0 || newline >= end ? end : newline + 1;
    text += source.slice(from, lineEnd);
    if (lineEnd >= end) break;
    const next = source.indexOf('\n', lineEnd);
    from = lineEnd + prefixLength(strips, source.slice(lineEnd, next < 0 ? source.length : next));
    pieces.push([text.length, from]);
  }
  const toSource = (at: number): number => {
    let index = pieces.length - 1;
    while (index > 0 && pieces[index]![0] > at) index--;
    return pieces[index]![1] + at - pieces[index]![0];
  };
  const fromSource = (offset: number): number => {
    let index = pieces.length - 1;
    while (index > 0 && pieces[index]![1] > offset) index--;
    const [at, kept] = pieces[index]!;
    // A source offset inside the next line's prefix maps to where that line's kept part starts.
    const next = pieces[index + 1]?.[0];
    return next === undefined ? at + offset - kept : Math.min(at + offset - kept, next);
  };
  return { text, toSource, fromSource };
}
