// Fixtures: each folder of tests/fixtures/markdown holds input.md and the expected.html the
// build's pipeline must produce for a note at study/note.md (base /notes/). `npm run fixtures:update`
// rewrites them; a missing one fails.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden } from '../../helpers/golden.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

const root = path.resolve('tests/fixtures/markdown');
const pages = { 'guides/setup.md': '/guides/setup', 'study/other.md': '/study/other' };

describe('Markdown fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, async () => {
      const input = readFileSync(path.join(root, name, 'input.md'), 'utf8');
      const { html } = await renderMarkdown(input, { base: '/notes/', pages });
      const expectedFile = path.join(root, name, 'expected.html');
      expectGolden(html, expectedFile);
    });
  }
});
