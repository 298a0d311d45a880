// The Astro integration: notes-folder files in dev and build, the build summary, strict mode.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteConfig, siteStore } from '../render/site-store.ts';
import { copyAssets } from './copy-assets.ts';
import { renameDirectoryIndexes } from './directory-index.ts';
import { serveNotesInDev } from './dev-assets.ts';
import { writePublishingFiles } from './publish.ts';

async function runShutdownHooks(): Promise<void> {
  const store = siteStore();
  const results = await Promise.allSettled(store.shutdownHooks.splice(0).map((hook) => hook()));
  // A failing hook must not stop the others, but it must not pass silently either.
  for (const result of results) if (result.status === 'rejected') console.error(`[notes] shutdown step failed: ${String(result.reason)}`);
}

export default function studyNotes(): AstroIntegration {
  return {
    name: 'study-notes',
    hooks: {
      'astro:config:setup': ({ addWatchFile }) => {
        addWatchFile(path.join(siteConfig().notesDir, '_config.yml'));
      },
      'astro:server:setup': ({ server }) => {
        siteStore().devServer = true;
        serveNotesInDev(server);
      },
      'astro:server:done': runShutdownHooks,
      'astro:build:start': ({ logger }) => {
        siteStore().startedAt = Date.now();
        logger.info(`notes folder: ${siteConfig().notesDir}`);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        await runShutdownHooks();
        const store = siteStore();
        const site = await store.site;
        const outDir = fileURLToPath(dir);
        await renameDirectoryIndexes(outDir);
        if (site) await copyAssets(site.model.assets, outDir);
        // GitHub Pages must serve the files as they are, not run Jekyll over them again.
        await writeFile(path.join(outDir, '.nojekyll'), '');
        await writePublishingFiles(outDir, siteConfig(), site?.model, logger);
        const { diagnostics } = store;
        for (const item of diagnostics.items) logger.warn(diagnostics.format(item));
        const seconds = ((Date.now() - store.startedAt) / 1000).toFixed(1);
        const summary = `${pages.length} pages and ${site?.model.assets.length ?? 0} files written to ${outDir}, ${diagnostics.count} warnings, ${seconds} s`;
        if (siteConfig().strict && diagnostics.count > 0) {
          logger.error(summary);
          throw new Error(`strict build (npm run check): ${diagnostics.count} warnings; fix them or run npm run build`);
        }
        logger.info(summary);
      },
    },
  };
}
