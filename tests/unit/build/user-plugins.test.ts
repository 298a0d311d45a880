// Which user plugins the notes pipeline runs: studyNotes()'s own after Astro's Markdown settings.
import { describe, expect, it } from 'vitest';
import { collectUserPlugins } from '../../../src/build/user-plugins.ts';

const remarkA = (): undefined => undefined;
const remarkB = (): undefined => undefined;
const rehypeA = (): undefined => undefined;
const rehypeOwn = (): undefined => undefined;

describe('collectUserPlugins', () => {
  it("takes Astro's markdown plugins (deprecated lists and a unified() processor's options) before studyNotes()'s, once each", () => {
    const warnings: string[] = [];
    const plugins = collectUserPlugins(
      { rehypePlugins: [rehypeOwn] },
      { remarkPlugins: [remarkA], processor: { name: 'unified', options: { remarkPlugins: [remarkA, remarkB], rehypePlugins: [[rehypeA, { x: 1 }]] } } },
      (message) => warnings.push(message),
    );
    expect(plugins.remarkPlugins).toEqual([remarkA, remarkB]);
    expect(plugins.rehypePlugins).toEqual([[rehypeA, { x: 1 }], rehypeOwn]);
    expect(warnings).toEqual([]);
  });

  it('leaves out plugins given by package name, with a warning', () => {
    const warnings: string[] = [];
    const plugins = collectUserPlugins({}, { rehypePlugins: ['rehype-slug', ['rehype-autolink-headings', {}], rehypeA] }, (message) => warnings.push(message));
    expect(plugins.rehypePlugins).toEqual([rehypeA]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('"rehype-slug"');
  });
});
