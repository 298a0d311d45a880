// kramdown's alt text is the picture's bracket text as written (only backslash escapes taken
// away): `![alt ![img](x.png) text](y.png)` keeps the inner Markdown, where CommonMark keeps only
// its plain text (`alt img text`). Read back from the source by bracket depth, as kramdown's
// link parser counts brackets.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

const ESCAPED = /\\([\\.*_+\-`()[\]{}#!:|"'$=<>])/g;

/** Offset of the `]` that closes the bracket opened just before `from`, or -1. */
function closingBracket(source: string, from: number, end: number): number {
  let depth = 1;
  for (let at = from; at < end; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return at;
  }
  return -1;
}

const remarkKramdownImageAlt: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  visit(tree, 'image', (image) => {
    const start = image.position?.start.offset;
    const end = image.position?.end.offset;
    if (start === undefined || end === undefined || !source.startsWith('![', start)) return;
    const close = closingBracket(source, start + 2, end);
    if (close < 0) return;
    const raw = source.slice(start + 2, close);
    if (/[\r\n]/.test(raw)) return; // continuation prefixes (`> `) would be read as alt text
    image.alt = raw.replace(ESCAPED, '$1');
  });
};

export default remarkKramdownImageAlt;
