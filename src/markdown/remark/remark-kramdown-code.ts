// kramdown ends an indented code block at its last line with text; CommonMark keeps the
// whitespace of blank lines indented past four columns before the paragraph that follows.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

const FENCE = /^[ \t]*(?:`{3,}|~{3,})/;

const remarkKramdownCode: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  visit(tree, 'code', (code) => {
    const start = code.position?.start.offset;
    if (start === undefined || FENCE.test(source.slice(start, start + 20))) return; // fenced: kept as written
    code.value = code.value.replace(/(?:\n[ \t]*)+$/, '');
  });
};

export default remarkKramdownCode;
