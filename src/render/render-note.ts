// One note, source to HTML: Liquid, then preprocessing, then the Markdown pipeline.
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Liquid } from 'liquidjs';
import type { Diagnostics } from '../diagnostics/diagnostics.ts';
import { renderLiquid } from '../liquid/liquid-engine.ts';
import type { Page, SiteModel } from '../loader/site-model.ts';
import type { HeadingEntry, LinkEntry, NoteContext, SectionEntry } from '../markdown/note-context.ts';
import { collectPageIds, type PageIds } from '../markdown/page-ids.ts';
import { runPipeline } from '../markdown/pipeline.ts';
import { preprocessMarkdown } from '../markdown/preprocess.ts';
import { LineMap } from '../shared/line-map.ts';
import type { LazyPipeline } from './lazy-pipeline.ts';
import { liquidPage } from './liquid-scope.ts';
import { pageStylesheets } from './page-stylesheets.ts';

/** One rendered note: plain data (it crosses into the route bundle, and could come from a worker or a cache). */
export interface RenderedNote {
  page: Page;
  /** The page's title (front matter, else its first heading, else its file name). */
  title: string;
  html: string;
  headings: HeadingEntry[];
  links: LinkEntry[];
  /** Each heading's title and opening words (link previews). */
  sections: SectionEntry[];
  /** Front matter `description`, else the first paragraph's text. */
  description: string;
  /** Every id on the page, for links into it. */
  ids: PageIds;
  /** A complete HTML document of its own (an `.html` page with `<html>`): published without a layout. */
  document: boolean;
  /** A figure can be enlarged: the layout adds the figure viewer. */
  hasFigures: boolean;
  /** The first picture's address (resolved, base path included), for link previews. */
  image: string | undefined;
  /** The note's own leading `<h1>…</h1>` — the start of `html` — when it opens with one. */
  ownTitleHtml: string | undefined;
  /** The page's own stylesheets from its front matter (hrefs with base), loaded after the site's CSS. */
  stylesheets: string[];
}

const FULL_DOCUMENT = /^\s*(?:<!doctype html|<html[\s>])/i;

export interface RenderEnvironment {
  model: SiteModel;
  liquid: Liquid;
  liquidSite: Record<string, unknown>;
  /** `page` (and `paginator`) for one page's Liquid; without it, the page's own fields. */
  pageScope?: (page: Page) => Record<string, unknown>;
  /** The site's pipeline (one processor per page format), loaded on the first note rendered. */
  pipeline: LazyPipeline;
  diagnostics: Diagnostics;
  pageUrlForSource: (relPath: string) => string | undefined;
  /** Collects the files read on the note's behalf (includes), for the render cache. */
  readFiles?: Set<string>;
}

function describe(page: Page, html: string): string {
  if (typeof page.data.description === 'string' && page.data.description.trim()) return page.data.description.trim();
  const paragraph = /<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  const text = paragraph.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157).replace(/\s+\S*$/, '')}…` : text;
}

export async function renderNote(page: Page, env: RenderEnvironment): Promise<RenderedNote> {
  const { model, diagnostics } = env;
  const toFileLine = (bodyLine: number): number => page.bodyLine + bodyLine - 1;

  const liquid = await renderLiquid(
    env.liquid,
    page.body,
    { site: env.liquidSite, ...(env.pageScope?.(page) ?? { page: liquidPage(page) }) },
    { noteDir: path.dirname(page.absPath), notesDir: model.config.notesDir, files: env.readFiles },
  );
  for (const problem of liquid.problems) {
    if (problem.limit) diagnostics.error(page.absPath, toFileLine(problem.line), 'liquid-limit', `${problem.message}; the note's Liquid was not run`);
    else diagnostics.warn(page.absPath, toFileLine(problem.line), 'liquid', problem.message);
  }

  // A whole HTML document (`<html>…`) is published as Liquid left it, as Jekyll does.
  if (page.format === 'html' && FULL_DOCUMENT.test(liquid.text)) {
    const ids = collectPageIds(fromHtml(liquid.text));
    return {
      page,
      title: page.title,
      html: liquid.text,
      headings: [],
      links: [],
      sections: [],
      ids,
      description: describe(page, ''),
      document: true,
      hasFigures: false,
      image: undefined,
      ownTitleHtml: undefined,
      stylesheets: [],
    };
  }
  // HTML pages are not Markdown: no preprocessing, every line is its own.
  const pre = page.format === 'markdown' ? preprocessMarkdown(liquid.text) : { text: liquid.text, rawBlocks: [], lineMap: LineMap.identity(liquid.text.split('\n').length) };
  // Markdown line → body line (through preprocessing and Liquid) → file line.
  const lineMap = LineMap.fromDiff(page.body, liquid.text).after(pre.lineMap).offsetBy(page.bodyLine - 1);
  const context: NoteContext = {
    file: page.absPath,
    source: { text: page.body, firstLine: page.bodyLine },
    relPath: page.relPath,
    notesDir: model.config.notesDir,
    base: model.config.base,
    lineMap,
    markdownLineMap: pre.lineMap,
    diagnostics,
    rawBlocks: pre.rawBlocks,
    pageUrlForSource: env.pageUrlForSource,
    headings: [],
    links: [],
    readFiles: env.readFiles,
  };
  const { processors } = await env.pipeline.load();
  const html = await runPipeline(processors[page.format], pre.text, context);
  const ids = context.ids ?? { ids: new Set<string>(), duplicates: new Map<string, number>() };
  const facts = context.facts;
  const styles = pageStylesheets(page, model.config.base);
  return {
    page,
    title: page.title,
    html,
    headings: context.headings,
    links: [...styles.links, ...context.links],
    sections: context.sections ?? [],
    ids,
    description: describe(page, html),
    document: false,
    hasFigures: facts?.hasFigures ?? false,
    image: facts?.image,
    // The tree opens with the <h1>, and text cannot hold a literal `</h1>`: the first one closes it.
    ownTitleHtml: facts?.opensWithH1 ? html.slice(0, html.indexOf('</h1>') + '</h1>'.length) : undefined,
    stylesheets: styles.hrefs,
  };
}
