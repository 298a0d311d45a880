// One build (or one dev-server session): its configuration, diagnostics, diagram service and
// rendered site, and what must run when it ends. The integration creates one per `astro build`
// or `astro dev`, so two builds in one process share nothing; routes see the rendered site
// through a Vite virtual module (see integration/virtual-site.ts), never through a global.
import type { SiteConfig } from '../config/site-config.ts';
import { Diagnostics } from '../diagnostics/diagnostics.ts';
import { createBuildDiagrams, finishDiagrams, type BuildDiagrams } from '../diagrams/build-diagrams.ts';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { NotePipelineOptions } from '../markdown/pipeline.ts';
import { HighlightCache } from '../markdown/rehype/highlight-cache.ts';
import { RenderCache } from '../render/render-cache.ts';
import { RenderWorkers } from '../render/render-workers.ts';
import { renderSite, type RenderedSite } from '../render/render-site.ts';
import type { Page } from '../loader/site-model.ts';
import { pluginsFingerprint, type UserPlugins } from './user-plugins.ts';
import { siteView } from './site-view.ts';
import { writeSiteView } from './site-view-file.ts';
import { NoteHtmlFile } from './note-html-file.ts';
import { limitHeapGrowth, releaseMemory } from '../shared/v8-memory.ts';

type ShutdownHook = () => Promise<void> | void;

/**
 * How far a build's old generation may grow past its live data while the notes render (V8's own
 * choice goes up to 300 % here). Cold 1,000 notes × 2 diagrams, three builds each: at 200 % Node
 * peaked at 805–830 MB instead of 865–910 MB at the same CPU time (40.9 s against 41.3 s); 100 %
 * went lower (740–770 MB) but cost Node ~4 s more CPU in full collections.
 */
const HEAP_GROWTH_PERCENT = 200;

/** A PlantUML source in a note: `@startuml`, or a fence marked plantuml/puml. */
const DIAGRAM_SOURCE = /@startuml|^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:plantuml|puml)\b/m;

export class Build {
  readonly config: SiteConfig;
  readonly diagnostics = new Diagnostics();
  readonly startedAt = Date.now();
  #site: Promise<RenderedSite> | undefined;
  /** The site view file of the current rendering (see siteViewFile). */
  #viewFile: Promise<string> | undefined;
  #viewGeneration = 0;
  #siteDirMade = false;
  /** A build's notes' HTML, written to disk as each note is rendered (see note-html-file.ts). */
  #heldHtml: NoteHtmlFile | undefined;
  #diagrams: BuildDiagrams | undefined;
  /** Notes the last rendering rendered rather than took from the render cache. */
  #renderedNotes = 0;
  readonly #shutdownHooks: ShutdownHook[] = [];
  /** Kept across dev-server re-renders, so an edit re-renders only the notes it touches. */
  readonly #renderCache: RenderCache | undefined;
  /** Shiki's output per code block: a note rendered again with its code unchanged never starts Shiki. */
  readonly #highlightCache: HighlightCache | undefined;
  readonly #plugins: UserPlugins;
  readonly #generatorRoot: string | undefined;
  readonly #dev: boolean;
  readonly #id = randomBytes(4).toString('hex');

  /**
   * `generatorRoot`: the project folder, whose sources are part of every render-cache key;
   * without it (or with RENDER_CACHE=0) every note is rendered. `plugins`: the user's remark and
   * rehype plugins, run on every note. `dev`: a dev-server session, which renders the site again
   * after every change: it keeps the render cache in memory and the PlantUML processes running.
   * A build renders once, so it lets both go as soon as the site is rendered (peak memory).
   */
  constructor(config: SiteConfig, options: { generatorRoot?: string; plugins?: UserPlugins; dev?: boolean } = {}) {
    this.config = config;
    this.#plugins = options.plugins ?? { remarkPlugins: [], rehypePlugins: [] };
    this.#generatorRoot = options.generatorRoot;
    this.#dev = options.dev ?? false;
    if (options.generatorRoot && process.env.RENDER_CACHE !== '0') {
      this.#renderCache = new RenderCache({
        dir: path.join(config.cacheDir, 'notes'),
        generatorRoot: options.generatorRoot,
        plugins: pluginsFingerprint(this.#plugins, options.generatorRoot),
        memory: this.#dev,
      });
      const renderCache = this.#renderCache;
      this.#highlightCache = new HighlightCache({ dir: path.join(config.cacheDir, 'code'), version: () => renderCache.generatorVersion });
    }
  }

  /**
   * The generator's version for the build's other caches (the search index): hashed once with the
   * render cache's; undefined where caching is off (no generator root, or RENDER_CACHE=0).
   */
  cacheVersion(): string | undefined {
    return this.#renderCache?.generatorVersion;
  }

  /** The PlantUML service, started on the first diagram; stopped by `shutdown()`. */
  diagrams(): BuildDiagrams {
    if (!this.#diagrams) {
      const diagrams = createBuildDiagrams(this.config);
      this.#diagrams = diagrams;
      // Reports Smetana layouts once, after the last note.
      this.onShutdown(() => finishDiagrams(diagrams, (file, line, code, message) => this.diagnostics.warn(file, line, code, message)));
    }
    return this.#diagrams;
  }

  /** The whole site, rendered once (again after `invalidate()`). */
  site(): Promise<RenderedSite> {
    this.#site ??= this.#render();
    return this.#site;
  }

  /**
   * The file the routes read the rendered site from (site-view-file.ts), written once per
   * rendering. In a build the notes' HTML is in the build's NoteHtmlFile already: the view
   * only points into it.
   */
  siteViewFile(): Promise<string> {
    this.#viewFile ??= this.#writeSiteView();
    return this.#viewFile;
  }

  async #writeSiteView(): Promise<string> {
    const site = await this.site();
    const file = (n: number): string => path.join(this.#siteDir(), `${process.pid}-${this.#id}-${n}.bin`);
    this.#viewGeneration++;
    writeSiteView(file(this.#viewGeneration), siteView(site, { directoryRoutes: this.#dev }), this.#heldHtml);
    // The dev server renders again after every change; files a few renderings old have been
    // read by their modules (which read the whole file at once in dev).
    if (this.#viewGeneration > 4) rmSync(file(this.#viewGeneration - 4), { force: true });
    return file(this.#viewGeneration);
  }

  /** The folder of this build's site view and note HTML files, removed when the build ends. */
  #siteDir(): string {
    const dir = path.join(this.config.cacheDir, 'site');
    if (!this.#siteDirMade) {
      this.#siteDirMade = true;
      this.onShutdown(() => {
        this.#heldHtml?.close();
        rmSync(dir, { recursive: true, force: true });
      });
    }
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Forgets the rendered site and its warnings (dev server: a note changed). The diagram service stays warm. */
  invalidate(): void {
    this.#site = undefined;
    this.#viewFile = undefined;
    this.diagnostics.clear();
  }

  /**
   * Once the pages are written: gives back what the build no longer uses when it rendered notes.
   * Then its pages changed, so Pagefind's own process (~250 MB at 1,000 pages) is about to start
   * beside this one; a build whose notes all came from the render cache wrote last build's pages
   * and reuses its search index, and is spared the pause (see v8-memory.ts).
   */
  releaseMemoryAfterPages(): void {
    if (!this.#dev && this.#renderedNotes > 0) releaseMemory();
  }

  onShutdown(hook: ShutdownHook): void {
    this.#shutdownHooks.push(hook);
  }

  /** Runs every shutdown hook once; a failing hook neither stops the others nor passes silently. */
  async shutdown(): Promise<void> {
    const results = await Promise.allSettled(this.#shutdownHooks.splice(0).map((hook) => hook()));
    this.#diagrams = undefined;
    for (const result of results) if (result.status === 'rejected') console.error(`[notes] shutdown step failed: ${String(result.reason)}`);
  }

  async #render(): Promise<RenderedSite> {
    const started = Date.now();
    const cache = this.#renderCache;
    // Unique per build: two builds in one process (or sharing a cache folder) never share a file.
    // A build renders once, so one file serves; the dev server keeps its notes in memory.
    this.#heldHtml ??= this.#dev ? undefined : new NoteHtmlFile(path.join(this.#siteDir(), `${process.pid}-${this.#id}-html.bin`));
    const held = this.#heldHtml;
    this.#highlightCache?.resetCounts();
    // A build's heap grows less while it renders beside the JVMs (see v8-memory.ts); the dev
    // server's re-renders are left to V8.
    const restoreHeapGrowth = this.#dev ? undefined : limitHeapGrowth(HEAP_GROWTH_PERCENT);
    let site: RenderedSite;
    try {
      site = await renderSite(this.config, this.#pipelineOptions(), this.diagnostics, cache, () => this.#workers(), (pages) => this.#beforeRendering(pages), held && ((note) => held.hold(note)));
    } finally {
      restoreHeapGrowth?.();
    }
    this.#renderedNotes = site.notes.size - (cache?.hits ?? 0);
    // Every diagram is rendered by now: a build's JVMs (~170 MB each) need not outlive the notes.
    if (!this.#dev) this.#diagrams?.service.shutdown();
    const reused = cache ? ` (${cache.hits} unchanged, from the render cache)` : '';
    console.log(`[notes] rendered ${site.notes.size} notes${reused} and ${site.model.assets.length} files from ${this.config.notesDir} in ${Date.now() - started} ms`);
    const code = this.#highlightCache;
    if (code && code.fromCache + code.highlighted > 0) console.log(`[notes] code blocks: ${code.fromCache} from the highlight cache, ${code.highlighted} highlighted by Shiki (${code.shikiNotes} notes)`);
    return site;
  }

  /**
   * A first build (no diagram cache yet) about to render notes with diagrams starts its PlantUML
   * processes now: their JVMs start while the pipeline loads and the first notes are read, not
   * when the first diagram arrives. With a diagram cache, most diagrams come from it: no JVM
   * is started in vain.
   */
  #beforeRendering(pages: readonly Page[]): void {
    if (this.#diagrams || !pages.some((page) => DIAGRAM_SOURCE.test(page.body))) return;
    const cacheDir = path.join(this.config.cacheDir, 'diagrams');
    if (existsSync(cacheDir) && readdirSync(cacheDir).length > 0) return;
    this.diagrams().service.warmUp();
  }

  /**
   * Render workers for a site with many notes to render (RENDER_WORKERS sets the number, 0 = none). They build the pipeline from the config (render-worker.ts), so
   * the user's plugins — functions, which cannot be sent to a thread — keep rendering here.
   */
  #workers(): RenderWorkers | undefined {
    const cores = availableParallelism();
    // By default only with 4+ cores: on 2 cores each worker's own start (modules, JIT, Shiki) cost
    // ~50% more CPU in all, the PlantUML JVMs want those cores in a cold build, and 1,000 notes
    // went past 1 GiB; RENDER_WORKERS=2 turns them on.
    const wanted = process.env.RENDER_WORKERS ? Number(process.env.RENDER_WORKERS) : cores >= 4 ? Math.min(4, cores - 1) : 0;
    const userPlugins = this.#plugins.remarkPlugins.length + this.#plugins.rehypePlugins.length > 0;
    if (!this.#generatorRoot || userPlugins || !(wanted >= 1)) return undefined;
    const workerFile = path.join(this.#generatorRoot, 'src/render/render-worker.ts');
    const code = this.#highlightCache;
    const highlightCache = code && { dir: code.dir, version: this.#renderCache!.generatorVersion };
    return new RenderWorkers({ size: Math.floor(wanted), workerFile, config: this.config, diagrams: () => this.diagrams(), highlightCache });
  }

  #pipelineOptions(): NotePipelineOptions {
    return { diagrams: () => this.diagrams(), highlightCache: this.#highlightCache, ...this.#plugins };
  }
}
