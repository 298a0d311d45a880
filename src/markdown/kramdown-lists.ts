// kramdown's list scanning, applied to the text before CommonMark reads it. kramdown gives a
// list item every following line that is indented to the item's content, and — until a blank
// line — every other non-blank line too ("lazy" lines), whatever block it starts: bullets
// written straight under `1. **Title**`, a fence at the margin, a `#` line. CommonMark ends the
// item at such a line. Indenting those lines to the item's content column makes CommonMark
// read the item as kramdown does; only columns change, so every line keeps its number.
// Nested items are scanned the same way, inside their item's text, as kramdown does.

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HR = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BULLET = /^( {0,3}[+*-])([\t ].*|)$/;
const ORDERED = /^( {0,3}\d+\.)([\t ].*|)$/;
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
  /** The marker line as written. */
  first: string;
  /** Width of the marker with its leading spaces, and kramdown's content indentation. */
  markerWidth: number;
  indentation: number;
  /** Lines after the first, with the item's indentation removed (lazy lines as written). */
  body: string[];
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
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = listStart(line);
    if (lastBlank && HR.test(line)) break;
    if (/^\^\s*$/.test(line)) break; // kramdown's end-of-block marker
    const maxSpaces = item ? Math.min(3, item.indentation - 1) : 3;
    if (marker && marker.type === type && leadingSpaces(line) <= maxSpaces) {
      item = { first: line, markerWidth: marker.marker.length, indentation: itemIndentation(marker.marker, marker.content), body: [] };
      items.push(item);
      lastBlank = false;
      continue;
    }
    if (!item) break;
    if (BLANK.test(line)) {
      item.body.push('');
      lastBlank = true;
      continue;
    }
    const content = deindent(line, item.indentation);
    if (content !== undefined) {
      item.body.push(content);
      lastBlank = false;
      continue;
    }
    if (!lastBlank && !LAZY_STOP.test(line)) {
      item.body.push(line);
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

/** `lines` with every list item's lines indented so CommonMark keeps them in the item. */
export function kramdownListLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      out.push(line);
      const marker = fence[1]!;
      for (i++; i < lines.length; i++) {
        out.push(lines[i]!);
        const close = FENCE_OPEN.exec(lines[i]!);
        if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length && lines[i]!.trim() === close[1]) break;
      }
      i++;
      continue;
    }
    if (BLOCKQUOTE.test(line)) {
      // kramdown's quote runs to the next blank line: lines without `>` are in it too, even
      // those that start a block (a heading, a list), which would end the quote in CommonMark.
      out.push(line);
      for (i++; i < lines.length && !BLANK.test(lines[i]!) && !QUOTE_END.test(lines[i]!); i++) {
        out.push(BLOCKQUOTE.test(lines[i]!) || !STARTS_BLOCK.test(lines[i]!) ? lines[i]! : `> ${lines[i]!}`);
      }
      continue;
    }
    if (!listStart(line)) {
      out.push(line);
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
      out.push(marker + content);
      const column = commonMarkIndentation(marker, content);
      // The item's own first line is scanned with its body (it may open a fence), not re-written.
      const body = kramdownListLines([content.trimStart(), ...item.body]).slice(1);
      for (const bodyLine of body) out.push(bodyLine === '' ? '' : ' '.repeat(column) + bodyLine);
    }
    i = Math.max(end, i + 1);
  }
  return out;
}
