import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sourceLinesOfId } from '../../../src/checks/page-ids.ts';
import { collectPageIds } from '../../../src/markdown/page-ids.ts';

const tree = (html: string): Root => fromHtml(html, { fragment: true });

describe('collectPageIds', () => {
  it('collects ids of every element, from headings and raw HTML alike', () => {
    const { ids, duplicates } = collectPageIds(tree('<h2 id="a">A</h2><figure id="fig-x"><svg><g id="g1"></g></svg></figure><div id="a2"></div>'));
    expect([...ids]).toEqual(['a', 'fig-x', 'g1', 'a2']);
    expect(duplicates.size).toBe(0);
  });

  it('finds two figures reusing one script id', () => {
    const html = '<div><script type="text/plain" id="s2s-snippet">@startuml</script></div><div><script type="text/plain" id="s2s-snippet">@startuml</script></div>';
    expect([...collectPageIds(tree(html)).duplicates]).toEqual([['s2s-snippet', 2]]);
  });
});

describe('collectPageIds over markup kept as a string', () => {
  it('reads ids of inline SVG the diagram service put in raw, not text that looks like one', () => {
    const root = tree('<p>id="not-an-id" in text</p><div></div>');
    (root.children[1] as { children: unknown[] }).children.push({ type: 'raw', value: '<svg id="d1"><g id="d1-g"><text>id="no"</text></g></svg>' });
    expect([...collectPageIds(root).ids]).toEqual(['d1', 'd1-g']);
  });
});

describe('sourceLinesOfId', () => {
  it('finds where an id is written in the note: id="…", id=\'…\', {#…}', () => {
    const source = ['---', 'title: x', '---', '## One {#one}', '<script id="dup">', '</script>', "<div id='dup'>", '<p id="dupe">'].join('\n');
    expect(sourceLinesOfId(source, 'dup')).toEqual([5, 7]);
    expect(sourceLinesOfId(source, 'one')).toEqual([4]);
    expect(sourceLinesOfId(source, 'missing')).toEqual([]);
  });
});
