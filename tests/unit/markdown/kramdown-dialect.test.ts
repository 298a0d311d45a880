// The kramdown rules applied before and during Markdown parsing keep every line where it was,
// so messages and link lines still name the line the author wrote.
import { describe, expect, it } from 'vitest';
import { kramdownBlockLines, kramdownListLines } from '../../../src/markdown/kramdown-lists.ts';
import { substitute } from '../../../src/markdown/remark/remark-kramdown-typography.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

describe('kramdown lists before CommonMark', () => {
  it('indents bullets written straight under a numbered item into it, line for line', () => {
    const input = ['1. **Title**', '- point', '- other', '', '2. Next', '- more'];
    expect(kramdownListLines(input)).toEqual(['1. **Title**', '   - point', '   - other', '', '2. Next', '   - more']);
  });

  it('leaves a list after a blank line and fenced code alone', () => {
    const input = ['1. one', '', '- two', '', '```', '- not a list', '```'];
    expect(kramdownListLines(input)).toEqual(input);
  });
});

describe('kramdown indented code before CommonMark', () => {
  it('joins a lazy line onto the code line before it and says where each line came from', () => {
    const input = ['Run:', '', '    make', 'all', '', '    test', ' --fast', 'para'];
    expect(kramdownBlockLines(input)).toEqual({
      lines: ['Run:', '', '    make all', '', '    test  --fast para', '', '', ''],
      from: [0, 1, 2, 4, 5, 7, 7, 7],
    });
  });
});

describe('typographic substitution', () => {
  it('makes quotes, dashes and ellipses as kramdown does', () => {
    expect(substitute(`It's the "fast path" -- don't---skip... <<a>> '80s`, '')).toBe('It’s the “fast path” – don’t—skip… «a» ’80s');
  });
});

describe('line numbers through the kramdown rules', () => {
  it('reports links at the line the author wrote them', async () => {
    const markdown = [
      '<div class="note">', // 1
      '  boxed', // 2
      '</div>', // 3
      '> quote with [a](a.md)', // 4
      '', // 5
      '1. **Title**', // 6
      '- point [b](b.md)', // 7
      '^', // 8
      'para [c](c.md)', // 9
    ].join('\n');
    const { html, context } = await renderMarkdown(markdown);
    expect(html).toContain('<blockquote>');
    expect(html).toMatch(/<ol>\s*<li><strong>Title<\/strong>\s*<ul>/);
    expect(html).not.toContain('^');
    const lines = Object.fromEntries(context.links.map((link) => [link.url.replace(/^.*\//, '').replace(/\.md$/, ''), link.line]));
    expect(lines).toMatchObject({ a: 4, b: 7, c: 9 });
  });

  it('keeps line numbers after an indented code block that took lazy lines', async () => {
    const markdown = ['    code', 'lazy', 'more lazy', '', '[a](a.md)', '', '1. item', '  * lazy bullet', '    * nested', '  * lazier [b](b.md)'].join('\n');
    const { html, context } = await renderMarkdown(markdown);
    expect(html).toContain('<code class="language-plaintext">code lazy more lazy\n</code>');
    const lines = Object.fromEntries(context.links.map((link) => [link.url.replace(/^.*\//, '').replace(/\.md$/, ''), link.line]));
    expect(lines).toMatchObject({ a: 5, b: 10 });
  });

  it('keeps line numbers in Markdown read again from HTML kramdown does not take for HTML', async () => {
    const markdown = [
      '<?xml version="1.0"?>', // 1: a paragraph to kramdown
      'see [a](a.md)', // 2
      '',
      '<p markdown="span">', // 4: inline Markdown inside, no paragraph
      '*x*[b](b.md)', // 5
      '</p>',
      '',
      '<widget>x</widget>', // 8: an HTML block to kramdown
      '[c](c.md)', // 9
    ].join('\n');
    const { html, context } = await renderMarkdown(markdown);
    expect(html).toContain('&#x3C;?xml version=”1.0”?>');
    expect(html).toContain('<p>\n<em>x</em><a href="/study/b.md">b</a>\n</p>');
    expect(html).toMatch(/<widget>x<\/widget>\s*<p><a href="\/study\/c.md">c<\/a><\/p>/);
    const lines = Object.fromEntries(context.links.map((link) => [link.url.replace(/^.*\//, '').replace(/\.md$/, ''), link.line]));
    expect(lines).toMatchObject({ a: 2, b: 5, c: 9 });
  });

  it('reports links kramdown reads (spaces in the URL, link definitions) at their lines', async () => {
    const markdown = [
      'Intro \\[x] and [the *first* note](a note.md) here', // 1
      '', // 2
      'Then [b][] and', // 3
      'a [c](c (draft).md "C").', // 4
      '', // 5
      '[b]: b note.md', // 6
    ].join('\n');
    const { html, context } = await renderMarkdown(markdown);
    expect(html).toContain('<em>first</em>');
    expect(html).toContain('[x]');
    const lines = Object.fromEntries(context.links.map((link) => [decodeURIComponent(link.url).replace(/^.*\//, '').replace(/\.md$/, ''), link.line]));
    expect(lines).toMatchObject({ 'a note': 1, 'b note': 3, 'c (draft)': 4 });
  });
});

describe('kramdown emphasis', () => {
  it('reads unbalanced stars as kramdown does and keeps every link on its line', async () => {
    const markdown = [
      'This is **a *star* [a](a.md).', // 1: kramdown: <em>*a *star</em> …
      '', // 2
      '**Note:**text and `**code**`', // 3: closes after punctuation
      'then *[b](b.md)', // 4
      'more* with <kbd>**key**</kbd>', // 5
    ].join('\n');
    const { html, context } = await renderMarkdown(markdown, { figures: false });
    expect(html).toContain('<em>*a *star</em>');
    expect(html).toContain('<strong>Note:</strong>text');
    expect(html).toContain('<code>**code**</code>');
    expect(html).toMatch(/<em><a [^>]*>b<\/a>\s*more<\/em>/);
    expect(html).toContain('<kbd>**key**</kbd>');
    const lines = Object.fromEntries(context.links.map((link) => [link.url.replace(/^.*\//, '').replace(/\.md$/, ''), link.line]));
    expect(lines).toMatchObject({ a: 1, b: 4 });
  });
});
