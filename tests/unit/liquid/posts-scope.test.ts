// Liquid over posts and collections: site.posts newest first, site.tags / site.categories,
// site.<collection>, page.next / page.previous, excerpts, post_url in both of Jekyll's matching
// styles (the old one reported as Jekyll's deprecation), link to posts and documents.
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/config/site-config.ts';
import { Diagnostics } from '../../../src/diagnostics/diagnostics.ts';
import { createLiquidEngine, renderLiquid } from '../../../src/liquid/liquid-engine.ts';
import { loadSiteModel } from '../../../src/loader/site-model.ts';
import { liquidScope } from '../../../src/render/liquid-scope.ts';
import { writeNotesFolder } from '../../helpers/notes-folder.ts';

const root = writeNotesFolder({
  '_config.yml': 'title: T\nbaseurl: /site\ntimezone: UTC\ncollections:\n  notes:\n    output: true\n',
  Gemfile: 'gem "jekyll"\n',
  'index.md': '---\n---\n',
  '_posts/2024-01-01-one.md': '---\ntitle: One\ntags: [a, b]\n---\nFirst paragraph of one.\n\nSecond paragraph.\n',
  'learning/_posts/2024-02-01-two.md': '---\ntitle: Two\ntags: a\n---\nTwo.',
  '_posts/2024-03-01-three.md': '---\ntitle: Three\nexcerpt_separator: <!--more-->\n---\nThree *intro*<!--more--> rest',
  '_notes/n1.md': '---\ntitle: Note one\n---\n',
});
const diagnostics = new Diagnostics(root);
const config = loadSiteConfig({ NOTES_DIR: root }, root);
const model = loadSiteModel(config, diagnostics, { now: new Date('2025-01-01T00:00:00Z') });
const scope = liquidScope(model, (md) => `<p>${md.trim()}</p>`);
const engine = createLiquidEngine(root, { base: config.base, siteUrl: '', markdownify: (md) => md });

async function render(template: string, relPath = 'index.md') {
  const page = model.pages.find((p) => p.relPath === relPath)!;
  return renderLiquid(engine, template, { site: scope.site, ...scope.forPage(page) }, { noteDir: root, notesDir: root });
}

describe('Liquid over posts and collections', () => {
  it('lists site.posts newest first, with dates printed as Jekyll prints them', async () => {
    expect((await render('{% for p in site.posts %}{{ p.title }}|{% endfor %}')).text).toBe('Three|Two|One|');
    expect((await render('{{ site.posts.last.date }}')).text).toBe('2024-01-01 00:00:00 +0000');
    expect((await render('{{ site.posts.last.date | date: "%b %-d, %Y" }}')).text).toBe('Jan 1, 2024');
  });

  it('groups site.tags and site.categories (folder above _posts), each newest first', async () => {
    expect((await render('{% for t in site.tags %}{{ t[0] }}:{% for p in t[1] %}{{ p.title }},{% endfor %};{% endfor %}')).text).toBe('a:Two,One,;b:One,;');
    expect((await render('{% for c in site.categories %}{{ c[0] }}={{ c[1].size }};{% endfor %}')).text).toBe('learning=1;');
  });

  it('gives collections as site.<label>, site.collections and site.documents', async () => {
    expect((await render('{{ site.notes.first.title }} {{ site.notes.first.url }}')).text).toBe('Note one /notes/n1.html');
    expect((await render('{% for c in site.collections %}{{ c.label }}:{{ c.docs.size }} {% endfor %}')).text).toBe('notes:1 posts:3 ');
    expect((await render('{{ site.documents.size }}')).text).toBe('4');
  });

  it('links posts with page.next / page.previous and renders excerpts', async () => {
    expect((await render('{{ page.previous.title }}<{{ page.title }}>{{ page.next.title }}', 'learning/_posts/2024-02-01-two.md')).text).toBe('One<Two>Three');
    expect((await render('{{ site.posts.last.excerpt }}')).text).toBe('<p>First paragraph of one.</p>\n');
    expect((await render('{{ site.posts.first.excerpt }}')).text).toBe('<p>Three *intro*</p>\n');
  });

  it('post_url: folder/date-slug exactly; date-slug alone still found, with the deprecation reported at its line', async () => {
    expect((await render('{% post_url learning/2024-02-01-two %}')).text).toBe('/site/learning/2024/02/01/two.html');
    expect((await render('{% post_url 2024-01-01-one %}')).text).toBe('/site/2024/01/01/one.html');
    const old = await render('x\n{% post_url 2024-02-01-two %}');
    expect(old.text).toBe('x\n/site/learning/2024/02/01/two.html');
    expect(old.problems).toEqual([{ line: 2, message: expect.stringMatching(/deprecates.*post_url learning\/2024-02-01-two/) }]);
    expect((await render('{% post_url 2024-09-09-missing %}')).problems[0]?.message).toMatch(/no post is built/);
  });

  it('link: to posts and collection documents by their source path', async () => {
    expect((await render('{% link _posts/2024-03-01-three.md %} {% link _notes/n1.md %}')).text).toBe('/site/2024/03/01/three.html /site/notes/n1.html');
  });
});
