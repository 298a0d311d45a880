// Text-level preparation before Markdown parsing, for two places where CommonMark and
// kramdown read the same text differently:
// 1. a multi-line <script>/<style>/<pre> inside an HTML block: CommonMark ends the block at the
//    first blank line and parses the rest (a PlantUML source!) as Markdown; kramdown keeps it raw.
//    Such elements are set aside and put back by rehype-restore-raw-blocks.
// 2. `markdown="1"` on an HTML element: kramdown parses its content as Markdown; CommonMark does
//    so only after a blank line, which we insert.
// 3. a line right after an HTML block's end tag: kramdown reads it as Markdown again (a `> quote`,
//    a `---` rule), CommonMark as more HTML; a blank line is inserted after the end tag.
// 4. list items, quotes and indented code blocks take their lazy and indented lines the kramdown
//    way (kramdown-lists.ts, kramdown-codeblock.ts).
// 5. a block IAL line (`{: #id .class}`) ends the block before it in kramdown; blank lines
//    around it make it a paragraph of its own here (remark-kramdown-attributes applies it).
// 6. kramdown's end-of-block marker `^` becomes an HTML comment that ends the block in
//    CommonMark too, and is dropped from the tree (remark-kramdown-eob).
// 7. kramdown's link definitions (a URL with spaces; a code block right under one): kramdown-link-defs.ts.
import { LineMap } from '../shared/line-map.ts';
import { BLOCK_ELEMENTS, htmlBlockCloseLine, kramdownHtmlBlockEnd } from './kramdown-html-block.ts';
import { isCodeLine } from './kramdown-codeblock.ts';
import { kramdownLinkDefinition } from './kramdown-link-defs.ts';
import { kramdownBlockLines } from './kramdown-lists.ts';
import { KRAMDOWN_SPAN_ELEMENTS, START_TAG, contentModel, kramdownRawHtml } from './kramdown-raw-html.ts';

export const RAW_BLOCK_TAG = 'notes-raw-block';
/** A whole HTML block set aside (see kramdown-html-block.ts) stands in a `<div>` with this attribute. */
export const RAW_BLOCK_HOST_ATTRIBUTE = 'data-notes-raw-block';

export interface PreprocessResult {
  text: string;
  /** The HTML of each element set aside, by index. */
  rawBlocks: string[];
  /** Line of `text` → line of the input. */
  lineMap: LineMap;
}

const RAW_OPEN = /<(script|style|pre|textarea)\b[^>]*>/gi;
const MARKDOWN_ATTR_OPEN = /<([a-z][a-z0-9-]*)\b([^>]*\bmarkdown=["']?(?:1|block)["']?[^>]*)>\s*$/i;

/** Does `line` end with the start tag of an element whose content kramdown reads as blocks? */
function opensMarkdownBlock(line: string): boolean {
  const tag = MARKDOWN_ATTR_OPEN.exec(line);
  return tag !== null && contentModel(tag[1]!, ` ${tag[2]!}`) === 'block';
}
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** kramdown's end-of-block marker, and what stands for it in the text CommonMark reads. */
const EOB_LINE = /^(\s*)\^\s*$/;
const TABLE_PLUS_SEPARATOR = /^\+[+|: -]*-[+|: -]*$/;
export const EOB_COMMENT = '<!--kramdown-eob-->';
/** A block IAL on a line of its own (not an attribute list definition `{:name: …}`). */
const IAL_LINE = /^ {0,3}\{:(?![\w-]+:)(?!:|\/)[^}]*\}\s*$/;

/** For each line: is it inside a fenced code block (where nothing is touched)? */
function fencedLines(lines: readonly string[]): boolean[] {
  return scanFences(lines).inside;
}

function scanFences(lines: readonly string[]): { inside: boolean[]; unclosed: number | undefined } {
  const inside: boolean[] = [];
  let fence: string | undefined;
  let opened = 0;
  lines.forEach((line, index) => {
    const match = FENCE.exec(line);
    if (fence) {
      inside.push(true);
      if (match?.[1] && match[1][0] === fence[0] && match[1].length >= fence.length && line.trim() === match[1]) fence = undefined;
    } else if (match?.[1]) {
      inside.push(true);
      fence = match[1];
      opened = index;
    } else {
      inside.push(false);
    }
  });
  return { inside, unclosed: fence ? opened : undefined };
}

/**
 * kramdown reads a fence that is never closed as text; CommonMark makes the rest of the note (or
 * of the list item) code. Escaping its first character gives kramdown's reading.
 */
function escapeUnclosedFences(lines: string[]): void {
  for (let guard = 0; guard < 50; guard++) {
    const { unclosed } = scanFences(lines);
    if (unclosed === undefined) return;
    lines[unclosed] = lines[unclosed]!.replace(/^(\s*)/, '$1\\');
  }
}

/**
 * kramdown's setext heading is one line of text over its underline; under two or more lines the
 * underline is text of the paragraph (CommonMark makes the whole paragraph a heading).
 */
function escapeMultiLineSetext(lines: string[], inFence: readonly boolean[]): void {
  const text = (index: number): boolean => {
    const line = lines[index];
    return line !== undefined && !inFence[index] && line.trim() !== '' && !BLOCK_START.test(line);
  };
  for (let index = 2; index < lines.length; index++) {
    const underline = SETEXT_UNDERLINE.exec(lines[index]!);
    if (!underline || inFence[index] || !text(index - 1) || !text(index - 2)) continue;
    const indent = underline[1]!.length;
    if (leading(lines[index - 1]!) !== indent || leading(lines[index - 2]!) !== indent) continue;
    lines[index] = `${underline[1]}\\${lines[index]!.slice(indent)}`;
  }
}

const SETEXT_UNDERLINE = /^( {0,3})(?:=+|-+)[ \t]*$/;
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|[*+-][ \t]|\d+\.[ \t]|>|`{3,}|~{3,}|<\/?[A-Za-z][\w-]*(?:[\s/>]|$)|\||(?:[*_-][ \t]*){3,}$|=+[ \t]*$|-+[ \t]*$)/;
const leading = (line: string): number => /^ */.exec(line)![0].length;

/**
 * kramdown's hard break `\\` at the end of a line (CommonMark reads an escaped backslash): written
 * ` \` it is CommonMark's backslash break, the same width. Not on a paragraph's last line, where
 * kramdown shows the backslash.
 */
function backslashBreaks(lines: string[], inFence: readonly boolean[]): void {
  for (let index = 0; index + 1 < lines.length; index++) {
    const line = lines[index]!;
    if (inFence[index] || !/[^\\]\\\\$/.test(line) || lines[index + 1]!.trim() === '' || BLOCK_START.test(lines[index + 1]!)) continue;
    lines[index] = `${line.slice(0, -2)} \\`;
  }
}

/**
 * A line holding only the end tag of a block element that no earlier line opened: kramdown shows
 * it as text, CommonMark drops it as an HTML block.
 */
function isStrayEndTag(lines: readonly string[], index: number): boolean {
  const name = /^ {0,3}<\/([a-z][a-z0-9]*)\s*>\s*$/i.exec(lines[index]!)?.[1]?.toLowerCase();
  if (!name || !BLOCK_ELEMENTS.has(name)) return false;
  const before = lines.slice(0, index).join('\n');
  const opened = before.match(new RegExp(`<${name}\\b`, 'gi'))?.length ?? 0;
  const closed = before.match(new RegExp(`</${name}\\s*>`, 'gi'))?.length ?? 0;
  return opened <= closed;
}

/**
 * kramdown (GFM input) starts a list at any list line, also straight under a paragraph
 * (`I have read the book` / `1984. It was great`); CommonMark lets only `1.` and non-empty
 * bullets interrupt one. A blank line before such a line (in a paragraph of plain top-level
 * lines, not inside a list) gives kramdown's reading.
 */
function interruptsParagraph(lines: readonly string[], index: number, fenced: readonly boolean[]): boolean {
  const line = lines[index]!;
  const ordered = /^ {0,3}(\d+)\.[ \t]/.exec(line);
  // An empty item needs the space after its marker (a bare `*` is text to kramdown).
  const emptyBullet = /^ {0,3}[*+][ \t]+$/.test(line);
  if (!(ordered && ordered[1] !== '1') && !emptyBullet) return false;
  return followsPlainParagraph(lines, index, fenced);
}

/** Are the lines since the blank line before `index` plain top-level paragraph text? */
function followsPlainParagraph(lines: readonly string[], index: number, fenced: readonly boolean[]): boolean {
  let start = index - 1;
  if (start < 0 || lines[start]!.trim() === '') return false;
  while (start > 0 && lines[start - 1]!.trim() !== '') start--;
  for (let at = start; at < index; at++) {
    const text = lines[at]!;
    if (fenced[at] || /^\s{4}/.test(text) || BLOCK_START.test(text) || /^\s*(?:[*+-]|\d+\.)(?:[ \t]|$)/.test(text)) return false;
  }
  return true;
}

/**
 * An HTML line straight under paragraph text: a comment goes on in kramdown's paragraph (CommonMark
 * ends the paragraph and makes the comment a block); a start tag of an element kramdown takes for
 * a block (`<video>`, `<svg>`, not a span element) ends the paragraph (CommonMark goes on).
 */
function htmlLineInParagraph(lines: readonly string[], index: number, fenced: readonly boolean[]): 'comment' | 'block' | undefined {
  const line = lines[index]!;
  const indent = /^ {0,3}(?=<)/.exec(line)?.[0].length;
  if (indent === undefined || fenced[index]) return undefined;
  let kind: 'comment' | 'block' | undefined;
  if (line.startsWith('<!--', indent)) kind = 'comment';
  else {
    START_TAG.lastIndex = indent;
    const name = START_TAG.exec(line)?.[1]?.toLowerCase();
    if (name && !KRAMDOWN_SPAN_ELEMENTS.has(name) && name !== 'script') kind = 'block';
  }
  return kind && followsPlainParagraph(lines, index, fenced) ? kind : undefined;
}

/** A `#` line without text is a paragraph to kramdown, an empty heading to CommonMark. */
const EMPTY_ATX = /^( {0,3})(#{1,6}[ \t]*)$/;

function isInInlineCode(line: string, column: number): boolean {
  return (line.slice(0, column).match(/`/g)?.length ?? 0) % 2 === 1;
}

export function preprocessMarkdown(input: string): PreprocessResult {
  const lines = input.split('\n');
  const fenced = fencedLines(lines);
  const out: string[] = [];
  const toInput: number[] = [];
  const rawBlocks: string[] = [];
  /** End-tag lines of HTML blocks that Markdown follows directly, and the last line inside one. */
  const blankAfter = new Set<number>();
  let insideHtmlUntil = -1;
  /** The last line of the link definition just read (the next line is a block start to kramdown). */
  let definitionEnd = -1;
  const commentBlockEnds = new Set<number>();
  lines.forEach((line, index) => {
    if (fenced[index] || !/^ {0,3}<!--/.test(line) || line.includes('-->', line.indexOf('<!--') + 4)) return;
    if (htmlLineInParagraph(lines, index, fenced)) return; // inline, in the paragraph
    const end = lines.findIndex((later, at) => at > index && later.includes('-->'));
    if (end > 0) commentBlockEnds.add(end);
  });
  let i = 0;
  while (i < lines.length) {
    if (!fenced[i] && i > insideHtmlUntil) {
      const close = htmlBlockCloseLine(lines, i);
      if (close !== undefined) {
        insideHtmlUntil = close;
        if (close + 1 < lines.length && lines[close + 1]!.trim() !== '' && !fenced[close + 1]) blankAfter.add(close);
      }
    }
    const blockEnd = fenced[i] ? undefined : kramdownHtmlBlockEnd(lines, i);
    if (blockEnd !== undefined) {
      // One placeholder line, then blank lines so every later line keeps its number (the
      // restored element's own lines count from the placeholder).
      out.push(`<div ${RAW_BLOCK_HOST_ATTRIBUTE}="${rawBlocks.length}"></div>`);
      rawBlocks.push(kramdownRawHtml(lines.slice(i, blockEnd + 1).join('\n')));
      for (let line = i; line <= blockEnd; line++) {
        if (line > i) out.push('');
        toInput.push(line + 1);
      }
      i = blockEnd + 1;
      continue;
    }
    const atBlockStart = out.length === 0 || out.at(-1)!.trim() === '' || definitionEnd === i - 1;
    const definition = !fenced[i] && i > insideHtmlUntil && atBlockStart ? kramdownLinkDefinition(lines, i) : undefined;
    if (definition) {
      definition.lines.forEach((text, offset) => {
        out.push(text);
        toInput.push(i + offset + 1);
      });
      i += definition.lineCount;
      definitionEnd = i - 1;
      continue;
    }
    if (definitionEnd === i - 1 && !fenced[i] && isCodeLine(lines[i]!)) {
      out.push('');
      toInput.push(i);
    }
    let line = lines[i]!;
    const startLine = i + 1;
    if (!fenced[i]) {
      // Set aside multi-line raw elements, joining their lines into one placeholder line.
      RAW_OPEN.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = RAW_OPEN.exec(line))) {
        if (isInInlineCode(line, match.index)) continue;
        const close = new RegExp(`</${match[1]}\\s*>`, 'i');
        const sameLine = close.exec(line.slice(match.index));
        if (sameLine) {
          RAW_OPEN.lastIndex = match.index + sameLine.index + sameLine[0].length;
          continue;
        }
        let end = i + 1;
        while (end < lines.length && !close.test(lines[end]!)) end++;
        if (end >= lines.length) break; // unclosed: leave it to the HTML parser
        const closing = close.exec(lines[end]!)!;
        const html = [line.slice(match.index), ...lines.slice(i + 1, end), lines[end]!.slice(0, closing.index + closing[0].length)].join('\n');
        // An element alone on its lines, outside any HTML block, is a block of its own (kramdown
        // and CommonMark agree); one inside a line or a block stays inline.
        const standalone = line.slice(0, match.index).trim() === '' && lines[end]!.slice(closing.index + closing[0].length).trim() === '' && startLine - 1 > insideHtmlUntil;
        const placeholder = standalone ? `<div ${RAW_BLOCK_HOST_ATTRIBUTE}="${rawBlocks.length}"></div>` : `<${RAW_BLOCK_TAG} data-index="${rawBlocks.length}"></${RAW_BLOCK_TAG}>`;
        rawBlocks.push(html);
        line = line.slice(0, match.index) + placeholder + lines[end]!.slice(closing.index + closing[0].length);
        i = end;
        RAW_OPEN.lastIndex = match.index + placeholder.length;
      }
    }
    const inParagraph = !fenced[i] && i > insideHtmlUntil ? htmlLineInParagraph(lines, i, fenced) : undefined;
    if ((!fenced[i] && i > insideHtmlUntil && interruptsParagraph(lines, i, fenced)) || inParagraph === 'block') {
      out.push('');
      toInput.push(startLine - 1);
    }
    // Indented past a block start, the comment line is paragraph text (CommonMark strips the indent).
    if (inParagraph === 'comment') line = `    ${line.trimStart()}`;
    const ial = !fenced[i] && i > insideHtmlUntil && IAL_LINE.test(line);
    if (!fenced[i] && i > insideHtmlUntil && isStrayEndTag(lines, i)) line = line.replace(/^(\s*)</, '$1\\<');
    // Text after the `-->` that ends a comment block is a paragraph to kramdown: on a line of its own here.
    const commentEnd = !fenced[i] && commentBlockEnds.has(i) ? line.indexOf('-->') + 3 : -1;
    if (commentEnd > 0 && line.slice(commentEnd).trim() !== '') {
      out.push(line.slice(0, commentEnd));
      toInput.push(startLine);
      line = line.slice(commentEnd);
    }
    if (ial && out.length > 0 && out.at(-1)!.trim() !== '') {
      out.push('');
      toInput.push(startLine - 1);
    }
    out.push(line);
    toInput.push(startLine);
    if (ial && (lines[i + 1] ?? '').trim() !== '') {
      out.push('');
      toInput.push(startLine);
    }
    if (!fenced[i] && opensMarkdownBlock(line) && (lines[i + 1] ?? '').trim() !== '') {
      out.push('');
      toInput.push(startLine);
    }
    if (blankAfter.has(i)) {
      out.push('');
      toInput.push(startLine);
    }
    i++;
  }
  // A kramdown table separator line may start with `+` (`+---|---`), which CommonMark reads as a
  // list item: written with `|` it means the same to kramdown and stays in the table here.
  for (let index = 1; index < out.length; index++) {
    if (TABLE_PLUS_SEPARATOR.test(out[index]!) && out[index - 1]!.includes('|')) out[index] = `|${out[index]!.slice(1)}`;
  }
  const blocks = kramdownBlockLines(out);
  const listed = blocks.lines;
  escapeUnclosedFences(listed);
  const inFence = fencedLines(listed);
  escapeMultiLineSetext(listed, inFence);
  backslashBreaks(listed, inFence);
  const text = listed.map((line, index) => (inFence[index] ? line : line.replace(EOB_LINE, `$1${EOB_COMMENT}`).replace(EMPTY_ATX, '$1\\$2'))).join('\n');
  return { text, rawBlocks, lineMap: LineMap.fromArray(blocks.from.map((index) => toInput[index]!)) };
}
