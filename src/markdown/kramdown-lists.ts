// kramdown's list scanning, applied to the text before CommonMark reads it. kramdown gives a
// list item every following line that is indented to the item's content, and — until a blank
// line — every other non-blank line too ("lazy" lines), whatever block it starts: bullets
// written straight under `1. **Title**`, a fence at the margin, a `#` line. CommonMark ends the
// item at such a line. Indenting those lines to the item's content column makes CommonMark
// read the item as kramdown does; only columns change, so every line keeps its number.
// Nested items are scanned the same way, inside their item's text, as kramdown does, and so
// are indented code blocks (kramdown-codeblock.ts), which take lazy lines too: the only lines
// joined, each output line says which line it came from. Quotes are followed to their end.
import { isCodeLine, scanCodeBlock } from './kramdown-codeblock.ts';

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HR = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** kramdown needs a space or tab after the marker: a bare `-` or `1.` is text. */
const BULLET = /^( {0,3}[+*-])([\t ].*)$/;
const ORDERED = /^( {0,3}\d+\.)([\t ].*)$/;
const BARE_MARKER = /^( {0,3})([*+-]|\d+\.)$/;
const BLANK = /^[ \t]*$/;
/** Lines that never continue an item lazily: block IALs and block-level HTML tags. */
const SPAN_TAGS = 'a|abbr|acronym|b|bdo|big|br|button|cite|code|del|dfn|em|i|img|input|ins|kbd|label|mark|option|q|rb|rbc|rp|rt|rtc|ruby|s|samp|select|small|span|strike|strong|sub|sup|textarea|tt|u|var';
const LAZY_STOP = new RegExp(String.raw`^ {0,3}(?:\{:(?!:|\/)[^}]+\}\s*$|<\/?(?!(?:${SPAN_TAGS})\b)[A-Za-z][\w:.-]*)`);

const BLOCKQUOTE = /^ {0,3}>/;
/** Lines that end a kramdown quote without a blank line: `^`, a block IAL, a block-level HTML tag. */
const QUOTE_END = new RegExp(String.raw`^(?:\^\s*$|${LAZY_STOP.source.slice(1)})`);
/** Lines CommonMark would not take as a lazy continuation of the quote's paragraph. */
const STARTS_BLOCK = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|[*+-][ \t]|\d+[.)][ \t]|`{3,}|~{3,}|(?:[*_-][ \t]*){3,}$|<)/;

function expandTabs(text: string): string {
  let out = '';
  for (const char of text) out += char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char;
  return out;
}

const leadingSpaces = (text: string): number => /^ */.exec(text)![0].length;

interface Item {
  /** Index of the marker line in the scanned lines. */
  start: number;
  /** The marker line as written. */
  first: string;
  /** Width of the marker with its leading spaces, and kramdown's content indentation. */
  markerWidth: number;
  indentation: number;
  /** Lines after the first, with the item's indentation removed (lazy lines as written). */
  body: string[];
  /**
   * Indexes in `body` where kramdown starts a new piece of the item's text, parsed on its own:
   * at the first nested list indented to the item's content (list.rb's `nested_list_found`).
   */
  pieces: number[];
}

function listStart(line: string): { type: 'ul' | 'ol'; marker: string; content: string } | undefined {
  if (HR.test(line)) return undefined;
  const bullet = BULLET.exec(line);
  if (bullet) return { type: 'ul', marker: bullet[1]!, content: bullet[2]! };
  const ordered = ORDERED.exec(line);
  if (ordered) return { type: 'ol', marker: ordered[1]!, content: ordered[2]! };
  return undefined;
}

/** kramdown's content indentation of an item whose marker line is `marker` + `content`. */
function itemIndentation(marker: string, content: string): number {
  if (/^\s*(?:\{:[^}]*\})?\s*$/.test(content)) return 4;
  const expanded = expandTabs(marker + content).slice(marker.length);
  return marker.length + leadingSpaces(expanded);
}

/** The column CommonMark takes an item's content from. */
function commonMarkIndentation(marker: string, content: string): number {
  const spaces = leadingSpaces(expandTabs(marker + content).slice(marker.length));
  if (content.trim() === '' || spaces > 4) return marker.length + 1;
  return marker.length + spaces;
}

/** Removes `width` columns of indentation (tabs count to the next multiple of four). */
function deindent(line: string, width: number): string | undefined {
  const expanded = expandTabs(line);
  return leadingSpaces(expanded) >= width ? expanded.slice(width) : undefined;
}

/** Scans one list starting at `lines[start]`; returns its items and the index after it. */
function scanList(lines: readonly string[], start: number): { items: Item[]; end: number } {
  const type = listStart(lines[start]!)!.type;
  const items: Item[] = [];
  let item: Item | undefined;
  let lastBlank = false;
  /** kramdown's `nested_list_found`: a blank line or an indented nested list came. */
  let nested = false;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = listStart(line);
    if (lastBlank && HR.test(line)) break;
    if (/^\^\s*$/.test(line)) break; // kramdown's end-of-block marker
    const maxSpaces = item ? Math.min(3, item.indentation - 1) : 3;
    if (marker && marker.type === type && leadingSpaces(line) <= maxSpaces) {
      item = { start: i, first: line, markerWidth: marker.marker.length, indentation: itemIndentation(marker.marker, marker.content), body: [], pieces: [] };
      items.push(item);
      lastBlank = false;
      nested = listStart(marker.content.trimStart()) !== undefined;
      continue;
    }
    if (!item) break;
    if (BLANK.test(line)) {
      item.body.push('');
      lastBlank = true;
      nested = true;
      continue;
    }
    const content = deindent(line, item.indentation);
    if (content !== undefined) {
      if (!nested && listStart(content)) {
        item.pieces.push(item.body.length);
        nested = true;
      }
      item.body.push(content);
      lastBlank = false;
      continue;
    }
    if (!lastBlank && !LAZY_STOP.test(line)) {
      // After a nested list, kramdown indents a lazy list line past the item's content by four
      // more columns: it lands in the nested list's last item, as text (not a sibling item).
      item.body.push(nested && listStart(line) ? ' '.repeat(item.indentation + 4) + expandTabs(line) : line);
      continue;
    }
    break;
  }
  // Blank lines at the end belong to what follows, not to the last item.
  while (items.length && i > start && BLANK.test(lines[i - 1]!) && items.at(-1)!.body.at(-1) === '') {
    items.at(-1)!.body.pop();
    i--;
  }
  return { items, end: i };
}

/** A kramdown setext underline (`=` or `-` alone). */
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** The quoted text of a line (`> text` → `text`), or undefined for a line without `>`. */
const quoted = (line: string): string | undefined => (BLOCKQUOTE.test(line) ? line.replace(/^ {0,3}> ?/, '') : undefined);

/**
 * A line without `>` inside a kramdown quote, as CommonMark must see it to read it the same.
 * `start` is the index of the quote's first line.
 */
function quoteLine(lines: readonly string[], index: number, start: number): string {
  const line = lines[index]!;
  if (BLOCKQUOTE.test(line)) return line;
  const before = quoted(lines[index - 1]!) ?? lines[index - 1]!;
  if (UNDERLINE.test(line) && before.trim() !== '' && !STARTS_BLOCK.test(before)) {
    // kramdown's setext heading is one line of text over its underline (in the quote too); under
    // a longer paragraph the underline is text, which CommonMark would not take lazily.
    const single = index - 1 === start || (quoted(lines[index - 2]!) ?? lines[index - 2]!).trim() === '';
    return single ? `> ${line}` : line.replace(/^( *)/, '$1\\');
  }
  return STARTS_BLOCK.test(line) ? `> ${line}` : line;
}

interface BlockLines {
  lines: string[];
  /** For each of `lines`, the index of the scanned line it comes from. */
  from: number[];
}

/** `lines` with every list item's lines indented so CommonMark keeps them in the item. */
export function kramdownListLines(lines: readonly string[]): string[] {
  return kramdownBlockLines(lines).lines;
}

/**
 * kramdown's block structure made plain to CommonMark: list items and quotes keep their lazy
 * lines, indented code blocks theirs. Where a code block joins lines, `from` maps each line back.
 */
export function kramdownBlockLines(lines: readonly string[]): BlockLines {
  const out: string[] = [];
  const from: number[] = [];
  const push = (line: string, index: number): void => {
    out.push(line);
    from.push(index);
  };
  /** Is the line at `i` at a block boundary (where an indented line starts a code block)? */
  let boundary = true;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      push(line, i);
      const marker = fence[1]!;
      for (i++; i < lines.length; i++) {
        push(lines[i]!, i);
        const close = FENCE_OPEN.exec(lines[i]!);
        if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length && lines[i]!.trim() === close[1]) break;
      }
      i++;
      boundary = true;
      continue;
    }
    if (boundary && isCodeLine(line)) {
      const code = scanCodeBlock(lines, i, (text) => LAZY_STOP.test(text) || /^\^\s*$/.test(text));
      code.lines.forEach((text, k) => push(text, code.from[k]!));
      i = code.end;
      boundary = false;
      continue;
    }
    if (BLOCKQUOTE.test(line)) {
      // kramdown's quote runs to the next blank line: lines without `>` are in it too, even
      // those that start a block (a heading, a list), which would end the quote in CommonMark.
      const start = i;
      let end = i + 1;
      while (end < lines.length && !BLANK.test(lines[end]!) && !QUOTE_END.test(lines[end]!)) end++;
      // The quote's text as kramdown parses it, for the indented code blocks in it.
      const content = lines.slice(start, end).map((text) => quoted(text) ?? text);
      for (let k = 0; k < content.length; ) {
        if ((k === 0 || BLANK.test(content[k - 1]!)) && isCodeLine(content[k]!)) {
          const code = scanCodeBlock(content, k, () => false);
          code.lines.forEach((text, n) => push(text === '' ? '>' : `> ${text}`, start + code.from[n]!));
          k = code.end;
        } else {
          push(k === 0 ? line : quoteLine(lines, start + k, start), start + k);
          k++;
        }
      }
      i = end;
      boundary = false;
      continue;
    }
    if (!listStart(line)) {
      // A marker without the space after it is text to kramdown (`-` only where no paragraph
      // line is above it: there it is a heading's underline); CommonMark makes an empty item.
      const bare = BARE_MARKER.exec(line);
      push(bare && (bare[2] !== '-' || boundary) ? `${bare[1]}${bare[2]!.replace(/^([*+-])|\.$/, '\\$&')}` : line, i);
      boundary = BLANK.test(line) || ATX.test(line) || HR.test(line) || UNDERLINE.test(line);
      i++;
      continue;
    }
    const { items, end } = scanList(lines, i);
    const bullet = /[*+-]/.exec(items[0]!.first)?.[0];
    for (const item of items) {
      let marker = item.first.slice(0, item.markerWidth);
      let content = item.first.slice(item.markerWidth);
      // kramdown continues a bullet list whatever the bullet (`*` then `+`); CommonMark starts a
      // new list at each change, so every item takes the first item's bullet (same width).
      if (bullet && /[*+-]$/.test(marker)) marker = marker.slice(0, -1) + bullet;
      // kramdown takes any run of spaces and tabs after the marker as indentation; CommonMark
      // reads more than four columns as an indented code block: one space says the same.
      if (leadingSpaces(expandTabs(marker + content).slice(marker.length)) > 4 && content.trim() !== '') content = ` ${content.trimStart()}`;
      push(marker + content, item.start);
      const column = commonMarkIndentation(marker, content);
      const body = itemBody(content.trimStart(), item);
      body.lines.forEach((text, k) => push(text === '' ? '' : ' '.repeat(column) + text, item.start + 1 + body.from[k]!));
    }
    i = Math.max(end, i + 1);
    boundary = false;
  }
  return { lines: out, from };
}

/**
 * An item's body lines (after its first line), each piece scanned on its own as kramdown parses
 * it; `from` indexes `item.body`.
 */
function itemBody(content: string, item: Item): BlockLines {
  const lines: string[] = [];
  const from: number[] = [];
  const bounds = [0, ...item.pieces, item.body.length];
  let previous: string[] = [];
  for (let p = 0; p + 1 < bounds.length; p++) {
    const first = bounds[p]!;
    const piece = item.body.slice(first, bounds[p + 1]);
    if (p > 0) piece[0] = apartFrom(previous, piece[0]!);
    // The item's own first line is scanned with the first piece (it may open a fence), not re-written.
    const scanned = p === 0 ? kramdownBlockLines([content, ...piece]) : kramdownBlockLines(piece);
    const skip = p === 0 ? 1 : 0;
    scanned.lines.slice(skip).forEach((text, k) => {
      lines.push(text);
      from.push(first + scanned.from[k + skip]! - skip);
    });
    previous = scanned.lines;
  }
  return { lines, from };
}

/**
 * The first line of a piece, with another bullet when the piece before ends in a bullet list:
 * kramdown starts a new list there; CommonMark would continue the one before.
 */
function apartFrom(previous: readonly string[], line: string): string {
  const bullet = BULLET.exec(line);
  const last = [...previous].reverse().find((text) => /^ {0,3}\S/.test(text));
  const before = last === undefined ? undefined : BULLET.exec(last)?.[1]?.trim();
  if (!bullet || !before || HR.test(line)) return line;
  const other = ['*', '-', '+'].find((char) => char !== before)!;
  return bullet[1]!.replace(/[*+-]$/, other) + bullet[2]!;
}
