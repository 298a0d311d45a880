// `npm run dev`: the dev server serves notes and their files, and shows an edited or a new note
// without a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTRO, astroEnv } from '../helpers/astro-build.ts';
import { writeNotesFolder } from '../helpers/notes-folder.ts';

const PORT = 4620;
const url = (pathname: string): string => `http://127.0.0.1:${PORT}${pathname}`;
const notes = writeNotesFolder({
  'study/a.md': '---\ntitle: First title\npermalink: /study/a\n---\n\n![Pic](./pic.svg)\n',
  'study/index.md': '---\ntitle: Study index\npermalink: /study/\n---\n\nThe folder index.\n',
  'study/pic.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
});
let server: ChildProcess;

async function fetchText(pathname: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url(pathname));
  return { status: response.status, text: await response.text() };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('timed out');
}

beforeAll(async () => {
  server = spawn(ASTRO, ['dev', '--port', String(PORT), '--host', '127.0.0.1', '--force'], {
    env: astroEnv({ NOTES_DIR: notes, CACHE_DIR: `${notes}-cache`, SITE_BASE: '/' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await eventually(async () => (await fetchText('/study/a')).status === 200, 60_000).catch((error: Error) => {
    throw new Error(`${error.message}; dev server said:\n${log.slice(-2000)}`);
  });
});

afterAll(() => {
  server.kill('SIGTERM');
});

describe('the dev server', () => {
  it('serves a note and the files beside it', async () => {
    expect((await fetchText('/study/a')).text).toContain('First title');
    expect((await fetchText('/study/')).text).toContain('The folder index.');
    const picture = await fetch(url('/study/pic.svg'));
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('shows an edited note and a new note without a restart', async () => {
    writeFileSync(path.join(notes, 'study/a.md'), '---\ntitle: Second title\npermalink: /study/a\n---\n\nEdited.\n');
    await eventually(async () => (await fetchText('/study/a')).text.includes('Second title'));
    writeFileSync(path.join(notes, 'study/b.md'), '---\ntitle: New note\npermalink: /study/b\n---\n\nHello new.\n');
    await eventually(async () => (await fetchText('/study/b')).text.includes('Hello new.'));
  });
});
