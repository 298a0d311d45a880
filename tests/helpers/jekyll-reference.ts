// What a differential build test compares with Jekyll: every file a build writes, and the links
// (address and text) inside the elements a fixture marks with `data-check="name"` — the output of
// its Liquid (`site.posts`, `paginator`, `post_url`, `link`…). Used by the script that records
// the real Jekyll's build (scripts/jekyll-reference.ts) and by the tests that read it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export interface BuildReference {
  /** Every file written, relative to the output folder, sorted. */
  files: string[];
  /** Output HTML file → check name → `[href, text]` of each link in it, then `['text', text]` of each `.check-text`. */
  checks: Record<string, Record<string, Array<[string, string]>>>;
}

function listFiles(root: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (skip(relPath)) continue;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relPath);
      else out.push(relPath);
    }
  };
  walk(root, '');
  return out.sort();
}

export function readReference(outDir: string, skip?: (rel: string) => boolean): BuildReference {
  const files = listFiles(outDir, skip);
  const checks: BuildReference['checks'] = {};
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const tree = fromHtml(readFileSync(path.join(outDir, file), 'utf8'));
    for (const element of selectAll('[data-check]', tree)) {
      const name = String(element.properties.dataCheck);
      // The `#` link this generator adds to every heading is not the fixture's Liquid.
      const links = selectAll('a[href]:not(.heading-anchor)', element).map((a): [string, string] => [String(a.properties.href), toString(a).replace(/\s+/g, ' ').trim()]);
      // Text a fixture wants compared too (dates, excerpts, counts) is marked `class="check-text"`.
      const texts = selectAll('.check-text', element).map((t): [string, string] => ['text', toString(t).replace(/\s+/g, ' ').trim()]);
      (checks[file] ??= {})[name] = [...links, ...texts];
    }
  }
  return { files, checks };
}

export function jekyllInstalled(): boolean {
  return spawnSync('jekyll', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Builds `source` with the real Jekyll into a temporary folder and reads it. */
export function jekyllReference(source: string): BuildReference {
  const dest = mkdtempSync(path.join(tmpdir(), 'jekyll-ref-'));
  try {
    const result = spawnSync('jekyll', ['build', '--disable-disk-cache', '--quiet', '-s', source, '-d', dest], {
      encoding: 'utf8',
      // A Gemfile in the source would make Jekyll load Bundler; the plugins come from the system.
      env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true', JEKYLL_ENV: 'production' },
    });
    if (result.status !== 0) throw new Error(`jekyll build failed: ${result.stderr}`);
    return readReference(dest);
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
}
