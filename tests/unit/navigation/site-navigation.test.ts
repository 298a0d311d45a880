// The navigation model: folders in the order their index pages list them, previous/next,
// breadcrumbs and backlinks, from notes as the renderer leaves them (links as written in the output).
import { describe, expect, it } from 'vitest';
import { outputPathForUrl } from '../../../src/loader/permalink.ts';
import type { LinkEntry } from '../../../src/markdown/note-context.ts';
import type { NavNote } from '../../../src/navigation/page-targets.ts';
import { buildNavigation, pageNavigation } from '../../../src/navigation/site-navigation.ts';

interface NoteSpec {
  relPath: string;
  url: string;
  title: string;
  links?: Array<string | [string, string]>;
  hidden?: boolean;
  date?: string;
  pager?: number;
}

function note({ relPath, url, title, links = [], hidden = false, date, pager }: NoteSpec): NavNote {
  const entries: LinkEntry[] = links.map((l) => {
    const [href, section] = typeof l === 'string' ? [l, undefined] : l;
    return { url: href, attribute: 'href', line: 1, ...(section ? { section: { id: section.toLowerCase(), text: section } } : {}) };
  });
  const page = {
    relPath, url, title, outputPath: outputPathForUrl(url), hidden, absPath: `/n/${relPath}`, data: {}, layout: 'study', format: 'markdown', body: '', bodyLine: 1,
    ...(date ? { document: { collection: 'posts', date: new Date(date), slug: title, categories: [], tags: [], draft: false, output: true } } : {}),
    ...(pager ? { pager: { page: pager, perPage: 2, totalPages: 2, path: url } } : {}),
  } as NavNote['page'];
  return { page, links: entries, sections: [], description: '', document: false, headings: [] };
}

const BASE = '/notes/';
const notes = [
  note({ relPath: 'index.md', url: '/', title: 'Home', links: ['/notes/study/', '/notes/about.html'] }),
  note({ relPath: 'about.md', url: '/about.html', title: 'About' }),
  // The problem log's index lists problems by number, not by title.
  note({ relPath: 'study/leetcodes/index.md', url: '/study/leetcodes/', title: 'Problem Log', links: ['/notes/study/leetcodes/0001-two-sum', '/notes/study/leetcodes/0015-3sum.html', '/notes/study/leetcodes/0042-trap'] }),
  note({ relPath: 'study/leetcodes/0042-trap.md', url: '/study/leetcodes/0042-trap', title: 'Trapping Rain Water' }),
  note({ relPath: 'study/leetcodes/0001-two-sum.md', url: '/study/leetcodes/0001-two-sum', title: 'Two Sum', links: [['/notes/study/osi#layer-3', 'Related']] }),
  note({ relPath: 'study/leetcodes/0015-3sum.md', url: '/study/leetcodes/0015-3sum', title: '3Sum' }),
  note({ relPath: 'study/index.md', url: '/study/', title: 'Study', links: ['/notes/study/osi', '/notes/study/aws'] }),
  note({ relPath: 'study/aws.md', url: '/study/aws', title: 'AWS', links: [['/notes/study/osi#ipsec', 'VPN'], ['/notes/study/osi', 'VPN'], ['/notes/study/osi.html', 'Routes'], '/notes/study/aws#x'] }),
  note({ relPath: 'study/osi.md', url: '/study/osi', title: 'OSI Model' }),
  note({ relPath: 'study/zebra.md', url: '/study/zebra', title: 'Zebra', links: ['/notes/study/osi'] }),
  note({ relPath: 'study/alpha.md', url: '/study/alpha', title: 'Alpha' }),
  note({ relPath: 'study/draft.md', url: '/study/draft', title: 'Draft', hidden: true, links: ['/notes/study/osi'] }),
];
const nav = buildNavigation({ base: BASE, notes });
const at = (url: string) => pageNavigation(nav, outputPathForUrl(url))!;
const titles = (pages: Array<{ title: string }>) => pages.map((p) => p.title);

describe('site navigation', () => {
  it('orders a folder as its index page lists it, then the rest by title; hidden pages are not listed', () => {
    const study = at('/study/aws').page.folder;
    expect(titles(study.pages)).toEqual(['OSI Model', 'AWS', 'Alpha', 'Zebra']);
    expect(study.entries.map((e) => (e.kind === 'page' ? e.page.title : `[${e.folder.title}]`))).toEqual(['OSI Model', 'AWS', 'Alpha', '[Problem Log]', 'Zebra']);
    expect(titles(at('/study/leetcodes/0015-3sum').page.folder.pages)).toEqual(['Two Sum', '3Sum', 'Trapping Rain Water']);
    expect(nav.tree.root.entries.map((e) => (e.kind === 'page' ? e.page.title : `[${e.folder.title}]`))).toEqual(['[Study]', 'About']);
    expect(study.noteCount).toBe(7);
  });

  it('posts go newest first; the later pages of a paginated list are not listed again', () => {
    const blog = buildNavigation({
      base: '/',
      notes: [
        note({ relPath: '_posts/2024-01-05-old.md', url: '/2024/01/05/old.html', title: 'Old', date: '2024-01-05' }),
        note({ relPath: '_posts/2025-03-01-new.md', url: '/2025/03/01/new.html', title: 'New', date: '2025-03-01' }),
        note({ relPath: '_posts/2024-06-01-mid.md', url: '/2024/06/01/mid.html', title: 'Mid', date: '2024-06-01' }),
        note({ relPath: 'blog/index.html', url: '/blog/', title: 'Blog' }),
        note({ relPath: 'blog/index.html', url: '/blog/page2/', title: 'Blog', pager: 2 }),
      ],
    });
    const posts = pageNavigation(blog, outputPathForUrl('/2024/06/01/mid.html'))!;
    expect(posts.page.folder.title).toBe('Posts');
    expect(titles(posts.page.folder.pages)).toEqual(['New', 'Mid', 'Old']);
    expect([posts.previous?.title, posts.next?.title]).toEqual(['New', 'Old']);
    expect(pageNavigation(blog, outputPathForUrl('/blog/'))!.page.folder.pages).toEqual([]);
  });

  it('previous and next walk the folder from its index', () => {
    const threeSum = at('/study/leetcodes/0015-3sum');
    expect([threeSum.previous?.title, threeSum.next?.title]).toEqual(['Two Sum', 'Trapping Rain Water']);
    const index = at('/study/');
    expect([index.previous, index.next?.title]).toEqual([undefined, 'OSI Model']);
    expect(at('/study/zebra').next).toBeUndefined();
    expect(at('/study/draft').previous).toBeUndefined();
  });

  it('breadcrumbs name the folder index pages above a page', () => {
    expect(titles(at('/study/leetcodes/0015-3sum').breadcrumbs)).toEqual(['Home', 'Study', 'Problem Log']);
    expect(titles(at('/study/leetcodes/').breadcrumbs)).toEqual(['Home', 'Study']);
    expect(titles(at('/about.html').breadcrumbs)).toEqual(['Home']);
    expect(at('/study/leetcodes/0015-3sum').chain.map((f) => f.path)).toEqual(['', 'study', 'study/leetcodes']);
  });

  it('backlinks: every page linking here, once per heading, whatever URL spelling, never itself or a hidden draft', () => {
    expect(at('/study/osi').backlinks).toEqual([
      { url: '/study/aws', title: 'AWS', section: { id: 'vpn', text: 'VPN' } },
      { url: '/study/aws', title: 'AWS', section: { id: 'routes', text: 'Routes' } },
      { url: '/study/', title: 'Study' },
      { url: '/study/leetcodes/0001-two-sum', title: 'Two Sum', section: { id: 'related', text: 'Related' } },
      { url: '/study/zebra', title: 'Zebra' },
    ]);
    expect(at('/study/aws').backlinks.map((b) => b.title)).toEqual(['Study']);
  });
});
