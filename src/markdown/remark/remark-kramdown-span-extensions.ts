// kramdown span extensions inside a paragraph: `{::nomarkdown}<b>raw</b>{:/nomarkdown}` writes its
// body as it stands (no Markdown, no typography; `type="latex"` and other non-HTML types write
// nothing), `{::comment}note{:/comment}` becomes an HTML comment. `{:/}` closes either. CommonMark
// has read the body already, possibly into several nodes, so the body is taken from the source.
import type { Html, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { Point } from 'unist';
import { visit } from '../visit.ts';

const START = /\{::(nomarkdown|comment)((?:\s+[^}]*)?)(\/)?\}/;
const endOf = (name: string): RegExp => new RegExp(String.raw`\{:\/(?:${name})?\}`);

/** The point `text` further on from `point`. */
function advance(point: Point, text: string): Point {
  const lines = text.split('\n');
  const line = point.line + lines.length - 1;
  const column = lines.length > 1 ? lines.at(-1)!.length + 1 : point.column + text.length;
  return { line, column, offset: point.offset === undefined ? undefined : point.offset + text.length };
}

/** What kramdown's HTML converter writes for the extension. */
function output(name: string, options: string, body: string): string {
  if (name === 'comment') return `<!-- ${body} -->`;
  const type = /\btype=(["'])(.*?)\1/.exec(options)?.[2];
  return type === undefined || type.split(/\s+/).includes('html') ? body : '';
}

const remarkKramdownSpanExtensions: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  if (!source.includes('{::')) return;
  visit(tree, (parent) => {
    if (!('children' in parent) || parent.type === 'root') return;
    const children = parent.children as PhrasingContent[];
    for (let index = 0; index < children.length; index++) {
      const open = children[index]!;
      if (open.type !== 'text' || !open.position || open.position.start.offset === undefined) continue;
      const start = START.exec(open.value);
      // Only where the source has the tag as written (its offset found from the node's own start).
      const from = start ? source.indexOf(start[0], open.position.start.offset) : -1;
      if (!start || from < 0 || from >= open.position.end.offset!) continue;
      const bodyFrom = from + start[0].length;
      let bodyTo = bodyFrom;
      let last = index;
      let closeEnd = bodyFrom;
      if (!start[3]) {
        const end = endOf(start[1]!);
        // The closing tag: in this text node or a later one of the same paragraph.
        for (last = index; last < children.length; last++) {
          const node = children[last]!;
          if (node.type !== 'text' || !node.position) continue;
          const searchFrom = last === index ? bodyFrom : node.position.start.offset!;
          const hit = end.exec(source.slice(searchFrom, node.position.end.offset));
          if (!hit) continue;
          bodyTo = searchFrom + hit.index;
          closeEnd = bodyTo + hit[0].length;
          break;
        }
        if (last === children.length) continue; // never closed: text, as kramdown leaves it
      }
      const closing = children[last] as Text;
      const beforeValue = open.value.slice(0, start.index);
      let afterValue = '';
      if (!start[3]) {
        const valueFrom = last === index ? start.index + start[0].length : 0;
        const hit = endOf(start[1]!).exec(closing.value.slice(valueFrom));
        afterValue = hit ? closing.value.slice(valueFrom + hit.index + hit[0].length) : '';
      } else afterValue = open.value.slice(start.index + start[0].length);
      const replacement: PhrasingContent[] = [];
      if (beforeValue) replacement.push({ type: 'text', value: beforeValue, position: { start: open.position.start, end: advance(open.position.start, source.slice(open.position.start.offset, from)) } });
      const html: Html = { type: 'html', value: output(start[1]!, start[2] ?? '', source.slice(bodyFrom, bodyTo)) };
      replacement.push(html);
      if (afterValue) replacement.push({ type: 'text', value: afterValue, position: { start: advance(closing.position!.start, source.slice(closing.position!.start.offset, closeEnd)), end: closing.position!.end } });
      children.splice(index, last - index + 1, ...replacement);
      // Go on after the extension: the text after it may hold another one.
      index += replacement.length - (afterValue ? 2 : 1);
    }
  });
};

export default remarkKramdownSpanExtensions;
