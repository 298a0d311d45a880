// kramdown ends an indented code block at its last line with text; CommonMark keeps the
// whitespace of blank lines indented past four columns before the paragraph that follows.
// A code block without a language is marked for rehype-highlight-code, which gives it Jekyll's
// `language-plaintext` (Rouge's default language) once the highlighter has passed it by.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

/** hast property on the <code> of a Markdown code block written without a language. */
export const PLAIN_CODE = 'dataPlainCode';

const FENCE = /^[ \t]*(?:`{3,}|~{3,})/;

const remarkKramdownCode: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  visit(tree, 'code', (code) => {
    if (!code.lang) code.data = { ...code.data, hProperties: { ...code.data?.hProperties, [PLAIN_CODE]: '' } };
    const start = code.position?.start.offset;
    if (start === undefined || FENCE.test(source.slice(start, start + 20))) return; // fenced: kept as written
    code.value = code.value.replace(/(?:\n[ \t]*)+$/, '');
  });
};

export default remarkKramdownCode;
