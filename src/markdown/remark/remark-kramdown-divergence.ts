// Where kramdown itself misreads a note, we keep CommonMark's reading (what the author meant)
// and say so at the line: Jekyll showed that page differently, and the author may want to know
// why the two sites disagree. Shapes:
// - a fence whose info string has a space (```` ```bash title="x" ````): kramdown's fence needs a
//   single word there, so it prints the opening line as text and lets the closing fence open
//   a code block that swallows the note up to the next fence.
// - an HTML block with an element left open inside (`<li>` or `<p>` with no end tag, which HTML
//   allows): kramdown takes only the innermost element's end tag, so it reads the rest of the
//   note as raw HTML — no Markdown — and shows the unmatched end tags as text.
import type { Code, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from '../visit.ts';
import { noteLine } from '../note-context.ts';
import { KRAMDOWN_SPAN_ELEMENTS, START_TAG, contentModel, kramdownUnclosed } from '../kramdown-raw-html.ts';
import { RAW_BLOCK_HOST_ATTRIBUTE } from '../preprocess.ts';

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
  const unclosed = unclosedHtmlBlock(tree, source, context.rawBlocks);
  if (unclosed) {
    const line = context.lineMap.map(source.slice(0, unclosed.at).split('\n').length);
    context.diagnostics.warn(
      context.file,
      line,
      DIVERGENCE_CODE,
      `Jekyll (kramdown) finds no end tag for this <${unclosed.name}> where it needs one, so it showed the rest of the note as raw HTML, without Markdown; close the element (</${unclosed.name}>) to get the same page in both`,
    );
  }
};

/**
 * The first element (and its offset in `source`) that kramdown leaves open in an HTML block of
 * the note when Markdown follows the block; one is enough, kramdown reads no further.
 */
function unclosedHtmlBlock(tree: Root, source: string, rawBlocks: readonly string[]): { name: string; at: number } | undefined {
  const lastText = source.trimEnd().length;
  for (const node of tree.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'html' || start === undefined || end === undefined) continue;
    if (end >= lastText) return undefined; // nothing after it to misread
    const indent = /^ {0,3}/.exec(node.value)![0].length;
    START_TAG.lastIndex = start + indent;
    const tag = START_TAG.exec(source);
    if (!tag || KRAMDOWN_SPAN_ELEMENTS.has(tag[1]!.toLowerCase()) || contentModel(tag[1]!, tag[2] ?? '') !== 'raw') continue;
    const placeholder = new RegExp(`^<div ${RAW_BLOCK_HOST_ATTRIBUTE}="(\\d+)"`).exec(tag[0]);
    if (placeholder) {
      const block = rawBlocks[Number(placeholder[1])] ?? '';
      const inside = kramdownUnclosed(block, /^\s*/.exec(block)![0].length);
      // Lines of a set-aside block count from its placeholder's line.
      if (inside) return { name: inside.name, at: start + lineStartOffset(source.slice(start), block.slice(0, inside.at).split('\n').length - 1) };
      continue;
    }
    const open = kramdownUnclosed(source, start + indent);
    if (open) return open;
  }
  return undefined;
}

/** The offset in `text` of the start of its line `lines` lines after the first. */
function lineStartOffset(text: string, lines: number): number {
  let at = 0;
  for (let line = 0; line < lines; line++) at = text.indexOf('\n', at) + 1;
  return at;
}

export default remarkKramdownDivergence;
