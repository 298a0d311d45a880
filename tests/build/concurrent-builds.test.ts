// Two builds from one checkout at once, each into an output folder outside the project (where
// Astro shares one prerender folder): both succeed, each output holds every file its pages link.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASTRO, astroEnv } from '../helpers/astro-build.ts';
import { writeNotesFolder } from '../helpers/notes-folder.ts';

interface Run {
  status: number | null;
  output: string;
  outDir: string;
}

function build(notesDir: string, outDir: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(ASTRO, ['build'], {
      env: astroEnv({ NOTES_DIR: notesDir, OUT_DIR: outDir, CACHE_DIR: `${outDir}-cache`, SITE_BASE: '/', STRICT: '', NODE_ENV: 'production' }),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output, outDir }));
  });
}

/** Every stylesheet and script a page of `outDir` links, missing from `outDir`. */
function missingLinkedFiles(outDir: string): string[] {
  const missing: string[] = [];
  for (const page of readdirSync(outDir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(path.join(outDir, page), 'utf8');
    for (const [, url] of html.matchAll(/(?:<link[^>]+rel="stylesheet"[^>]+href|<script[^>]+src)="(\/[^"]+)"/g)) {
      if (!existsSync(path.join(outDir, url!))) missing.push(`${page} → ${url}`);
    }
  }
  return missing;
}

let runs: Run[];

beforeAll(async () => {
  const notes = writeNotesFolder({
    'a.md': '---\ntitle: A\npermalink: /a\n---\n\n## One\n\nText with `code`.\n\n```js\nconst x = 1;\n```\n',
    'b.md': '---\ntitle: B\npermalink: /b\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
  });
  const outside = mkdtempSync(path.join(tmpdir(), 'concurrent-out-'));
  runs = await Promise.all([build(notes, path.join(outside, 'one')), build(notes, path.join(outside, 'two'))]);
}, 300_000);

describe('two builds at once from one checkout', () => {
  it('both succeed and each output holds every stylesheet and script its pages link', () => {
    for (const run of runs) {
      expect(run.status, run.output).toBe(0);
      expect(readFileSync(path.join(run.outDir, 'a.html'), 'utf8')).toContain('const');
      expect(missingLinkedFiles(run.outDir)).toEqual([]);
    }
  });

  it('the second one waits, saying why', () => {
    expect(runs.map((r) => r.output).join('\n')).toMatch(/another build of this checkout \(process \d+\) is using .*\.prerender.*waiting/);
  });
});
