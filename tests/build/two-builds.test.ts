// Two builds in one process give two correct sites: nothing of the first build (config, rendered
// pages, diagnostics) leaks into the second.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroEnv } from '../helpers/astro-build.ts';
import { writeNotesFolder } from '../helpers/notes-folder.ts';

const first = writeNotesFolder({
  '_config.yml': 'title: First Site\n',
  'study/alpha.md': '---\ntitle: Alpha note\npermalink: /study/alpha\n---\n\nOnly in the first site.\n',
});
const second = writeNotesFolder({
  '_config.yml': 'title: Second Site\n',
  'study/beta.md': '---\ntitle: Beta note\npermalink: /study/beta\n---\n\nOnly in the second site. [Broken](./missing.md)\n',
});
let outA: string;
let outB: string;
let output: string;

beforeAll(() => {
  mkdirSync('.astro', { recursive: true });
  outA = mkdtempSync(path.resolve('.astro', 'two-builds-a-'));
  outB = mkdtempSync(path.resolve('.astro', 'two-builds-b-'));
  const result = spawnSync(path.resolve('node_modules/.bin/node'), ['tests/helpers/build-twice.ts', first, outA, second, outB], {
    encoding: 'utf8',
    env: astroEnv({ CACHE_DIR: `${outA}-cache`, SITE_BASE: '/', STRICT: '', NODE_ENV: 'production' }),
    timeout: 300_000,
  });
  output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, output).toBe(0);
});

describe('two builds in one process', () => {
  it('publish each its own notes and nothing of the other', () => {
    expect(readFileSync(path.join(outA, 'study/alpha.html'), 'utf8')).toContain('Only in the first site.');
    expect(existsSync(path.join(outA, 'study/beta.html'))).toBe(false);
    expect(readFileSync(path.join(outB, 'study/beta.html'), 'utf8')).toContain('Only in the second site.');
    expect(existsSync(path.join(outB, 'study/alpha.html'))).toBe(false);
  });

  it('each with its own configuration and its own warnings', () => {
    expect(readFileSync(path.join(outA, 'index.html'), 'utf8')).toContain('<title>First Site</title>');
    expect(readFileSync(path.join(outB, 'index.html'), 'utf8')).toContain('<title>Second Site</title>');
    const summaries = [...output.matchAll(/written to (.*?), \d+ errors?, (\d+) warnings?/g)].map((m) => [path.resolve(m[1]!), Number(m[2])]);
    expect(summaries).toEqual([
      [path.resolve(outA), 0],
      [path.resolve(outB), 1],
    ]);
  });
});
