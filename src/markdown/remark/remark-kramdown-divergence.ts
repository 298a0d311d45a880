// Where kramdown itself misreads a note, we keep CommonMark's reading (what the author meant)
// and say so at the line: Jekyll showed that page differently, and the author may want to know
// why the two sites disagree. Shapes:
// - a fence whose info string has a space (```` ```bash title="x" ````): kramdown's fence needs a
//   single word there, so it prints the opening line as text and lets the closing fence open
//   a code block that swallows the note up to the next fence.
import type { Code, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { noteLine } from '../note-context.ts';

export const DIVERGENCE_CODE = 'kramdown-differs';

const FENCE_START = /^[ \t]*(?:`{3,}|~{3,})/;

const remarkKramdownDivergence: Plugin<[], Root> = () => (tree, file) => {
  const context = file.data.note;
  if (!context) return;
  const source = String(file.value);
  visit(tree, 'code', (code: Code) => {
    const start = code.position?.start.offset;
    if (!code.meta || start === undefined || !FENCE_START.test(source.slice(start, start + 40))) return;
    context.diagnostics.warn(
      context.file,
      noteLine(context, code),
      DIVERGENCE_CODE,
      `Jekyll (kramdown) does not read this fence: its info string "${code.lang} ${code.meta}" has a space, so Jekyll showed this line as text and the text after the closing fence as code up to the next fence; write \`\`\`${code.lang} to get the same page in both`,
    );
  });
};

export default remarkKramdownDivergence;
