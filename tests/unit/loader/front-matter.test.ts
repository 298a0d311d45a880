import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/loader/front-matter.ts';

describe('front matter', () => {
  it('splits YAML from the body and knows where the body starts', () => {
    const result = parseFrontMatter('---\ntitle: A\ntags: [x, y]\ndate_solved: 2024-05-01\n---\n\n## Body\n');
    expect(result.hasFrontMatter).toBe(true);
    expect(result.data.title).toBe('A');
    expect(result.data.tags).toEqual(['x', 'y']);
    expect(result.body).toBe('\n## Body\n');
    expect(result.bodyLine).toBe(6);
  });

  it('treats a file without front matter as not a page', () => {
    expect(parseFrontMatter('# Just Markdown\n').hasFrontMatter).toBe(false);
  });

  it('reports invalid YAML with its line in the file', () => {
    const result = parseFrontMatter('---\ntitle: ok\nbad: [unclosed\n---\nBody\n');
    expect(result.error?.line).toBeGreaterThanOrEqual(3);
    expect(result.body).toBe('Body\n');
  });

  it('reports front matter that is never closed', () => {
    expect(parseFrontMatter('---\ntitle: A\n').error?.message).toMatch(/never closed/);
  });
});
