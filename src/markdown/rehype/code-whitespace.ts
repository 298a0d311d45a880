// kramdown's `show-whitespaces` class on a code block (`{:.show-whitespaces}`): every space and
// tab of the code is wrapped in a span that names it (`ws-space`, `ws-tab`, with `-l` at the start
// of a line and `-r` at its end) and a space shows as `⋅`. kramdown does this only for blocks its
// highlighter leaves alone — with Jekyll's Rouge, those without a language — so only those here.
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from '../visit.ts';

const SHOW_WHITESPACES = 'show-whitespaces';
const SPACE_MARK = '\u22c5'; // ⋅, kramdown's &#8901;

const classList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : []);
const isCode = (node: ElementContent): node is Element => node.type === 'element' && node.tagName === 'code';

/** The `<pre>` blocks, by place, whose whitespace is to be shown: the class, and no language. */
export function findWhitespaceBlocks(tree: Root): { parent: { children: unknown[] }; index: number }[] {
  const found: { parent: { children: unknown[] }; index: number }[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'pre' || !parent || index === undefined) return undefined;
    const code = node.children.find(isCode);
    const classes = [...classList(node.properties.className), ...classList(code?.properties.className)];
    if (classes.includes(SHOW_WHITESPACES) && !classes.some((name) => name.startsWith('language-'))) found.push({ parent, index });
    return 'skip';
  });
  return found;
}

/** Per character of `text`: the span suffix of a space or tab (`-l`, `-r`, ``), or undefined. */
function whitespaceKinds(text: string): (string | undefined)[] {
  const kinds: (string | undefined)[] = new Array(text.length);
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lead = /^[ \t]*/.exec(line)![0].length;
    const trail = lead === line.length ? line.length : line.length - /[ \t]*$/.exec(line)![0].length;
    for (let i = 0; i < line.length; i++) {
      if (line[i] !== ' ' && line[i] !== '\t') continue;
      kinds[lineStart + i] = i < lead ? '-l' : i >= trail ? '-r' : '';
    }
    lineStart += line.length + 1;
  }
  return kinds;
}

/** A copy of the highlighted block with its whitespace shown (the highlighter's nodes may be shared: never mutated). */
function showIn(pre: Element): Element {
  const code = pre.children.find(isCode);
  if (!code) return pre;
  const kinds = whitespaceKinds(toString(code));
  let at = 0;
  const rewrite = (node: ElementContent): ElementContent[] => {
    if (node.type === 'element') return [{ ...node, children: node.children.flatMap(rewrite) }];
    if (node.type !== 'text') return [node];
    const out: ElementContent[] = [];
    let plain = '';
    for (const char of node.value) {
      const kind = kinds[at];
      at += char.length;
      if (kind === undefined) {
        plain += char;
        continue;
      }
      if (plain) out.push({ type: 'text', value: plain });
      plain = '';
      const tab = char === '\t';
      out.push({ type: 'element', tagName: 'span', properties: { className: [`ws-${tab ? 'tab' : 'space'}${kind}`] }, children: [{ type: 'text', value: tab ? '\t' : SPACE_MARK }] });
    }
    if (plain) out.push({ type: 'text', value: plain });
    return out;
  };
  return { ...pre, children: pre.children.map((child) => (child === code ? { ...code, children: code.children.flatMap(rewrite) } : child)) };
}

/** Shows the whitespace of the blocks `findWhitespaceBlocks` found, once highlighted in place. */
export function showWhitespace(blocks: ReturnType<typeof findWhitespaceBlocks>): void {
  for (const { parent, index } of blocks) {
    const pre = parent.children[index] as Element | undefined;
    if (pre?.type === 'element' && pre.tagName === 'pre') parent.children[index] = showIn(pre);
  }
}
