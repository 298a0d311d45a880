// The data path's layers, enforced: every import between src/ folders goes down the path (notes
// folder → loader → liquid → markdown → diagrams … → render → build → integration, layouts,
// components, pages), never up. And the README's code map names every folder of src/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

const BASE = ['shared', 'config', 'diagnostics', 'loader'];
const RENDERING = [...BASE, 'liquid', 'diagrams', 'markdown', 'checks', 'render'];
const PRESENTATION = [...RENDERING, 'navigation', 'build', 'client', 'styles', 'integration', 'layouts', 'components', 'pages'];

/** Folder → the folders its modules may import from (besides its own). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  shared: [],
  diagnostics: ['shared'],
  // The configuration reads _config.yml with the loader's file helpers; the loader reads the configuration.
  config: ['shared', 'diagnostics', 'loader'],
  loader: ['shared', 'diagnostics', 'config'],
  liquid: BASE,
  diagrams: BASE, // knows nothing about Markdown
  markdown: [...BASE, 'diagrams'],
  checks: [...BASE, 'markdown'],
  doctor: [...BASE, 'liquid'], // `npm run doctor`: the notes folder as written, without rendering
  render: RENDERING,
  navigation: RENDERING, // the site's navigation, from the rendered notes
  build: RENDERING,
  client: ['shared'], // browser scripts: nothing of the build
  styles: [],
  integration: PRESENTATION,
  layouts: PRESENTATION,
  components: PRESENTATION,
  pages: PRESENTATION,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|astro)$/.test(entry.name) ? [file] : [];
  });
}

/** Relative specifiers of every import, export-from and dynamic import (types included). */
function relativeImports(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
}

const folderOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0]!;

describe('layering', () => {
  it('every import between src/ folders goes down the data path', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const from = folderOf(file);
      if (!path.relative(SRC, file).includes(path.sep)) continue; // declaration files at the top
      const allowed = MAY_IMPORT[from];
      if (!allowed) {
        violations.push(`${path.relative(SRC, file)}: folder src/${from}/ has no place in the layers (add it to MAY_IMPORT)`);
        continue;
      }
      for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
        const to = folderOf(path.resolve(path.dirname(file), specifier));
        if (to !== from && !allowed.includes(to)) violations.push(`${path.relative(SRC, file)} imports ${specifier} (src/${from}/ may not import src/${to}/)`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the lower layers import nothing from render, integration, layouts, components or pages', () => {
    for (const lower of ['loader', 'liquid', 'markdown', 'diagrams', 'checks']) {
      for (const upper of ['render', 'build', 'integration', 'layouts', 'components', 'pages']) expect(MAY_IMPORT[lower]).not.toContain(upper);
    }
  });

  it("the README's code map names every folder of src/", () => {
    const readme = readFileSync('README.md', 'utf8');
    const map = readme.slice(readme.indexOf('## Layout of the code'));
    const named = new Set([...map.matchAll(/`src\/([\w-]+)\/`/g)].map((m) => m[1]!));
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((folder) => !named.has(folder))).toEqual([]);
    expect([...named].filter((folder) => !folders.includes(folder))).toEqual([]);
  });
});
