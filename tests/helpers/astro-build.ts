// Runs a real `astro build` of a notes folder into a fresh output folder of its own.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  read: (file: string) => string;
}

export const ASTRO = path.resolve('node_modules/.bin/astro');

/**
 * The environment for an Astro child process: Vitest's own variables removed (with VITEST set,
 * `astro dev` answers every page with 404; NODE_ENV=test would make a build a development build).
 */
export function astroEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST' || key === 'NODE_ENV') delete env[key];
  return { ...env, ...extra };
}

/** `args`: more `astro build` arguments, e.g. `--config <file>`. */
export function buildSite(notesDir: string, env: Record<string, string> = {}, args: string[] = []): BuildResult {
  // Astro keeps its prerender chunks in `<cwd>/.astro/.prerender/` when the output folder lies
  // outside the project, where parallel builds overwrite each other's; inside, they stay apart.
  mkdirSync('.astro', { recursive: true });
  const outDir = mkdtempSync(path.resolve('.astro', 'test-dist-'));
  const result = spawnSync(ASTRO, ['build', ...args], {
    encoding: 'utf8',
    env: astroEnv({
      NOTES_DIR: notesDir,
      OUT_DIR: outDir,
      // Its own diagram cache: a build test starts cold and never races another build's cache.
      CACHE_DIR: `${outDir}-cache`,
      SITE_BASE: '/',
      STRICT: '',
      NODE_ENV: 'production',
      ...env,
    }),
    timeout: 300_000,
  });
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    outDir,
    read: (file) => readFileSync(path.join(outDir, file), 'utf8'),
  };
}
