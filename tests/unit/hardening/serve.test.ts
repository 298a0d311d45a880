// npm run serve (scripts/serve-dist.ts on sirv): GitHub Pages' URL rules under the base path,
// nothing outside the served folder (not a sibling whose name starts the same), 400 for a
// malformed address, and the server keeps running after it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let PORT = 0;
let server: ChildProcess;

function get(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // node:http sends the path as given: `..` and bad escapes reach the server unchanged.
    const req = request({ host: '127.0.0.1', port: PORT, path: rawPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'serve-'));
  const dist = path.join(root, 'dist');
  mkdirSync(path.join(dist, 'study'), { recursive: true });
  mkdirSync(path.join(root, 'dist-secret'));
  writeFileSync(path.join(dist, 'index.html'), 'home page');
  writeFileSync(path.join(dist, 'study', 'x.html'), 'note x');
  writeFileSync(path.join(dist, 'study', 'index.html'), 'study index');
  writeFileSync(path.join(dist, '404.html'), 'site 404');
  writeFileSync(path.join(root, 'dist-secret', 'x.html'), 'SIBLING SECRET');
  // PORT=0: a free port of the system's choosing, read back from the server's first line.
  server = spawn(path.resolve('node_modules/.bin/node'), ['scripts/serve-dist.ts'], { env: { ...process.env, DIST_DIR: dist, PORT: '0', SITE_BASE: '/notes/' }, stdio: 'pipe' });
  let errors = '';
  server.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  PORT = await new Promise<number>((resolve, reject) => {
    server.stdout!.once('data', (chunk: Buffer) => resolve(Number(/:(\d+)\//.exec(chunk.toString())?.[1])));
    server.once('exit', (code) => reject(new Error(`serve-dist exited (${code}): ${errors}`)));
  });
});

afterAll(() => {
  server.kill();
});

describe('npm run serve', () => {
  it('serves /x from x.html and /x/ from x/index.html under the base path', async () => {
    expect(await get('/notes/')).toEqual({ status: 200, body: 'home page' });
    expect(await get('/notes/study/x')).toEqual({ status: 200, body: 'note x' });
    expect(await get('/notes/study/x.html')).toEqual({ status: 200, body: 'note x' });
    expect(await get('/notes/study/')).toEqual({ status: 200, body: 'study index' });
    expect(await get('/study/x')).toEqual({ status: 404, body: 'site 404' });
  });

  it('never serves a sibling folder, whatever the spelling', async () => {
    for (const attempt of ['/notes/../dist-secret/x', '/notes/..%2fdist-secret/x.html', '/notes/%2e%2e/dist-secret/x.html', '/notes/study/../../dist-secret/x']) {
      const answer = await get(attempt);
      expect(answer.body, attempt).not.toContain('SIBLING SECRET');
      expect(answer.status, attempt).toBe(404);
    }
  });

  it('answers 400 to a malformed escape and keeps running', async () => {
    expect((await get('/notes/%E0%A4%A')).status).toBe(400);
    expect((await get('/notes/%')).status).toBe(400);
    expect(await get('/notes/study/x')).toEqual({ status: 200, body: 'note x' });
  });
});
