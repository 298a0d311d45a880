// `npm run dev` serves a notes-folder file only when the build would publish it: a symbolic link
// to a file outside the notes folder is not served (dev and build agree on what exists).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { ViteDevServer } from 'vite';
import { describe, expect, it } from 'vitest';
import type { Build } from '../../../src/build/build.ts';
import { serveNotesInDev } from '../../../src/integration/dev-assets.ts';

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

const root = mkdtempSync(path.join(tmpdir(), 'dev-files-'));
const notes = path.join(root, 'notes');
mkdirSync(path.join(notes, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'secret.txt'), 'OUTSIDE SECRET');
writeFileSync(path.join(notes, 'assets', 'ok.txt'), 'inside');
symlinkSync(path.join(root, 'secret.txt'), path.join(notes, 'assets', 'leak.txt'));

let handler: Handler | undefined;
const server = {
  middlewares: { use: (h: Handler) => (handler = h) },
  watcher: { add: () => undefined, on: () => undefined },
  ws: { send: () => undefined },
} as unknown as ViteDevServer;
serveNotesInDev(server, { config: { notesDir: notes, base: '/' }, invalidate: () => undefined } as unknown as Build);

function fetchFile(url: string): Promise<string | 'next'> {
  return new Promise((resolve) => {
    const response = new PassThrough() as unknown as ServerResponse & PassThrough;
    (response as unknown as { setHeader: () => void }).setHeader = () => undefined;
    let body = '';
    response.on('data', (chunk: Buffer) => (body += chunk.toString()));
    response.on('end', () => resolve(body));
    handler!({ url } as IncomingMessage, response, () => resolve('next'));
  });
}

describe('dev server files', () => {
  it('serves a file inside the notes folder', async () => {
    expect(await fetchFile('/assets/ok.txt')).toBe('inside');
  });

  it('does not serve a link to a file outside it, nor a malformed address', async () => {
    expect(await fetchFile('/assets/leak.txt')).toBe('next');
    expect(await fetchFile('/assets/%E0%A4%A')).toBe('next');
    expect(await fetchFile('/../secret.txt')).toBe('next');
  });
});
