// Runs a real `astro build` of a notes folder into a temporary output folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  read: (file: string) => string;
}

const ASTRO = path.resolve('node_modules/.bin/astro');

export function buildSite(notesDir: string, env: Record<string, string> = {}): BuildResult {
  const outDir = mkdtempSync(path.join(tmpdir(), 'notes-dist-'));
  const result = spawnSync(ASTRO, ['build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      NOTES_DIR: notesDir,
      OUT_DIR: outDir,
      CACHE_DIR: path.join(outDir, '.cache'),
      SITE_BASE: '/',
      STRICT: '',
      ASTRO_TELEMETRY_DISABLED: '1',
      // Vitest sets NODE_ENV=test, which would make Astro build in development mode.
      NODE_ENV: 'production',
      ...env,
    },
    timeout: 300_000,
  });
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    outDir,
    read: (file) => readFileSync(path.join(outDir, file), 'utf8'),
  };
}
