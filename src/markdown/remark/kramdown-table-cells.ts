// Table cells read as Markdown spans the way kramdown reads them: within the note (its link and
// footnote definitions resolve in a cell), each cell on its own. Used by remark-kramdown-tables.
import type { Definition, FootnoteDefinition, PhrasingContent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visit } from '../visit.ts';
import remarkKramdownNoAutolinkLiteral from './remark-kramdown-no-autolink-literal.ts';

export interface Cell {
  text: string;
  /** Offset of `text` in the note's Markdown. */
  offset: number;
}

/** The same positions, moved from text parsed alone (starting at line `line`, column `column`) into the note. */
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

// The note's own reading: GFM, without autolink literals (Jekyll's GFM parser has none).
const spanParser = unified().use(remarkParse).use(remarkGfm).use(remarkKramdownNoAutolinkLiteral);

/**
 * Cell text read as Markdown spans, as kramdown reads table cells: within the note, so references
 * to its link and footnote definitions resolve (`definitions`: those labels as definition lines
 * for the parser to know; the nodes found resolve against the note's own definitions).
 */
export class CellReader {
  readonly #definitions: string;

  constructor(definitions: string) {
    this.#definitions = definitions;
  }

  /** One text read alone (a cell, or a table kramdown does not take for one). */
  one(text: string, offset: number, line: number, column: number): PhrasingContent[] {
    if (!text) return [];
    const tree = spanParser.runSync(spanParser.parse(text + this.#definitions)) as Root;
    const first = tree.children[0];
    const children = first && 'children' in first && first.type === 'paragraph' ? first.children : [{ type: 'text', value: text } as PhrasingContent];
    for (const child of children) shift(child, offset, line, column);
    return children;
  }

  /**
   * Every cell of a table, the same as reading each alone but without a Markdown parse per cell:
   * cells without markup characters are their text; the others are read BATCH_CELLS at a time as
   * paragraphs of one document, one cell a paragraph, blank lines between. Cells that could reach past their paragraph there (a fence
   * or an HTML block that runs to its end marker, a definition other cells would see) and any
   * cell whose paragraph did not come out as its own are read alone.
   */
  all(cells: readonly PlacedCell[]): PhrasingContent[][] {
    const contents: PhrasingContent[][] = cells.map(() => []);
    const batch: number[] = [];
    cells.forEach((cell, index) => {
      if (!cell.text) return;
      if (!MARKUP.test(cell.text)) contents[index] = [plainText(cell)];
      else if (READ_ALONE.test(cell.text)) contents[index] = this.one(cell.text, cell.offset, cell.line, 1);
      else batch.push(index);
    });
    for (let from = 0; from < batch.length; from += BATCH_CELLS) this.#batch(cells, batch.slice(from, from + BATCH_CELLS), contents);
    return contents;
  }

  /** Reads the cells at `batch` (indexes into `cells`) by one parse, into `contents`. */
  #batch(cells: readonly PlacedCell[], batch: readonly number[], contents: PhrasingContent[][]): void {
    // Cell k of the batch is line 2k+1 of the document, starting at starts[k].
    const starts: number[] = [];
    let length = 0;
    for (const index of batch) {
      starts.push(length);
      length += cells[index]!.text.length + 2;
    }
    const document = batch.map((index) => cells[index]!.text).join('\n\n');
    const tree = spanParser.runSync(spanParser.parse(document + this.#definitions)) as Root;
    const blocks: (Root['children'][number] | undefined | null)[] = batch.map(() => undefined);
    for (const block of tree.children) {
      const start = block.position?.start;
      const k = start ? (start.line - 1) / 2 : -1;
      if (!Number.isInteger(k) || k < 0 || k >= batch.length) continue; // the definitions after the cells
      // A cell's own block starts at its start and ends on its line; anything else: read it alone.
      const own = blocks[k] === undefined && start!.offset === starts[k] && block.position?.end.line === start!.line;
      blocks[k] = own ? block : null;
    }
    batch.forEach((index, k) => {
      const cell = cells[index]!;
      const block = blocks[k];
      if (!block) {
        contents[index] = this.one(cell.text, cell.offset, cell.line, 1);
        return;
      }
      const children = block.type === 'paragraph' ? block.children : [{ type: 'text', value: cell.text } as PhrasingContent];
      for (const child of children) shift(child, cell.offset - starts[k]!, cell.line - 2 * k, 1);
      contents[index] = children;
    });
  }
}

/**
 * Cells a parse: enough to share the cost of starting a parse, few enough that micromark's work
 * stays linear (its event splicing grows with the square of a document's events: one parse of
 * the 15,000 cells of a 5,000-row table spent a third of its time there).
 */
const BATCH_CELLS = 100;

/** A cell and the note line it is on. */
export interface PlacedCell extends Cell {
  line: number;
}

/** Characters that can make a span differ from plain text (escapes, entities, code, emphasis, links, HTML). */
const MARKUP = /[\\&`*_~[\]!<]/;
/** Cell openings that a parse of several cells could carry past the cell's own paragraph. */
const READ_ALONE = /^(?:`{3}|~{3}|<(?:script|pre|style|textarea)\b|<[!?]|\[(?:\\.|[^\]\\])*\]:)/i;

function plainText(cell: PlacedCell): PhrasingContent {
  const end = cell.offset + cell.text.length;
  return {
    type: 'text',
    value: cell.text,
    position: { start: { line: cell.line, column: 1, offset: cell.offset }, end: { line: cell.line, column: 1 + cell.text.length, offset: end } },
  };
}

/** The note's link and footnote definitions as definition lines, for cell parses to resolve against. */
export function definitionLines(tree: Root): string {
  const lines: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'definition') lines.push(`[${(node as Definition).label ?? (node as Definition).identifier}]: #`);
    else if (node.type === 'footnoteDefinition') lines.push(`[^${(node as FootnoteDefinition).label ?? (node as FootnoteDefinition).identifier}]: #`);
  });
  return lines.length ? `\n\n${lines.join('\n\n')}\n` : '';
}
