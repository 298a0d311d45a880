// Serves dist/ the way GitHub Pages does: `/x` → `x.html`, `/x/` → `x/index.html`, else 404.html.
// Used by the browser tests and for looking at a build locally (`npm run serve`).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const root = path.resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
const base = `/${(process.env.SITE_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.puml': 'text/plain; charset=utf-8', '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};

function resolveFile(urlPath: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const relative = decodeURIComponent(urlPath.slice(base.length));
  const file = path.join(root, relative);
  if (!file.startsWith(root)) return undefined;
  const candidates = relative === '' || relative.endsWith('/') ? [path.join(file, 'index.html')] : [file, `${file}.html`, path.join(file, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

createServer((request, response) => {
  const urlPath = (request.url ?? '/').split('?')[0] ?? '/';
  const file = resolveFile(urlPath);
  if (!file) {
    const notFound = path.join(root, '404.html');
    response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    if (existsSync(notFound)) createReadStream(notFound).pipe(response);
    else response.end('Not found');
    return;
  }
  response.writeHead(200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
