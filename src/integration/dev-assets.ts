// Dev server: serves the notes folder's files, and reloads the page when a note changes.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import { NotesFolder } from '../loader/confine.ts';
import { isUnpublishedName } from '../loader/scan-notes.ts';
import type { Build } from '../build/build.ts';
import { reloadVirtualSite } from './virtual-site.ts';
import { PREVIEW_DIR, previewOf, previewPathFor } from './previews.ts';

const TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml',
  '.webp': 'image/webp', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.pdf': 'application/pdf',
  '.puml': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

export function serveNotesInDev(server: ViteDevServer, build: Build): void {
  const { notesDir, base } = build.config;
  const folder = new NotesFolder(notesDir);
  server.middlewares.use((request, response, next) => {
    let url: string;
    try {
      url = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
    } catch {
      return next(); // a malformed escape names no notes file
    }
    if (!url.startsWith(base)) return next();
    const relPath = url.slice(base.length);
    // Link previews: the build writes these files; here they are made from the rendered site.
    if (relPath.startsWith(`${PREVIEW_DIR}/`)) {
      void build.site().then((site) => {
        const note = [...site.notes.values()].find((n) => previewPathFor(n.page.outputPath) === relPath);
        if (!note) return next();
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify(previewOf(note)));
      }, next);
      return;
    }
    if (!relPath || /\.(md|markdown)$/i.test(relPath) || relPath.split('/').some(isUnpublishedName)) return next();
    // The build's confinement rule: what the build would not publish, dev does not serve.
    const { file } = folder.check(path.join(notesDir, relPath));
    if (!file) return next();
    response.setHeader('Content-Type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    createReadStream(file).pipe(response);
  });
  server.watcher.add(notesDir);
  server.watcher.on('all', (_event, file) => {
    if (!file.startsWith(notesDir)) return;
    build.invalidate();
    // The routes read the site from the virtual module: reloading it makes Astro run them (and
    // getStaticPaths, so new notes get routes) again.
    reloadVirtualSite(server);
    server.ws.send({ type: 'full-reload' });
  });
}
