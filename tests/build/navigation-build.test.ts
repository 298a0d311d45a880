// A Jekyll notes repository (tests/fixtures/jekyll-site) built as it is, under a base path: every
// note page links to its folder's notes and index, to its previous/next, and lists the notes that
// link to it; link previews are written beside the pages.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/astro-build.ts';

let build: BuildResult;
beforeAll(() => {
  build = buildSite(path.resolve('tests/fixtures/jekyll-site'), { SITE_BASE: '/notes/' });
});

const part = (html: string, pattern: RegExp): string => pattern.exec(html)?.[0] ?? '';
const sidebar = (html: string) => part(html, /<aside class="site-sidebar"[\s\S]*?<\/aside>/);
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

describe('navigation of a built notes repository', () => {
  it('every page of a folder lists its folder, marks itself and links to previous or next', () => {
    expect(build.status, build.output).toBe(0);
    const notePages = readdirSync(path.join(build.outDir, 'study'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html') && !f.includes('infrastructureDraft'))
      .map((f) => `study/${f}`);
    expect(notePages.length).toBeGreaterThanOrEqual(9);
    for (const file of notePages) {
      const html = build.read(file);
      const side = sidebar(html);
      expect(side, file).toMatch(/aria-current="page"/);
      expect(hrefs(side), file).toContain('/notes/study/');
      expect(hrefs(side), file).toContain('/notes/study/infrastructureOsiModel');
      expect(html, file).toMatch(/<nav class="prev-next"[\s\S]*?rel="(?:prev|next)"/);
      expect(part(html, /<nav class="breadcrumbs"[\s\S]*?<\/nav>/), file).toContain('href="/notes/"');
    }
    // The hidden draft is published but listed nowhere.
    expect(sidebar(build.read('study/index.html'))).not.toContain('infrastructureDraft');
  });

  it('problems follow the problem log\'s order (by number), with previous and next among them', () => {
    const html = build.read('study/leetcodes/0015-3sum.html');
    const problems = hrefs(sidebar(html)).filter((h) => h.includes('/leetcodes/'));
    expect(problems).toEqual([
      '/notes/study/leetcodes/',
      '/notes/study/leetcodes/0001-two-sum',
      '/notes/study/leetcodes/0015-3sum',
      '/notes/study/leetcodes/0042-trapping-rain-water',
      '/notes/study/leetcodes/0207-course-schedule',
    ]);
    expect(part(html, /<a class="prev-next-link prev"[^>]*>/)).toContain('href="/notes/study/leetcodes/0001-two-sum"');
    expect(part(html, /<a class="prev-next-link next"[^>]*>/)).toContain('href="/notes/study/leetcodes/0042-trapping-rain-water"');
  });

  it('a linked note lists the notes linking to it, Markdown, raw HTML and Liquid links alike, under their headings', () => {
    const backlinks = part(build.read('study/infrastructureOsiModel.html'), /<section class="backlinks"[\s\S]*?<\/section>/);
    expect(backlinks).toContain('<a href="/notes/study/infrastructureAWSNetwork">AWS Network Services</a>');
    expect(backlinks).toContain('href="/notes/study/infrastructureAWSNetwork#section-2-service-categories">2. Service Categories</a>');
    // The folder index links every note from a Liquid loop over site.pages.
    expect(backlinks).toContain('<a href="/notes/study/">Study Notes</a>');
  });

  it('writes a preview per page: title, description and each section\'s opening words', () => {
    const preview = JSON.parse(build.read('_preview/study/infrastructureOsiModel.json')) as {
      title: string;
      sections: Record<string, { title: string; text: string }>;
    };
    expect(preview.title).toBe('The OSI Model');
    expect(Object.keys(preview.sections).length).toBeGreaterThan(1);
    expect(Object.values(preview.sections).some((s) => s.text.length > 20)).toBe(true);
    expect(JSON.parse(build.read('_preview/study/leetcodes/index.json'))).toMatchObject({ title: 'Problem Log' });
  });
});
