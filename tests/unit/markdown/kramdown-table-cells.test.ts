// Table cells read with one parse for a whole table must come out exactly as each cell read alone
// (the reading kramdown's table cells get), with their lines in the note, and cells see the note's
// link and footnote definitions as kramdown's do.
import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { CellReader, type PlacedCell } from '../../../src/markdown/remark/kramdown-table-cells.ts';
import { visit } from '../../../src/markdown/visit.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

/** Cells that stress the shared parse: block openings, HTML, definitions, escapes, references. */
const TEXTS = [
  'plain words',
  'a **bold** word',
  '*em* and _em_ and ~~del~~',
  '`code | pipe` and ``two `ticks` ``',
  '[link](other.md#x) and ![pic](a.png)',
  '[ref link][ref] and [ref]',
  'a note[^n] and [^missing]',
  '- item',
  '* star item',
  '1. numbered',
  '# not a heading',
  '> not a quote',
  '---',
  '===',
  '```',
  '```js',
  '~~~',
  '<pre>',
  '<script>x</script>',
  '<!-- comment',
  '<?php x',
  '<div>',
  '<kbd>Ctrl</kbd> + <kbd>C</kbd>',
  '<br>',
  '[x]: /y',
  '[^x]: y',
  '&amp; &copy; \\| \\*',
  'http://example.com and www.example.com and me@example.com',
  'trailing backslash \\',
  '`unclosed',
  '**unclosed',
  '',
];

function placed(texts: readonly string[]): PlacedCell[] {
  let offset = 100;
  return texts.map((text, index) => {
    const cell = { text, offset, line: 10 + index };
    offset += text.length + 3;
    return cell;
  });
}

/** Content without positions (the alone-read fallback for non-paragraphs has none). */
function shape(content: PhrasingContent[]): unknown {
  return JSON.parse(JSON.stringify(content, (key, value) => (key === 'position' ? undefined : value)));
}

describe('kramdown table cells', () => {
  const reader = new CellReader('\n\n[ref]: #\n\n[^n]: #\n');

  it('read together exactly as each read alone', () => {
    const cells = placed(TEXTS);
    const together = reader.all(cells);
    cells.forEach((cell, index) => {
      expect(shape(together[index]!), JSON.stringify(cell.text)).toEqual(shape(reader.one(cell.text, cell.offset, cell.line, 1)));
    });
  });

  it('read together in any order and across several parses the same', () => {
    const cells = placed(Array.from({ length: 8 }, (_, round) => (round % 2 ? [...TEXTS].reverse() : TEXTS)).flat());
    expect(cells.length).toBeGreaterThan(200);
    const together = reader.all(cells);
    cells.forEach((cell, index) => expect(shape(together[index]!), JSON.stringify(cell.text)).toEqual(shape(reader.one(cell.text, cell.offset, cell.line, 1))));
  });

  it('keep every node on the line and at the offset of its cell', () => {
    const cells = placed([...TEXTS, ...TEXTS, ...TEXTS, ...TEXTS, ...TEXTS, ...TEXTS, ...TEXTS]);
    reader.all(cells).forEach((content, index) => {
      const cell = cells[index]!;
      for (const node of content) {
        visit(node, (child) => {
          if (!child.position) return;
          expect(child.position.start.line, cell.text).toBe(cell.line);
          expect(child.position.start.offset!, cell.text).toBeGreaterThanOrEqual(cell.offset);
          expect(child.position.end.offset!, cell.text).toBeLessThanOrEqual(cell.offset + cell.text.length);
        });
      }
    });
  });

  it('resolve the note’s link and footnote definitions, and report a link in a cell at its line', async () => {
    const markdown = ['Text.', '', '| Term | Meaning', '| [ref link][ref] | see [^n]', '| *b* | [c](c.md)', '', '[ref]: https://example.com/ref', '[^n]: A note.'].join('\n');
    const { html, context } = await renderMarkdown(markdown);
    expect(html).toContain('<a href="https://example.com/ref">ref link</a>');
    expect(html).toContain('<sup id="fnref:n" role="doc-noteref"><a href="#fn:n" class="footnote" rel="footnote">1</a></sup>');
    expect(context.links.find((link) => link.url.endsWith('/c.html') || link.url.endsWith('c.md'))?.line).toBe(5);
  });
});
