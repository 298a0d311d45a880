// kramdown numbers every ordered list from 1 (the first item's number is not kept).
// kramdown decides per list item whether its first paragraph is wrapped in <p>, where
// CommonMark makes the whole list loose or tight. kramdown's rule (parser/kramdown/list.rb):
// an item's first paragraph stands bare unless a blank line follows it inside the item (blank
// lines between items belong to the item before); the last item of a list stands bare only
// if the list has one item or an earlier item's first block is not a wrapped paragraph.
// The remark plugin marks each item; the handler for remark-rehype applies the mark.
// An IAL first on an item's marker line (`* {:.done} text`) gives the item (<li>) its attributes.
import type { Element, ElementContent } from 'hast';
import type { List, ListItem, Root } from 'mdast';
import type { Point } from 'unist';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import type { LineMap } from '../../shared/line-map.ts';
import { EOB_COMMENT } from '../preprocess.ts';
import { apply, collect, definitionsIn, type Attributes, type Definitions } from './remark-kramdown-attributes.ts';

/** `data` key on a listItem: true when its first paragraph has no <p> (kramdown's "transparent"). */
const BARE = 'kramdownBareParagraph';

/**
 * Was `line` blank in the Markdown kramdown reads (after Liquid)? Preprocessing inserts blank lines of its own (around an IAL,
 * after an HTML block); those map to the same note line as a neighbour and do not count.
 */
function isBlank(lines: readonly string[], line: number | undefined, lineMap: LineMap | undefined): boolean {
  if (line === undefined || (lines[line - 1] ?? '').trim() !== '') return false;
  if (!lineMap) return true;
  const note = lineMap.map(line);
  return note !== lineMap.map(line - 1) && note !== lineMap.map(line + 1);
}

/** Is the list ended by kramdown's end-of-block marker `^` (after blank lines)? */
function endedByMarker(list: List, lines: readonly string[]): boolean {
  let line = list.position?.end.line;
  if (line === undefined) return false;
  while (line < lines.length && (lines[line] ?? '').trim() === '') line++;
  return (lines[line] ?? '').trim() === EOB_COMMENT;
}

function markList(list: List, lines: readonly string[], lineMap: LineMap | undefined): void {
  const items = list.children;
  const eob = endedByMarker(list, lines);
  const bare: boolean[] = [];
  items.forEach((item, index) => {
    const first = item.children[0];
    const last = index === items.length - 1;
    let result = false;
    if (first?.type === 'paragraph') {
      const blankAfter = isBlank(lines, (first.position?.end.line ?? 0) + 1, lineMap);
      // [p] alone, [p, other…], or the last item's [p, blank] (unless `^` ends the list) count as bare.
      const followedByBlank = blankAfter && (item.children.length > 1 || !last || eob);
      const earlierAllowsBare = !last || items.length === 1 || bare.some((value, i) => value || items[i]!.children[0]?.type !== 'paragraph');
      result = !followedByBlank && earlierAllowsBare;
    }
    bare.push(result);
    item.data = { ...item.data, [BARE]: result } as ListItem['data'];
  });
}

/** Does the item's first paragraph stand without <p> (set by remarkKramdownLists)? */
export function isBareParagraph(item: ListItem): boolean {
  return (item.data as Record<string, unknown> | undefined)?.[BARE] === true;
}

/** kramdown's list item IAL: `{:` not followed by `:` or `/` (`{::nomarkdown}` is no IAL). */
const ITEM_IAL = /^\{:(?![\w-]*:|\/)((?:\\\}|[^}])+)\}\s*/;

/** Moves an IAL written first on the item's marker line from its text onto the item. */
function itemIal(item: ListItem, source: string, definitions: () => Definitions): void {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return;
  const text = paragraph.children[0];
  const start = text?.position?.start;
  if (text?.type !== 'text' || !start || start.offset === undefined || start.line !== item.position?.start.line || source[start.offset] !== '{') return;
  const match = ITEM_IAL.exec(text.value);
  if (!match) return;
  const attributes: Attributes = { classes: [], other: {} };
  collect(match[1]!, definitions(), attributes, new Set());
  apply(item as unknown as Parameters<typeof apply>[0], attributes);
  text.value = text.value.slice(match[0].length);
  // The text now starts after the IAL and the spaces or line break after it, in the source too.
  let offset = start.offset + match[0].trimEnd().length;
  while (/\s/.test(source[offset] ?? '')) offset++;
  const skipped = source.slice(start.offset, offset);
  const lines = skipped.split('\n');
  const moved: Point = { line: start.line + lines.length - 1, column: lines.length > 1 ? lines.at(-1)!.length + 1 : start.column + skipped.length, offset };
  text.position = { start: moved, end: text.position!.end };
  if (text.value === '') paragraph.children.shift();
  if (paragraph.children.length === 0) item.children.shift();
}

export const remarkKramdownLists: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  const lines = source.split('\n');
  let definitions: Definitions | undefined;
  visit(tree, 'list', (list) => {
    for (const item of list.children) itemIal(item, source, () => (definitions ??= definitionsIn(tree)));
    markList(list, lines, file.data.note?.markdownLineMap ?? file.data.note?.lineMap);
    // kramdown numbers every ordered list from 1, whatever number its first item has.
    if (list.ordered) list.start = null;
  });
};

/** remark-rehype handler: every paragraph in <p> except a bare first one. */
export function kramdownListItem(state: State, node: ListItem, parent: Parameters<typeof defaultHandlers.listItem>[2]): Element {
  const bare = (node.data as Record<string, unknown> | undefined)?.[BARE];
  if (typeof bare !== 'boolean') return defaultHandlers.listItem(state, node, parent);
  const element = defaultHandlers.listItem(state, { ...node, spread: true }, undefined);
  if (!bare) return element;
  const index = element.children.findIndex((child) => child.type === 'element');
  const first = element.children[index] as Element | undefined;
  if (first?.tagName !== 'p') return element;
  // Like kramdown's output: the paragraph's text, then the next block on its own line.
  const unwrapped: ElementContent[] = [...first.children];
  element.children.splice(index - (index > 0 && element.children[index - 1]?.type === 'text' ? 1 : 0), index > 0 && element.children[index - 1]?.type === 'text' ? 2 : 1, ...unwrapped);
  return element;
}
