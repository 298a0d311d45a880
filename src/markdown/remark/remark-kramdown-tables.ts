// kramdown's own table syntax, which GFM's does not cover: rows of `|`-separated cells with no
// header line, a separator line (`|---`) making the rows above it the header (or, later, starting
// a new body), a footer after `|===`, short rows padded with empty cells. A paragraph made only
// of such lines becomes the table kramdown makes of it (GFM tables are already tables); cells are
// read as Markdown spans, with their positions in the note kept for messages.
// Rules from kramdown's parser/kramdown/table.rb.
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import type { Plugin } from 'unified';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visit } from '../visit.ts';
import remarkKramdownNoAutolinkLiteral from './remark-kramdown-no-autolink-literal.ts';

const SEPARATOR = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/;
const FOOTER_SEPARATOR = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const ALIGN = /[ ]?(:?)-+(:?)[ ]?/g;

interface Cell {
  text: string;
  /** Offset of `text` in the note's Markdown. */
  offset: number;
}

/** The `|` positions of a line that split cells: not escaped, not inside a code span. */
function pipePositions(line: string): number[] {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      const close = line.indexOf(run, i + run.length);
      // A code span closes on this line only with a run of the same length.
      if (close > 0 && line[close + run.length] !== '`') {
        i = close + run.length - 1;
        continue;
      }
      i += run.length - 1;
      continue;
    }
    if (line.startsWith('<code', i)) {
      const close = line.indexOf('</code>', i);
      if (close > 0) {
        i = close + 6;
        continue;
      }
    }
    if (char === '|') pipes.push(i);
  }
  return pipes;
}

function splitRow(line: string, lineOffset: number, leadingPipe: boolean): Cell[] {
  const pipes = pipePositions(line);
  const cells: Cell[] = [];
  let start = 0;
  for (const pipe of [...pipes, line.length]) {
    const raw = line.slice(start, pipe);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), offset: lineOffset + start + lead });
    start = pipe + 1;
  }
  if (leadingPipe && cells[0]?.text === '') cells.shift();
  if (cells.length > 1 && cells.at(-1)?.text === '') cells.pop();
  return cells;
}

/** The same positions, moved from a cell's own text (starting at line `line`, column `column`) into the note. */
function shift(node: Node, offset: number, line: number, column: number): void {
  visit(node, (child) => {
    const position = child.position;
    if (!position) return;
    for (const point of [position.start, position.end]) {
      if (point.offset !== undefined) point.offset += offset;
      if (point.line === 1) point.column += column - 1;
      point.line += line - 1;
    }
  });
}

const spanParser = unified().use(remarkParse).use(remarkGfm).use(remarkKramdownNoAutolinkLiteral);

function cellContent(cell: Cell, line: number, column: number): PhrasingContent[] {
  if (!cell.text) return [];
  const tree = spanParser.runSync(spanParser.parse(cell.text)) as Root;
  const first = tree.children[0];
  const children = first && 'children' in first && first.type === 'paragraph' ? first.children : [{ type: 'text', value: cell.text } as PhrasingContent];
  for (const child of children) shift(child, cell.offset, line, column);
  return children;
}

type Align = 'left' | 'right' | 'center' | null;

/** Ranges of code spans in `text`, which may run across lines (kramdown checks pipes outside them). */
function codeSpanRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '`') continue;
    const run = /^`+/.exec(text.slice(i))![0];
    let close = text.indexOf(run, i + run.length);
    while (close > 0 && text[close + run.length] === '`') close = text.indexOf(run, close + run.length + 1);
    if (close < 0) {
      i += run.length - 1;
      continue;
    }
    ranges.push([i, close + run.length]);
    i = close + run.length - 1;
  }
  // A pipe inside raw `<code>…</code>` does not make a table either.
  for (const match of text.matchAll(/<code\b[^>]*>[\s\S]*?<\/code>/g)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** Does every line hold a pipe that is neither escaped nor inside a code span? */
function pipeOnEveryLine(lines: readonly string[]): boolean {
  const text = lines.join('\n');
  const spans = codeSpanRanges(text);
  let start = 0;
  for (const line of lines) {
    let found = false;
    for (let i = 0; i < line.length && !found; i++) {
      if (line[i] === '\\') i++;
      else if (line[i] === '|' && !spans.some(([from, to]) => start + i >= from && start + i < to)) found = true;
    }
    if (!found) return false;
    start += line.length + 1;
  }
  return true;
}

/** A kramdown table for `lines` (starting at `offset`, line `firstLine`), or undefined. */
export function kramdownTable(lines: readonly string[], offset: number, firstLine: number): Node | undefined {
  // Every line needs a cell-separating pipe.
  if (!pipeOnEveryLine(lines)) return undefined;
  const leadingPipe = /^\s*\|/.test(lines[0]!);
  const sections: { type: 'thead' | 'tbody' | 'tfoot'; rows: Cell[][]; lines: number[] }[] = [];
  let rows: Cell[][] = [];
  let rowLines: number[] = [];
  let align: Align[] = [];
  let footer = false;
  let columns = 0;
  const close = (type: 'thead' | 'tbody' | 'tfoot', force: boolean): void => {
    if (footer && type === 'tbody' && !force) return;
    sections.push({ type, rows, lines: rowLines });
    rows = [];
    rowLines = [];
  };
  let lineOffset = offset;
  lines.forEach((line, index) => {
    const separator = SEPARATOR.exec(line);
    if (separator) {
      if (rows.length > 0) {
        if (align.length === 0 && !footer) {
          close('thead', false);
          align = [...separator[1]!.matchAll(ALIGN)].map(([, left, right]) => (left && right ? 'center' : right ? 'right' : left ? 'left' : null));
        } else close('tbody', false);
      }
    } else if (FOOTER_SEPARATOR.test(line)) {
      if (rows.length > 0) close('tbody', true);
      footer = true;
    } else {
      const cells = splitRow(line, lineOffset, leadingPipe);
      columns = Math.max(columns, cells.length);
      rows.push(cells);
      rowLines.push(firstLine + index);
    }
    lineOffset += line.length + 1;
  });
  if (rows.length > 0) close(footer ? 'tfoot' : 'tbody', false);
  if (!sections.some((section) => section.type === 'tbody')) return undefined;
  const element = (tagName: string, children: Node[], properties: Record<string, unknown> = {}): Node =>
    ({ type: 'kramdownTableElement', data: { hName: tagName, hProperties: properties }, children }) as Node;
  return element(
    'table',
    sections.map((section) =>
      element(
        section.type,
        section.rows.map((cells, rowIndex) => {
          const line = section.lines[rowIndex]!;
          const filled = [...cells, ...Array.from({ length: columns - cells.length }, () => ({ text: '', offset: 0 }))];
          return element(
            'tr',
            filled.map((cell, column) =>
              element(section.type === 'thead' ? 'th' : 'td', cell.text ? cellContent(cell, line, 1) : [], align[column] ? { align: align[column] } : {}),
            ),
          );
        }),
      ),
    ),
  );
}

/** Text of `text` (from `offset`, line `line`) read as one paragraph. */
function paragraphOf(text: string, offset: number, line: number, column: number): Paragraph {
  const children = cellContent({ text, offset }, line, column);
  return { type: 'paragraph', children };
}

type Block = Root['children'][number];
const TABLE_PARTS = new Set(['paragraph', 'table', 'code']);

/** Blocks that may be (part of) a kramdown table: paragraphs, GFM tables, indented code. */
function isTablePart(node: Block | undefined, source: string): boolean {
  if (!node || !TABLE_PARTS.has(node.type)) return false;
  if (node.type !== 'code') return true;
  const start = node.position?.start.offset;
  return start !== undefined && /^(?: {4}|\t)/.test(source.slice(start - (node.position!.start.column - 1), start + 4));
}

function sameShape(table: Node, gfmRows: number): boolean {
  const sections = (table as unknown as { children: { data: { hName: string }; children: unknown[] }[] }).children;
  return sections.length === 2 && sections[0]!.data.hName === 'thead' && sections[0]!.children.length === 1 && sections[1]!.data.hName === 'tbody' && sections[1]!.children.length === gfmRows - 1;
}

const remarkKramdownTables: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  visit(tree, (parent) => {
    if (!('children' in parent) || parent.type === 'paragraph' || parent.type === 'table') return undefined;
    const children = parent.children as Block[];
    for (let index = 0; index < children.length; index++) {
      const first = children[index]!;
      if (first.type === 'code' || !isTablePart(first, source)) continue;
      // kramdown starts a table only after a block boundary: not straight under a link definition.
      const before = children[index - 1];
      if (before?.type === 'definition' && before.position?.end.line === (first.position?.start.line ?? 0) - 1) continue;
      // Paragraphs, GFM tables and indented lines on consecutive lines are one block to kramdown.
      let last = index;
      while (isTablePart(children[last + 1], source) && children[last + 1]!.position?.start.line === (children[last]!.position?.end.line ?? -1) + 1) last++;
      const start = first.position?.start;
      const end = children[last]!.position?.end.offset;
      if (start?.offset === undefined || end === undefined) continue;
      const text = source.slice(start.offset, end);
      const table = kramdownTable(text.split('\n'), start.offset, start.line);
      // A GFM table that kramdown reads the same way (one header row, one body) stays as it is.
      if (table && last === index && first.type === 'table' && sameShape(table, first.children.length)) continue;
      if (table) {
        table.position = { start: first.position!.start, end: children[last]!.position!.end };
        children.splice(index, last - index + 1, table as unknown as Block);
      } else if (first.type === 'table' && last === index) {
        // A GFM table kramdown does not take for one (no body): the text it is.
        const paragraph = paragraphOf(text, start.offset, start.line, start.column);
        paragraph.position = first.position;
        children.splice(index, 1, paragraph);
      }
    }
    return undefined;
  });
};

export default remarkKramdownTables;
