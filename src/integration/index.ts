// The Astro integration: one Build per `astro build` / `astro dev`, the rendered site handed to
// the routes through a virtual module, notes-folder files in dev and build, the build summary,
// strict mode.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Build } from '../build/build.ts';
import { loadSiteConfig } from '../config/site-config.ts';
import { layoutRoleSummary } from '../layouts/layout-registry.ts';
import type { SiteModel } from '../loader/site-model.ts';
import { copyAssets } from './copy-assets.ts';
import { renameDirectoryIndexes } from './directory-index.ts';
import { serveNotesInDev } from './dev-assets.ts';
import { writePublishingFiles } from './publish.ts';
import { virtualSitePlugin } from './virtual-site.ts';
import { printReport } from './print-report.ts';
import { buildReport } from '../diagnostics/report.ts';
import { lockSharedPrerender, type BuildLock } from './build-lock.ts';

/** Lines for the log that are not warnings: skipped future posts, layouts drawn by role. */
function buildNotices(model: SiteModel): string[] {
  const roles = layoutRoleSummary(model.pages.map((p) => p.layout), model.layoutRoles);
  return roles ? [...model.notices, roles] : model.notices;
}
import { collectUserPlugins, type UserPlugins } from '../build/user-plugins.ts';
import { writePreviews } from './previews.ts';
import { SearchIndexCache } from './search-index-cache.ts';

/** Last build's search index is reused when its input is unchanged; off with the render cache (RENDER_CACHE=0). */
const searchIndexCache = (build: Build): SearchIndexCache | undefined => {
  const version = build.cacheVersion();
  return version === undefined ? undefined : new SearchIndexCache(build.config.cacheDir, version);
};

export interface StudyNotesOptions extends Partial<UserPlugins> {
  /** The notes folder, absolute or relative to the project (default `content`); `NOTES_DIR` overrides it. */
  notesDir?: string;
}

export default function studyNotes(options: StudyNotesOptions = {}): AstroIntegration {
  let build: Build | undefined;
  let outDir = '';
  let lock: BuildLock | undefined;
  const current = (): Build => {
    if (!build) throw new Error('study-notes: the build has not been set up (astro:config:setup did not run)');
    return build;
  };
  return {
    name: 'study-notes',
    hooks: {
      'astro:config:setup': ({ command, config: astroConfig, addWatchFile, updateConfig, logger }) => {
        const root = fileURLToPath(astroConfig.root);
        // Astro's own markdown.remarkPlugins/rehypePlugins apply to the notes too, before the options' own.
        const plugins = collectUserPlugins(options, astroConfig.markdown, (message) => logger.warn(message));
        build = new Build(loadSiteConfig(process.env, root, { notesDir: options.notesDir }), { generatorRoot: root, plugins, dev: command === 'dev' });
        const { config } = build;
        outDir = fileURLToPath(astroConfig.outDir);
        addWatchFile(path.join(config.notesDir, '_config.yml'));
        updateConfig({
          base: config.base,
          site: config.siteUrl || undefined,
          // Jekyll's URLs: `/study/x` is served from `study/x.html` on GitHub Pages.
          build: { format: 'file', inlineStylesheets: 'never' },
          trailingSlash: 'ignore',
          vite: {
            plugins: [virtualSitePlugin(build, { dev: command === 'dev' })],
            // Browser scripts share class names with the renderer (src/shared/markup.ts): inline
            // those constants into each script instead of loading them as a chunk of their own.
            build: { rolldownOptions: { optimization: { inlineConst: { mode: 'all', pass: 1 } } } },
          },
        });
        // A build renders the notes now, while Astro sets itself up (routes, Vite, types): the
        // PlantUML processes of a cold build start a second earlier, and the route module that
        // asks for the site later finds it (nearly) ready. Its errors reach that module.
        if (command === 'build') build.site().catch(() => undefined);
      },
      'astro:server:setup': ({ server }) => serveNotesInDev(server, current()),
      'astro:server:done': () => current().shutdown(),
      'astro:build:start': async ({ logger }) => {
        logger.info(`notes folder: ${current().config.notesDir}`);
        // Astro's own test: an output folder outside the project shares one prerender folder.
        if (!outDir.startsWith(process.cwd())) lock = await lockSharedPrerender(process.cwd(), (message) => logger.warn(message));
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const build = current();
        await build.shutdown();
        const { config, diagnostics } = build;
        const site = await build.site();
        const outDir = fileURLToPath(dir);
        // Before Pagefind's own process starts beside this one.
        build.releaseMemoryAfterPages();
        await renameDirectoryIndexes(outDir);
        // Before the pages are listed: an `.html` file among the assets is published as a page.
        await copyAssets(site.model.assets, outDir);
        // Independent steps at once: the search index runs in Pagefind's own process meanwhile.
        const [previews] = await Promise.all([
          writePreviews(outDir, site.notes.values()),
          // GitHub Pages must serve the files as they are, not run Jekyll over them again.
          writeFile(path.join(outDir, '.nojekyll'), ''),
          writePublishingFiles(outDir, config, site.model, logger, searchIndexCache(build)),
        ]);
        logger.info(`link previews: ${previews} pages in _preview/`);
        for (const notice of buildNotices(site.model)) logger.info(notice);
        const report = buildReport(diagnostics);
        const seconds = ((Date.now() - build.startedAt) / 1000).toFixed(1);
        const summary = `${pages.length} pages and ${site.model.assets.length} files written to ${outDir}, ${report.counts}, ${seconds} s`;
        printReport(report, config.strict, summary, logger);
        lock?.release();
      },
    },
  };
}
