import { describe, expect, it } from 'vitest';
import { IdCounter, gfmHeadingId, kramdownHeadingId } from '../../../src/markdown/rehype/kramdown-slug.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

const ids = (html: string): string[] => [...html.matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1]!);

describe('automatic heading ids (kramdown GFM rule)', () => {
  it.each([
    ['1. Desk Stretch Routine', '1-desk-stretch-routine'],
    ['GenAI Security (Merged)', 'genai-security-merged'],
    ['⚙️ Zsh + Powerlevel10k', '\uFE0F-zsh--powerlevel10k'],
    ['3.4 Layer 3 & 5–6 - IPsec', '34-layer-3--56---ipsec'],
    ['snake_case stays', 'snake_case-stays'],
    ['Café Über', 'café-über'],
  ])('%s → %s', (text, id) => expect(gfmHeadingId(text)).toBe(id));
});

describe('automatic heading ids inside markdown="1" (kramdown rule)', () => {
  it.each([
    ['2. Context — the system in its world', 'context--the-system-in-its-world'],
    ['123', 'section'],
    ['Ünïcode Title', 'ncode-title'],
  ])('%s → %s', (text, id) => expect(kramdownHeadingId(text)).toBe(id));
});

describe('repeats', () => {
  it('numbers the second and third use of an id', () => {
    const counter = new IdCounter();
    expect(['a', 'a', 'b', 'a'].map((id) => counter.unique(id))).toEqual(['a', 'a-1', 'b', 'a-2']);
  });
});

describe('headings in a note', () => {
  it('uses an explicit {#id} exactly and hides it', async () => {
    const { html } = await renderMarkdown('## 1. AWS Network Overview {#section-1-aws-network-overview}\n');
    expect(ids(html)).toEqual(['section-1-aws-network-overview']);
    expect(html).not.toContain('{#');
    expect(html).toContain('>1. AWS Network Overview<a class="heading-anchor"');
  });

  it('takes ids from an IAL line under the heading, and .no_toc', async () => {
    const { html, context } = await renderMarkdown('## Title\n{: #custom .no_toc}\n\nText\n');
    expect(ids(html)).toEqual(['custom']);
    expect(html).not.toContain('{:');
    expect(context.headings).toEqual([{ depth: 2, id: 'custom', text: 'Title', noToc: true }]);
  });

  it('numbers repeated automatic ids but not explicit ones', async () => {
    const { html } = await renderMarkdown('## Setup\n\n## Setup\n\n## Other {#setup}\n\n## Setup\n');
    expect(ids(html)).toEqual(['setup', 'setup-1', 'setup', 'setup-2']);
  });

  it('derives automatic ids from the raw Markdown of the heading', async () => {
    const { html } = await renderMarkdown('## The `kubectl` **apply** command ##\n');
    expect(ids(html)).toEqual(['the-kubectl-apply-command']);
  });

  it('uses the kramdown rule inside markdown="1" elements, with its own counter', async () => {
    const markdown = [
      '## 2. Context — the system in its world',
      '',
      '<details><summary>More</summary>',
      '<div markdown="1">',
      '### 2. Context — the system in its world',
      '',
      '### 2. Context — the system in its world',
      '</div>',
      '</details>',
    ].join('\n');
    const { html } = await renderMarkdown(markdown);
    expect(ids(html)).toEqual(['2-context--the-system-in-its-world', 'context--the-system-in-its-world', 'context--the-system-in-its-world-1']);
    expect(html).not.toContain('markdown=');
  });
});
