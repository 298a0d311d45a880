import { describe, expect, it } from 'vitest';
import { outputPathForUrl, pageUrl, routeSlugForUrl, urlsServedBy, withBase, DIRECTORY_INDEX_SLUG } from '../../../src/loader/permalink.ts';

describe('page URLs', () => {
  it('keeps a permalink exactly', () => {
    expect(pageUrl('study/x.md', '/study/infrastructureAWSNetwork')).toBe('/study/infrastructureAWSNetwork');
    expect(pageUrl('study/index.md', '/study/')).toBe('/study/');
    expect(pageUrl('a.md', 'no-leading-slash')).toBe('/no-leading-slash');
  });
  it('derives the URL from the path without a permalink, as Jekyll does', () => {
    expect(pageUrl('study/notes.md', undefined)).toBe('/study/notes.html');
    expect(pageUrl('study/index.md', undefined)).toBe('/study/');
    expect(pageUrl('index.md', undefined)).toBe('/');
  });
});

describe('output files served by GitHub Pages without redirects', () => {
  it.each([
    ['/study/x', 'study/x.html'],
    ['/study/', 'study/index.html'],
    ['/', 'index.html'],
    ['/a/b.html', 'a/b.html'],
    ['/caf%C3%A9', 'café.html'],
  ])('%s → %s', (url, file) => expect(outputPathForUrl(url)).toBe(file));

  it('routes folder permalinks under a name renamed after the build', () => {
    expect(routeSlugForUrl('/study/x')).toBe('study/x');
    expect(routeSlugForUrl('/study/')).toBe(`study/${DIRECTORY_INDEX_SLUG}`);
    expect(routeSlugForUrl('/')).toBeUndefined();
  });

  it('knows every URL a file answers', () => {
    expect(urlsServedBy('study/x.html')).toEqual(['/study/x.html', '/study/x']);
    expect(urlsServedBy('study/index.html')).toEqual(['/study/index.html', '/study/']);
  });
});

describe('base path', () => {
  it('prefixes root-relative URLs once', () => {
    expect(withBase('/study/x', '/notes/')).toBe('/notes/study/x');
    expect(withBase('/notes/study/x', '/notes/')).toBe('/notes/study/x');
    expect(withBase('/study/x', '/')).toBe('/study/x');
    expect(withBase('https://example.com/x', '/notes/')).toBe('https://example.com/x');
    expect(withBase('//cdn.example.com/x', '/notes/')).toBe('//cdn.example.com/x');
  });
});
