// The whole site, rendered once per build: load the notes, render every note, check links.
import path from 'node:path';
import { checkRenderedSite } from '../checks/check-site.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostics.ts';
import { createLiquidEngine } from '../liquid/liquid-engine.ts';
import { liquidLimits } from '../liquid/liquid-limits.ts';
import { loadSiteModel, type Page, type SiteModel } from '../loader/site-model.ts';
import type { NotePipelineOptions } from '../markdown/pipeline.ts';
import { LazyPipeline } from './lazy-pipeline.ts';
import { liquidPage, liquidScope, type LiquidScope } from './liquid-scope.ts';
import { mapLimit } from '../shared/map-limit.ts';
import { RecordingDiagnostics, type BuildKeys, type RenderCache } from './render-cache.ts';
import type { RenderEnvironment, RenderedNote } from './render-note.ts';
import type { RenderWorkers } from './render-workers.ts';
import { loadSiteChrome, type SiteChrome } from './site-chrome.ts';
import { importLazily } from '../shared/import-lazily.ts';

export interface RenderedSite {
  model: SiteModel;
  /** Output path → rendered note. */
  notes: Map<string, RenderedNote>;
  /** Header and footer links and icons, as the author's Jekyll site had them. */
  chrome: SiteChrome;
  diagnostics: Diagnostics;
}

/** Notes rendered at once: enough to keep the diagram processes busy, few enough for memory. */
const NOTE_CONCURRENCY = 8;
/** Cache entries read at once. */
const CACHE_READS = 16;
/** Fewer notes to render than this are not worth starting render workers for. */
const PARALLEL_FROM = Number(process.env.RENDER_WORKERS_FROM) || 40;

/** A rendered note with the warnings it gave and the files read for it (for the render cache). */
export interface RecordedNote {
  note: RenderedNote;
  recorded: Diagnostic[];
  readFiles: Set<string>;
}

/** Renders one note in this thread, recording its warnings (also passed on) and the files it read. */
export async function renderRecorded(page: Page, env: RenderEnvironment): Promise<RecordedNote> {
  const recorder = new RecordingDiagnostics(env.diagnostics);
  const readFiles = new Set<string>();
  // Imported on the first note to render: with every note from the render cache, the Markdown
  // pipeline and its packages are never loaded (see lazy-pipeline.ts).
  const { renderNote } = await importLazily(() => import('./render-note.ts'), new URL('./render-note.ts', import.meta.url));
  const note = await renderNote(page, { ...env, diagnostics: recorder, readFiles });
  return { note, recorded: recorder.recorded, readFiles };
}

/**
 * Everything a note's rendering needs, made once per site (and once per render worker). The
 * Markdown pipeline is loaded here only for posts and collections (their excerpts are Markdown);
 * otherwise on the first note that must be rendered.
 */
export async function createRenderEnvironment(config: SiteConfig, options: NotePipelineOptions, diagnostics: Diagnostics): Promise<{ env: RenderEnvironment; scope: LiquidScope }> {
  const model = loadSiteModel(config, diagnostics);
  const pipeline = new LazyPipeline(options);
  if (model.collections.some((collection) => collection.docs.length > 0)) await pipeline.load();
  const liquid = createLiquidEngine(config.notesDir, { base: config.base, siteUrl: config.siteUrl, markdownify: pipeline.markdownify }, liquidLimits(config.pageSizeLimit));
  // A paginated list's copies share their source: a link to it means its first page.
  const bySource = new Map(model.pages.filter((p) => !p.pager || p.pager.page === 1).map((p) => [p.relPath, p.url]));
  const scope = liquidScope(model, pipeline.markdownifyLoaded, diagnostics);
  const env: RenderEnvironment = {
    model,
    liquid,
    liquidSite: scope.site,
    pageScope: scope.forPage,
    pipeline,
    diagnostics,
    pageUrlForSource: (relPath: string) => bySource.get(relPath) ?? bySource.get(path.posix.join(relPath, 'index.md')),
  };
  return { env, scope };
}

/** The key of a note in the render cache. */
function cacheKeyOf(page: Page, env: RenderEnvironment, cache: RenderCache, keys: BuildKeys): string {
  // The `page` its Liquid sees; a post's neighbours (`page.next`, `page.previous`) by URL.
  const seen = (env.pageScope?.(page).page ?? liquidPage(page)) as Record<string, unknown>;
  const neighbour = (key: 'next' | 'previous'): unknown => (seen[key] as { url?: unknown } | undefined)?.url;
  return cache.keyOf(keys, page, { ...seen, next: neighbour('next'), previous: neighbour('previous') });
}

/**
 * Renders the site's notes: unchanged ones come from the render cache (their warnings replayed),
 * the rest are rendered — in render workers when `workers` gives some and enough notes need it.
 * Workers rebuild the pipeline from the config alone, so they are used only for a site without
 * posts or collections (a page listing posts reads their HTML as `post.content`).
 */
export async function renderSite(
  config: SiteConfig,
  options: NotePipelineOptions = {},
  diagnostics = new Diagnostics(),
  cache?: RenderCache,
  workers?: () => RenderWorkers | undefined,
  /** Told which notes are about to be rendered (those the cache did not have), before the first. */
  beforeRendering?: (pages: readonly Page[]) => void,
  /** Takes each rendered note once it is cached; what it returns is kept (a build writes the HTML to disk). */
  hold: (note: RenderedNote) => RenderedNote = (note) => note,
): Promise<RenderedSite> {
  const { env, scope } = await createRenderEnvironment(config, options, diagnostics);
  const { model, liquid } = env;
  const keys = cache?.keysFor(config, model, env.liquidSite);
  const results = new Map<Page, RenderedNote>();
  const cacheKeys = new Map<Page, string>();

  /** Takes what the cache has; returns the pages left to render, in order. */
  const fromCache = async (pages: Page[]): Promise<Page[]> => {
    if (!cache || !keys) return pages;
    const missed = new Set<Page>();
    await mapLimit(pages, CACHE_READS, async (page) => {
      const key = cacheKeyOf(page, env, cache, keys);
      cacheKeys.set(page, key);
      const hit = await cache.get(keys, page, key);
      if (!hit) return void missed.add(page);
      for (const diagnostic of hit.diagnostics) diagnostics.report(diagnostic);
      results.set(page, hold(hit.note));
    });
    return pages.filter((page) => missed.has(page));
  };

  const renderAll = async (pages: Page[], pool: RenderWorkers | undefined): Promise<void> => {
    if (pages.length > 0) beforeRendering?.(pages);
    await mapLimit(pages, pool ? pool.capacity : NOTE_CONCURRENCY, async (page) => {
      try {
        let rendered: RecordedNote | undefined;
        if (pool) {
          // A worker's warnings are reported here; a failed worker leaves the note to this thread.
          rendered = await pool.render(page).catch(() => undefined);
          if (rendered) for (const diagnostic of rendered.recorded) diagnostics.report(diagnostic);
        }
        rendered ??= await renderRecorded(page, env);
        // A diagram that could not render (no Java, a timeout) may render next time: not kept.
        if (cache && keys && !rendered.recorded.some((d) => d.code === 'diagram')) {
          await cache.set(keys, page, cacheKeys.get(page)!, rendered.note, rendered.recorded, rendered.readFiles);
        }
        results.set(page, hold(rendered.note));
      } catch (error) {
        // One broken note must not take the site down: report it and publish the rest.
        diagnostics.error(page.absPath, page.bodyLine, 'render', `could not render: ${(error as Error).message}`);
      }
    });
  };

  // Posts and collection documents first, as Jekyll renders them: a page listing them reads their
  // HTML as `post.content`.
  const documents = model.pages.filter((p) => p.document);
  await renderAll(await fromCache(documents), undefined);
  for (const page of documents) {
    const note = results.get(page);
    if (note) scope.setContent(page, note.html);
  }
  const rest = await fromCache(model.pages.filter((p) => !p.document));
  const pool = documents.length === 0 && rest.length >= PARALLEL_FROM ? workers?.() : undefined;
  try {
    await renderAll(rest, pool);
  } finally {
    await pool?.close();
  }

  const notes = new Map<string, RenderedNote>();
  for (const page of [...documents, ...model.pages.filter((p) => !p.document)]) {
    const note = results.get(page);
    if (note) notes.set(page.outputPath, note);
  }
  // Links, anchors, pictures, duplicate ids and layout names, over the finished pages.
  checkRenderedSite(model, notes.values(), diagnostics);
  const chrome = await loadSiteChrome(model, liquid, env.liquidSite, diagnostics);
  return { model, notes, chrome, diagnostics };
}
