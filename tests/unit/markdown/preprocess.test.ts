import { describe, expect, it } from 'vitest';
import { preprocessMarkdown, RAW_BLOCK_TAG } from '../../../src/markdown/preprocess.ts';
import { LineMap } from '../../../src/shared/line-map.ts';

describe('preprocessing', () => {
  it('sets aside a multi-line script and maps lines after it back', () => {
    const input = ['<div>', '  <script type="text/plain">', 'a', '', 'b', '  </script>', '</div>', 'after'].join('\n');
    const { text, rawBlocks, lineMap } = preprocessMarkdown(input);
    expect(rawBlocks).toEqual(['<script type="text/plain">\na\n\nb\n  </script>']);
    // kramdown reads the line after `</div>` as Markdown: a blank line makes CommonMark do so too.
    expect(text.split('\n')).toEqual(['<div>', `  <${RAW_BLOCK_TAG} data-index="0"></${RAW_BLOCK_TAG}>`, '</div>', '', 'after']);
    expect(lineMap.map(2)).toBe(2);
    expect(lineMap.map(5)).toBe(8);
  });

  it('leaves scripts in fenced code and inline code alone', () => {
    const input = '```html\n<script>\n\n</script>\n```\nUse `<script>` here\n';
    expect(preprocessMarkdown(input).text).toBe(input);
  });

  it('opens Markdown inside markdown="1" elements with a blank line', () => {
    const { text, lineMap } = preprocessMarkdown('<div markdown="1">\n## Inside\n</div>');
    expect(text).toBe('<div markdown="1">\n\n## Inside\n</div>');
    expect(lineMap.map(3)).toBe(2);
  });

  it('writes a kramdown link definition with spaces in its URL the CommonMark way, on the same lines', () => {
    const input = ['[a]: some file.html', '[b]: other file.html', '    "Title"', '    [c]: code', '', 'text'].join('\n');
    const { text, lineMap } = preprocessMarkdown(input);
    // The indented line under a definition is a code block to kramdown: a blank line opens it here.
    expect(text.split('\n')).toEqual(['[a]: <some file.html>', '[b]: <other file.html>', '"Title"', '', '    [c]: code', '', 'text']);
    expect([1, 2, 3, 5, 7].map((line) => lineMap.map(line))).toEqual([1, 2, 3, 4, 6]);
  });

  it('leaves a definition-like line inside a paragraph alone', () => {
    const input = 'A paragraph.\n[a]: some file.html\n';
    expect(preprocessMarkdown(input).text).toBe(input);
  });
});

describe('line maps through Liquid', () => {
  it('maps lines an include inserted to the include line, and later lines back', () => {
    const source = 'a\n{% include_relative x %}\nb';
    const output = 'a\nx1\nx2\nx3\nb';
    const map = LineMap.fromDiff(source, output);
    expect([1, 2, 3, 4, 5].map((line) => map.map(line))).toEqual([1, 2, 2, 2, 3]);
  });

  it('composes and offsets', () => {
    const liquid = LineMap.fromDiff('a\nb\nc', 'a\nb\nc');
    const pre = LineMap.fromArray([1, 3]);
    expect(liquid.after(pre).offsetBy(4).map(2)).toBe(7);
  });
});
