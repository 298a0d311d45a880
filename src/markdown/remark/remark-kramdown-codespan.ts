// kramdown's code span rules where they differ from CommonMark's (kramdown's codespan.rb):
// - a lone backtick with whitespace (or the start of the paragraph) before it and whitespace
//   after it is a literal backtick, not the start of a code span;
// - inside a span of one backtick nothing is stripped; inside longer delimiters one leading
//   space and one trailing space are stripped each on its own (CommonMark strips only both).
// Written here because no remark plugin copies kramdown's code spans.
import type { InlineCode, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';

const ASCII_PUNCTUATION_ESCAPE = /\\([!-/:-@[-`{-~])/g;

const remarkKramdownCodespan: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value);
  visit(tree, 'inlineCode', (node: InlineCode, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !parent || index === undefined) return undefined;
    const delimiter = /^`+/.exec(source.slice(start, end))?.[0].length ?? 0;
    if (delimiter === 0) return undefined;
    if (delimiter === 1 && /\s/.test(source[start + 1] ?? '')) {
      const before = index === 0 ? undefined : parent.children[index - 1];
      const atStart = before === undefined;
      const afterSpace = before?.type === 'text' && /\s$/.test(before.value);
      if (atStart || afterSpace) {
        // The opening backtick is text, so what CommonMark read as code is text as well, with
        // its backslash escapes taking effect.
        const text: Text = { type: 'text', value: `\`${node.value}\``.replace(ASCII_PUNCTUATION_ESCAPE, '$1'), position: node.position };
        parent.children[index] = text;
        return undefined;
      }
    }
    const raw = source.slice(start + delimiter, end - delimiter);
    if (raw.includes('\n') || raw.includes('\r')) return undefined; // continuation prefixes (`> `) make the slice unreliable
    node.value = delimiter === 1 ? raw : raw.replace(/^ /, '').replace(/ $/, '');
    return undefined;
  });
};

export default remarkKramdownCodespan;
