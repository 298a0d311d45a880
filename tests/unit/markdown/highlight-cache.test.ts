// The highlight cache (highlight-cache.ts) changes no byte of a note: a block it holds comes out
// as Shiki would write it, a block whose code or language changed is highlighted again, a damaged
// entry is ignored and made again, and a note whose blocks are all held never starts Shiki.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNotePipeline } from '../../../src/markdown/pipeline.ts';
import { HighlightCache } from '../../../src/markdown/rehype/highlight-cache.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

/** Code blocks of every kind the highlighter meets, and some it leaves alone. */
const NOTE = [
  '# Code',
  '',
  '```typescript',
  'export const answer: number = 42;',
  '```',
  '',
  '```js title="demo.js"',
  'console.log("meta");',
  '```',
  '{: #with-ial .wide data-x="1"}',
  '',
  '<pre class="demo"><code class="language-python extra" id="raw">def f(x):\n    return x\n</code></pre>',
  '',
  '```nosuchlanguage',
  'unknown grammar falls back to text',
  '```',
  '',
  '```',
  'plain block, no language',
  '```',
  '',
  '```',
  'shown  whitespace\t here',
  '```',
  '{: .show-whitespaces}',
  '',
  '    indented code',
  '',
  '```bash',
  'echo same',
  '```',
  '',
  '```bash',
  'echo same',
  '```',
  '',
  '<pre> <code class="language-js">text before the code element</code></pre>',
  '',
  '<pre><code class="language-">an empty language</code></pre>',
  '',
].join('\n');

/** One build's pipeline: its own plugin instances, like a build's; `cache` as a Build passes it. */
async function render(markdown: string, cache?: HighlightCache): Promise<string> {
  const pipeline = createNotePipeline({ figures: false, highlightCache: cache });
  return (await renderMarkdown(markdown, { relPath: 'study/code.md', pipeline })).html;
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const newDir = (): string => made[made.push(mkdtempSync(path.join(tmpdir(), 'highlight-cache-'))) - 1]!;
const newCache = (dir = newDir()): HighlightCache => new HighlightCache({ dir, version: () => 'test-generator' });

function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(dir, name))
    .sort();
}

/** The blocks Shiki highlights in NOTE: typescript, js, python, nosuchlanguage, bash twice (not: no language, text before <code>). */
const HIGHLIGHTED = 6;

describe('the highlight cache', () => {
  it('gives the HTML of a fresh Shiki run, cold and warm; a warm note never starts Shiki', async () => {
    const fresh = await render(NOTE);
    expect(fresh).toMatch(/<pre class="shiki/); // really highlighted
    expect(fresh).toContain('ws-space'); // whitespace shown where Shiki left the block alone

    const cold = newCache();
    expect(await render(NOTE, cold)).toBe(fresh);
    expect({ shikiNotes: cold.shikiNotes, highlighted: cold.highlighted, fromCache: cold.fromCache }).toEqual({ shikiNotes: 1, highlighted: HIGHLIGHTED, fromCache: 0 });
    // One entry per distinct block (the two `echo same` blocks share one).
    expect(entries(cold.dir)).toHaveLength(HIGHLIGHTED - 1);

    const warm = newCache(cold.dir);
    expect(await render(NOTE, warm)).toBe(fresh);
    expect({ shikiNotes: warm.shikiNotes, highlighted: warm.highlighted, fromCache: warm.fromCache }).toEqual({ shikiNotes: 0, highlighted: 0, fromCache: HIGHLIGHTED });
  });

  it('highlights a block again when its code or its language changed', async () => {
    const cache = newCache();
    await render(NOTE, cache);
    for (const edited of [NOTE.replace('return x', 'return x + 1'), NOTE.replace('```bash\necho same', '```sh\necho same')]) {
      const again = newCache(cache.dir);
      expect(await render(edited, again)).toBe(await render(edited));
      expect(again.shikiNotes).toBe(1);
      expect(again.damaged).toEqual([]);
    }
    // The prose alone edited: every block still held.
    const prose = newCache(cache.dir);
    expect(await render(NOTE.replace('# Code', '# Code, edited'), prose)).toBe(await render(NOTE.replace('# Code', '# Code, edited')));
    expect(prose.shikiNotes).toBe(0);
  });

  it('ignores a damaged entry (cut short, wrong shape, another key), highlights again and repairs it', async () => {
    const fresh = await render(NOTE);
    const cache = newCache();
    await render(NOTE, cache);
    const [cut, shape, key] = entries(cache.dir);
    writeFileSync(cut!, readFileSync(cut!, 'utf8').slice(0, 100));
    const stored = JSON.parse(readFileSync(shape!, 'utf8'));
    stored.tree.children[0].children = [{ type: 'text' }]; // a text node without its text
    writeFileSync(shape!, JSON.stringify(stored));
    writeFileSync(key!, readFileSync(entries(cache.dir)[3]!, 'utf8')); // a whole entry, of another block

    const damaged = newCache(cache.dir);
    expect(await render(NOTE, damaged)).toBe(fresh);
    expect(damaged.damaged.sort()).toEqual([cut, shape, key].sort());
    expect(damaged.shikiNotes).toBe(1);

    const repaired = newCache(cache.dir);
    expect(await render(NOTE, repaired)).toBe(fresh);
    expect({ shikiNotes: repaired.shikiNotes, damaged: repaired.damaged }).toEqual({ shikiNotes: 0, damaged: [] });
  });

  it('keys on the generator version: a new version highlights again', async () => {
    const cache = newCache();
    await render(NOTE, cache);
    const next = new HighlightCache({ dir: cache.dir, version: () => 'next-generator' });
    await render(NOTE, next);
    expect(next.shikiNotes).toBe(1);
  });
});
