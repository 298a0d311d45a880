// kramdown's own table syntax, which GFM's does not cover: rows of `|`-separated cells with no
// header line, a separator line (`|---`) making the rows above it the header (or, later, starting
// a new body), a footer after `|===`, short rows padded with empty cells. A paragraph made only
// of such lines becomes the table kramdown makes of it (GFM tables are already tables); cells are
// read as Markdown spans (kramdown-table-cells.ts), with their positions in the note kept for messages.
// Rules from kramdown's parser/kramdown/table.rb.
import type { Paragraph, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Node } from 'unist';
import { visit } from '../visit.ts';
import { CellReader, definitionLines, type Cell, type PlacedCell } from './kramdown-table-cells.ts';

const SEPARATOR = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/;
const FOOTER_SEPARATOR = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const ALIGN = /[ ]?(:?)-+(:?)[ ]?/g;

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
    let length = 1;
    while (text[i + length] === '`') length++;
    const run = '`'.repeat(length);
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
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Does every line hold a pipe that is neither escaped nor inside a code span? */
function pipeOnEveryLine(lines: readonly string[]): boolean {
  const text = lines.join('\n');
  const spans = codeSpanRanges(text);
  // Pipes are met in order: `reach` is the furthest end of the spans starting at or before one
  // (one pass over the spans; testing every span per pipe was quadratic on a long table).
  let next = 0;
  let reach = 0;
  const inSpan = (at: number): boolean => {
    while (next < spans.length && spans[next]![0] <= at) reach = Math.max(reach, spans[next++]![1]);
    return at < reach;
  };
  let start = 0;
  for (const line of lines) {
    let found = false;
    for (let i = 0; i < line.length && !found; i++) {
      if (line[i] === '\\') i++;
      else if (line[i] === '|' && !inSpan(start + i)) found = true;
    }
    if (!found) return false;
    start += line.length + 1;
  }
  return true;
}

type SectionType = 'thead' | 'tbody' | 'tfoot';

/** The rows and cells kramdown reads in a block, before any cell is read as Markdown. */
interface TableLayout {
  sections: { type: SectionType; rows: PlacedCell[][] }[];
  align: Align[];
  columns: number;
}

/** kramdown's table layout of `lines` (starting at `offset`, line `firstLine`), or undefined if they are no table. */
export function kramdownTableLayout(lines: readonly string[], offset: number, firstLine: number): TableLayout | undefined {
  // Every line needs a cell-separating pipe.
  if (!pipeOnEveryLine(lines)) return undefined;
  const leadingPipe = /^\s*\|/.test(lines[0]!);
  const sections: TableLayout['sections'] = [];
  let rows: PlacedCell[][] = [];
  let align: Align[] = [];
  let footer = false;
  let columns = 0;
  const close = (type: SectionType, force: boolean): void => {
    if (footer && type === 'tbody' && !force) return;
    sections.push({ type, rows });
    rows = [];
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
      const cells = splitRow(line, lineOffset, leadingPipe).map((cell) => ({ ...cell, line: firstLine + index }));
      columns = Math.max(columns, cells.length);
      rows.push(cells);
    }
    lineOffset += line.length + 1;
  });
  if (rows.length > 0) close(footer ? 'tfoot' : 'tbody', false);
  if (!sections.some((section) => section.type === 'tbody')) return undefined;
  return { sections, align, columns };
}

/** The table element of a layout, its cells read as Markdown spans. */
function tableNode(layout: TableLayout, reader: CellReader): Node {
  const { sections, align, columns } = layout;
  const contents = reader.all(sections.flatMap((section) => section.rows.flat()));
  let next = 0;
  const element = (tagName: string, children: Node[], properties: Record<string, unknown> = {}): Node =>
    ({ type: 'kramdownTableElement', data: { hName: tagName, hProperties: properties }, children }) as Node;
  return element(
    'table',
    sections.map((section) =>
      element(
        section.type,
        section.rows.map((cells) =>
          element(
            'tr',
            Array.from({ length: columns }, (_, column) =>
              element(section.type === 'thead' ? 'th' : 'td', column < cells.length ? contents[next++]! : [], align[column] ? { align: align[column] } : {}),
            ),
          ),
        ),
      ),
    ),
  );
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

function sameShape(layout: TableLayout, gfmRows: number): boolean {
  const [head, body, ...rest] = layout.sections;
  return rest.length === 0 && head?.type === 'thead' && head.rows.length === 1 && body?.type === 'tbody' && body.rows.length === gfmRows - 1;
}

const remarkKramdownTables: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  let reader: CellReader | undefined;
  const cellReader = (): CellReader => (reader ??= new CellReader(definitionLines(tree)));
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
      const layout = kramdownTableLayout(text.split('\n'), start.offset, start.line);
      // A GFM table that kramdown reads the same way (one header row, one body) stays as it is.
      if (layout && last === index && first.type === 'table' && sameShape(layout, first.children.length)) continue;
      if (layout) {
        const table = tableNode(layout, cellReader());
        table.position = { start: first.position!.start, end: children[last]!.position!.end };
        children.splice(index, last - index + 1, table as unknown as Block);
      } else if (first.type === 'table' && last === index) {
        // A GFM table kramdown does not take for one (no body): the text it is.
        const paragraph: Paragraph = { type: 'paragraph', children: cellReader().one(text, start.offset, start.line, start.column), position: first.position };
        children.splice(index, 1, paragraph);
      }
    }
    return undefined;
  });
};

export default remarkKramdownTables;
