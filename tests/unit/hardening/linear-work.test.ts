// Work proportional to the note: a pass over a node's siblings per child made a 20,000-row table
// quadratic (rehype-figures filtered every parent's children for every element). The plugin's
// time over 20,000 siblings must grow about 4× from 5,000, not 16× or more.
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeFigures from '../../../src/markdown/rehype/rehype-figures.ts';

function table(rows: number): Root {
  const body: Element[] = Array.from({ length: rows }, (_, i) => h('tr', [h('td', `row ${i}`), h('td', [h('a', { href: '#x' }, 'link')])]));
  return { type: 'root', children: [h('table', { className: ['study-table'] }, [h('tbody', body)]), h('div', [h('img', { src: 'a.png', alt: 'A picture' })])] };
}

async function fastest(rows: number): Promise<number> {
  const processor = unified().use(rehypeFigures);
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    const tree = table(rows);
    const started = performance.now();
    await processor.run(tree);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('linear work', () => {
  it('rehype-figures over 20,000 table rows takes time proportional to their number', async () => {
    await fastest(2000); // warm-up
    const small = await fastest(5000);
    const large = await fastest(20_000);
    // Linear is 4×; the quadratic walk measured 38× here. Best of five runs, a wide margin for a busy machine.
    expect(large / small).toBeLessThan(11);
  });

  it('still makes the standalone picture a figure', async () => {
    const tree = table(3);
    await unified().use(rehypeFigures).run(tree);
    const div = tree.children[1] as Element;
    expect((div.children[0] as Element).tagName).toBe('figure');
  });
});
