// Fixtures: each folder of tests/fixtures/markdown holds input.md and the expected.html the
// pipeline must produce for a note at study/note.md (base /notes/). UPDATE_FIXTURES=1 rewrites them.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

const root = path.resolve('tests/fixtures/markdown');
const pages = { 'guides/setup.md': '/guides/setup', 'study/other.md': '/study/other' };

describe('Markdown fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, async () => {
      const input = readFileSync(path.join(root, name, 'input.md'), 'utf8');
      const { html } = await renderMarkdown(input, { base: '/notes/', pages });
      const expectedFile = path.join(root, name, 'expected.html');
      if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) writeFileSync(expectedFile, html);
      expect(html).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
