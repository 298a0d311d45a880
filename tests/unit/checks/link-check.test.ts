// The link checker over plain data: published URLs, page ids, and the links each note holds.
import { describe, expect, it } from 'vitest';
import { checkLinks, stripBase, type CheckedPage, type LinkCheckInput } from '../../../src/checks/link-check.ts';

const osi: CheckedPage = {
  file: '/notes/study/infrastructureOsiModel.md',
  servedAs: ['/study/infrastructureOsiModel.html', '/study/infrastructureOsiModel'],
  ids: new Set(['section-3-4-layer-3-56---ipsec', 'overview', '\uFE0F-zsh--powerlevel10k']),
  links: [],
};
const study: CheckedPage = { file: '/notes/study/index.md', servedAs: ['/study/index.html', '/study/'], ids: new Set(['list']), links: [] };

function input(links: CheckedPage['links'], base = '/'): LinkCheckInput {
  const page: CheckedPage = { file: '/notes/study/aws.md', servedAs: ['/study/aws.html', '/study/aws'], ids: new Set(['here']), links };
  return {
    base,
    servedUrls: new Set([...osi.servedAs, ...study.servedAs, ...page.servedAs, '/study/assets/x.png', '/files/report.pdf']),
    isGenerated: (url) => url === '/404.html' || url.startsWith('/pagefind/'),
    layoutIds: new Set(['main']),
    pages: [osi, study, page],
  };
}

const link = (url: string, line = 7, attribute = 'href') => ({ url, attribute, line });

describe('checkLinks', () => {
  it('accepts links to pages, files, folders, generated pages, and existing ids (incl. encoded ones)', () => {
    const links = [
      link('/study/infrastructureOsiModel#section-3-4-layer-3-56---ipsec'),
      link('/study/infrastructureOsiModel.html#overview'),
      link('/study/infrastructureOsiModel#%EF%B8%8F-zsh--powerlevel10k'),
      link('/study/'),
      link('/study'), // GitHub Pages redirects to /study/
      link('/study/assets/x.png', 3, 'src'),
      link('/files/report.pdf#page=2'), // no ids to check in a file
      link('/404.html'),
      link('/pagefind/pagefind.js', 2, 'src'),
      link('#here'),
      link('#main'),
      link('#top'),
      link('/study/aws?x=1#here'),
    ];
    expect(checkLinks(input(links))).toEqual([]);
  });

  it('names a broken anchor with the note, line and the id that was probably meant', () => {
    const findings = checkLinks(input([link('/study/infrastructureOsiModel#layer-3-56---ipsec', 42)]));
    expect(findings).toEqual([
      {
        file: '/notes/study/aws.md',
        line: 42,
        code: 'broken-anchor',
        message: 'link /study/infrastructureOsiModel#layer-3-56---ipsec: no element with id "layer-3-56---ipsec" on /study/infrastructureOsiModel (did you mean #section-3-4-layer-3-56---ipsec?)',
      },
    ]);
  });

  it('checks fragments on the same page', () => {
    expect(checkLinks(input([link('#nowhere', 5)]))).toMatchObject([{ code: 'broken-anchor', line: 5, message: expect.stringContaining('on this page') }]);
  });

  it('reports links to unpublished pages, missing pictures, and links out of the notes folder or base', () => {
    const findings = checkLinks(
      input([link('/notes/study/nope', 1), link('/notes/study/assets/gone.png', 2, 'src'), link('/notes/study/assets/big.png', 3, 'dataModalSrc'), link('../outside.md', 4), link('/elsewhere/x', 5)], '/notes/'),
    );
    expect(findings.map((f) => [f.line, f.code])).toEqual([
      [1, 'broken-link'],
      [2, 'missing-image'],
      [3, 'missing-image'],
      [4, 'broken-link'],
      [5, 'broken-link'],
    ]);
    expect(findings[4]!.message).toContain("outside the site's base path /notes/");
  });

  it('strips the base path, and works under one', () => {
    expect(stripBase('/notes/study/x', '/notes/')).toBe('/study/x');
    expect(stripBase('/notes', '/notes/')).toBe('/');
    expect(stripBase('/other', '/notes/')).toBeUndefined();
    expect(checkLinks(input([link('/notes/study/infrastructureOsiModel#overview'), link('/notes/study/infrastructureOsiModel#gone', 9)], '/notes/'))).toMatchObject([
      { line: 9, code: 'broken-anchor' },
    ]);
  });

  it('leaves Liquid kept literal by {% raw %} alone', () => {
    expect(checkLinks(input([link('/study/{{ page.slug }}')]))).toEqual([]);
  });
});
