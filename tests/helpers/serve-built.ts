// Serves a built site the way GitHub Pages does (scripts/serve-dist.ts) on a free local port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function serveBuilt(outDir: string, base = '/'): Promise<{ origin: string; close: () => void }> {
  const port = await freePort();
  const server = spawn(process.execPath, ['scripts/serve-dist.ts'], { env: { ...process.env, DIST_DIR: outDir, PORT: String(port), SITE_BASE: base }, stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('serving') && resolve());
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, close: () => server.kill() };
}
