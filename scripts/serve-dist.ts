// Serves dist/ the way GitHub Pages does: `/x` → `x.html`, `/x/` → `x/index.html`, under the base
// path, else 404.html. Used by the browser tests and for looking at a build locally (`npm run serve`).
// Files are served by sirv (a maintained static-file server): it lists the folder once at start and
// serves only those files, so no URL can reach outside it. This script only maps the base path,
// answers 400 to a malformed address and 404 with the site's own page.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

const root = path.resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
const base = `/${(process.env.SITE_BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

// `extensions: ['html']`: `/x` is answered from `x.html`, as GitHub Pages does.
const files = sirv(root, { extensions: ['html'], dotfiles: false, etag: true });
const notFoundFile = path.join(root, '404.html');

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(existsSync(notFoundFile) ? readFileSync(notFoundFile) : 'Not found');
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const [pathname = '/', query] = (request.url ?? '/').split('?');
  try {
    decodeURIComponent(pathname);
  } catch {
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Bad request: malformed address');
    return;
  }
  if (!pathname.startsWith(base) && pathname !== base.slice(0, -1)) return notFound(response);
  let inside = `/${pathname.slice(base.length)}`;
  // GitHub Pages answers `/x/` only from `x/index.html` (sirv would also try `x.html`).
  if (inside.endsWith('/')) inside += 'index.html';
  request.url = query === undefined ? inside : `${inside}?${query}`;
  files(request, response, () => notFound(response));
}

const server = createServer((request, response) => {
  try {
    handle(request, response);
  } catch (error) {
    // One bad request must never stop the server.
    console.error(`[serve] ${request.url}: ${(error as Error).message}`);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  }
});
// PORT=0 takes any free port; the address printed is the one in use.
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`serving ${root} at http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}${base}`);
});
