// Dev loop timing: the time from saving a note to the served page showing the change, for
// `astro dev` (fetching the page until it holds the new text) and for `jekyll build --watch`
// (reading the written file until it holds the new text).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, stepMs = 10): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms`);
}

function started(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): { child: ChildProcess; log: () => string } {
  // Its own process group, so stopping it stops what it started (Vite, Java, Ruby's watcher).
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return { child, log: () => log };
}

function stop(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

export interface SaveToPage {
  /** Milliseconds from each save to the page showing it. */
  samples: number[];
}

/**
 * Saves `note` `edits` times (each time with a new marker from `withMarker`) and times how long
 * until `read()` shows the marker.
 */
async function timeSaves(note: string, edits: number, withMarker: (marker: string) => string, read: () => Promise<string>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    const marker = `edit-marker-${Date.now()}-${i}`;
    const saved = performance.now();
    writeFileSync(note, withMarker(marker));
    await until(async () => (await read()).includes(marker), 60_000);
    samples.push(performance.now() - saved);
    // Let the watcher settle before the next save.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return samples;
}

export async function astroSaveToPage(options: {
  astro: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  pagePath: string;
  note: string;
  withMarker: (marker: string) => string;
  edits: number;
}): Promise<SaveToPage> {
  const { child, log } = started(process.execPath, [options.astro, 'dev', '--port', String(options.port), '--host', '127.0.0.1', '--root', process.cwd()], options.cwd, options.env);
  const url = `http://127.0.0.1:${options.port}${options.pagePath}`;
  const read = async (): Promise<string> => {
    const response = await fetch(url);
    return response.ok ? response.text() : '';
  };
  try {
    await until(async () => (await read()).length > 0, 180_000, 200).catch((error: Error) => {
      throw new Error(`${error.message}: astro dev said:\n${log().slice(-2000)}`);
    });
    return { samples: await timeSaves(options.note, options.edits, options.withMarker, read) };
  } finally {
    stop(child);
  }
}

export async function jekyllSaveToPage(options: {
  source: string;
  dest: string;
  cwd: string;
  outputFile: string;
  note: string;
  withMarker: (marker: string) => string;
  edits: number;
}): Promise<SaveToPage> {
  const { child, log } = started('jekyll', ['build', '--watch', '--disable-disk-cache', '-s', options.source, '-d', options.dest], options.cwd, process.env);
  const read = async (): Promise<string> => (existsSync(options.outputFile) ? readFileSync(options.outputFile, 'utf8') : '');
  try {
    await until(() => log().includes('Auto-regeneration: enabled'), 180_000, 200).catch((error: Error) => {
      throw new Error(`${error.message}: jekyll said:\n${log().slice(-2000)}`);
    });
    return { samples: await timeSaves(options.note, options.edits, options.withMarker, read) };
  } finally {
    stop(child);
  }
}
