import { describe, expect, it } from 'vitest';
import { checkLayouts, frontMatterKeyLine } from '../../../src/checks/layout-check.ts';
import { layoutKind } from '../../../src/config/layouts.ts';

describe('layouts by name', () => {
  it('maps the dialect layouts and falls back to the plain page', () => {
    expect(['home', 'study', 'leetcode', 'default', 'page', 'post', 'fancy'].map(layoutKind)).toEqual(['home', 'note', 'leetcode', 'note', 'page', 'note', 'page']);
  });

  it('warns about an unknown layout at the line of its layout: key', () => {
    const source = '---\ntitle: Cheat sheet\nlayout: fancy\n---\n\nText\n';
    expect(frontMatterKeyLine(source, 'layout')).toBe(3);
    expect(checkLayouts([{ file: '/n/a.md', layout: 'fancy', source }, { file: '/n/b.md', layout: 'study', source: '' }], { file: '/n/_config.yml', text: '' })).toEqual([
      { file: '/n/a.md', line: 3, message: expect.stringContaining('unknown layout "fancy"') },
    ]);
  });

  it('points at _config.yml when a folder default names the unknown layout', () => {
    const config = 'title: x\ndefaults:\n  - scope:\n      path: notes\n    values:\n      layout: wiki\n';
    const findings = checkLayouts([{ file: '/n/notes/a.md', layout: 'wiki', source: '---\ntitle: a\n---\n' }], { file: '/n/_config.yml', text: config });
    expect(findings).toEqual([{ file: '/n/_config.yml', line: 6, message: expect.stringContaining('set by a _config.yml default') }]);
  });
});
