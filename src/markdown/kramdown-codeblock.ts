// kramdown's indented code block (parser/kramdown/codeblock.rb), read before CommonMark sees
// the text. kramdown's block runs like CommonMark's over lines indented four columns (and blank
// lines between them), but also takes, until a blank line, every following non-blank line
// indented less ("lazy" lines: a `=` or `-` underline, the rest of a wrapped sentence), except a
// block IAL, `^` or a block-level HTML tag; a lazy line indented at most three spaces is joined
// onto the line before it with a space. CommonMark ends the block at such a line and makes it a
// paragraph. Here the joined line takes the first line's place and blank lines fill the places
// of the lines joined, at the end of the block (CommonMark drops a code block's trailing blank
// lines): the block keeps its height, and `from` says where each line came from, so every line
// keeps its number in messages.

/** kramdown's INDENT: a tab or four spaces starts a code line. */
const INDENT = /^(?:\t| {4})/;
const BLANK = /^[ \t]*$/;
/** A lazy line that kramdown joins onto the line before it. */
const JOINED = /^ {0,3}\S/;

export interface CodeBlockLines {
  /** The block's lines as CommonMark should read them. */
  lines: string[];
  /** For each of `lines`, the index (in the scanned lines) of the line it starts with. */
  from: number[];
  /** Index after the block. */
  end: number;
}

export function isCodeLine(line: string): boolean {
  return INDENT.test(line) && !BLANK.test(line);
}

/**
 * The indented code block starting at `lines[start]` (a code line at a block boundary);
 * `stopsLazy` tells the lines that never continue it lazily (IAL, `^`, block HTML).
 */
export function scanCodeBlock(lines: readonly string[], start: number, stopsLazy: (line: string) => boolean): CodeBlockLines {
  const out: string[] = [];
  const from: number[] = [];
  let joined = 0;
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isCodeLine(line)) {
      out.push(line);
      from.push(i);
      i++;
      continue;
    }
    if (BLANK.test(line)) {
      // Blank lines stay in the block only when a code line follows them.
      let next = i;
      while (next < lines.length && BLANK.test(lines[next]!)) next++;
      if (next >= lines.length || !isCodeLine(lines[next]!)) break;
      for (; i < next; i++) {
        out.push(lines[i]!);
        from.push(i);
      }
      continue;
    }
    if (stopsLazy(line)) break;
    if (JOINED.test(line)) {
      out[out.length - 1] += ` ${line}`;
      joined++;
    } else {
      // A lazy line starting with a tab after a space or two stays a line of its own, as written.
      out.push(`    ${line}`);
      from.push(i);
    }
    i++;
  }
  for (let k = 0; k < joined; k++) {
    out.push('');
    from.push(i - 1);
  }
  return { lines: out, from, end: i };
}
