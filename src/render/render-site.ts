// The whole site, rendered once per build: load the notes, render every note, check links.
import path from 'node:path';
import { checkRenderedSite } from '../checks/check-site.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { Diagnostics } from '../diagnostics/diagnostics.ts';
import { createLiquidEngine } from '../liquid/liquid-engine.ts';
import { liquidLimits } from '../liquid/liquid-limits.ts';
import { loadSiteModel, type Page, type SiteModel } from '../loader/site-model.ts';
import { createNotePipeline, type NotePipelineOptions } from '../markdown/pipeline.ts';
import { liquidPage, liquidScope } from './liquid-scope.ts';
import { mapLimit } from './map-limit.ts';
import { RecordingDiagnostics, type BuildKeys, type RenderCache } from './render-cache.ts';
import { renderNote, type RenderEnvironment, type RenderedNote } from './render-note.ts';
import { loadSiteChrome, type SiteChrome } from './site-chrome.ts';

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

/** A note through the render cache: reused when nothing it depends on changed, else rendered and stored. */
async function renderCached(page: Page, env: RenderEnvironment, cache: RenderCache, keys: BuildKeys): Promise<RenderedNote> {
  // The `page` its Liquid sees; a post's neighbours (`page.next`, `page.previous`) by URL.
  const seen = (env.pageScope?.(page).page ?? liquidPage(page)) as Record<string, unknown>;
  const neighbour = (key: 'next' | 'previous'): unknown => (seen[key] as { url?: unknown } | undefined)?.url;
  const key = cache.keyOf(keys, page, { ...seen, next: neighbour('next'), previous: neighbour('previous') });
  const hit = await cache.get(keys, page, key);
  if (hit) {
    for (const diagnostic of hit.diagnostics) env.diagnostics.report(diagnostic);
    return hit.note;
  }
  const recorder = new RecordingDiagnostics(env.diagnostics);
  const readFiles = new Set<string>();
  const note = await renderNote(page, { ...env, diagnostics: recorder, readFiles });
  // A diagram that could not render (no Java, a timeout) may render next time: not kept.
  if (!recorder.recorded.some((d) => d.code === 'diagram')) await cache.set(keys, page, key, note, recorder.recorded, readFiles);
  return note;
}

export async function renderSite(config: SiteConfig, options: NotePipelineOptions = {}, diagnostics = new Diagnostics(), cache?: RenderCache): Promise<RenderedSite> {
  const model = loadSiteModel(config, diagnostics);
  const pipeline = createNotePipeline(options);
  const { markdownify } = pipeline;
  const liquid = createLiquidEngine(config.notesDir, { base: config.base, siteUrl: config.siteUrl, markdownify }, liquidLimits(config.pageSizeLimit));
  // A paginated list's copies share their source: a link to it means its first page.
  const bySource = new Map(model.pages.filter((p) => !p.pager || p.pager.page === 1).map((p) => [p.relPath, p.url]));
  const scope = liquidScope(model, markdownify, diagnostics);
  const env: RenderEnvironment = {
    model,
    liquid,
    liquidSite: scope.site,
    pageScope: scope.forPage,
    processors: pipeline.processors,
    diagnostics,
    pageUrlForSource: (relPath: string) => bySource.get(relPath) ?? bySource.get(path.posix.join(relPath, 'index.md')),
  };
  const keys = cache?.keysFor(config, model, env.liquidSite);
  const render = async (page: Page): Promise<RenderedNote | undefined> => {
    try {
      return await (cache && keys ? renderCached(page, env, cache, keys) : renderNote(page, env));
    } catch (error) {
      // One broken note must not take the site down: report it and publish the rest.
      diagnostics.error(page.absPath, page.bodyLine, 'render', `could not render: ${(error as Error).message}`);
      return undefined;
    }
  };
  // Posts and collection documents first, as Jekyll renders them: a page listing them reads their
  // HTML as `post.content`.
  const documents = await mapLimit(model.pages.filter((p) => p.document), NOTE_CONCURRENCY, render);
  for (const note of documents) if (note) scope.setContent(note.page, note.html);
  const rendered = [...documents, ...(await mapLimit(model.pages.filter((p) => !p.document), NOTE_CONCURRENCY, render))];
  const notes = new Map<string, RenderedNote>();
  for (const note of rendered) if (note) notes.set(note.page.outputPath, note);
  // Links, anchors, pictures, duplicate ids and layout names, over the finished pages.
  checkRenderedSite(model, notes.values(), diagnostics);
  const chrome = await loadSiteChrome(model, liquid, env.liquidSite, diagnostics);
  return { model, notes, chrome, diagnostics };
}
