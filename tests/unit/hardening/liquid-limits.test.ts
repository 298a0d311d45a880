// Liquid limits: each stop is a located problem, quickly, and the engine renders the next note.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLiquidEngine, renderLiquid } from '../../../src/liquid/liquid-engine.ts';
import { liquidLimits } from '../../../src/liquid/liquid-limits.ts';

const notes = mkdtempSync(path.join(tmpdir(), 'liquid-limits-'));
mkdirSync(path.join(notes, '_includes'));
writeFileSync(path.join(notes, '_includes', 'self.html'), 'again {% include self.html %}');
writeFileSync(path.join(notes, '_includes', 'ok.html'), 'included {{ include.x }}');
const engine = createLiquidEngine(notes, { base: '/', siteUrl: '', markdownify: (s) => s }, { ...liquidLimits(1_000_000), renderLimit: 1500 });
const render = (template: string, using = engine) => renderLiquid(using, template, {}, { noteDir: notes, notesDir: notes });
// Time enough that only the size limit can stop it, even on a busy machine.
const patient = createLiquidEngine(notes, { base: '/', siteUrl: '', markdownify: (s) => s }, { ...liquidLimits(1_000_000), renderLimit: 60_000 });

describe('Liquid limits', () => {
  it('stops output past the page-size limit at the loop line', async () => {
    const started = Date.now();
    const result = await render(`a\n\n{% for i in (1..3000000) %}${'x'.repeat(64)}{% endfor %}\n`, patient);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.problems).toEqual([{ line: 3, message: expect.stringMatching(/output passed 1 MB/), limit: true }]);
  });

  it('stops a 10^5 × 10^5 loop by time', async () => {
    const started = Date.now();
    const result = await render('x\n{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.problems).toEqual([{ line: 2, message: expect.stringMatching(/render limit exceeded/), limit: true }]);
  });

  it('stops an include that includes itself at the include line in the note', async () => {
    const result = await render('one\ntwo\n{% include self.html %}');
    expect(result.problems).toEqual([{ line: 3, message: expect.stringMatching(/nested more than 10 deep/), limit: true }]);
    expect(await render('{% include ok.html x=1 %}')).toEqual({ text: 'included 1', problems: [] });
  });
});
