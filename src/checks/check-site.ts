// Runs the site checks once every note is rendered, and reports each finding with the linking
// note's file and line (so `npm run check` fails on them and `npm run build` warns).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostics.ts';
import { isKnownLayout } from '../config/layouts.ts';
import { urlsServedBy } from '../loader/permalink.ts';
import type { Page, SiteModel } from '../loader/site-model.ts';
import type { LinkEntry } from '../markdown/note-context.ts';
import type { PageIds } from '../markdown/page-ids.ts';
import { checkLayouts } from './layout-check.ts';
import { checkLinks, type CheckedPage } from './link-check.ts';
import { sourceLinesOfId } from './page-ids.ts';

/** Ids the layouts put around every note (BaseLayout's skip link target). */
const LAYOUT_IDS = new Set(['main']);

/**
 * Files the generator writes besides the notes (src/pages/404.astro, integration/robots.ts and
 * sitemap.ts): links into them are not broken. Only these: a link to anything else is checked.
 */
const GENERATED_FILES = ['/404', '/404.html', '/robots.txt'];
/** Written only when the site's address is known (SITE_URL or `url:`). */
const SITEMAP = '/sitemap.xml';
const GENERATED_FOLDERS = ['/_astro/', '/pagefind/'];

export function generatedUrlTest(model: SiteModel): (urlPath: string) => boolean {
  const hasHome = model.pageByOutput.has('index.html');
  const files = new Set(model.config.siteUrl ? [...GENERATED_FILES, SITEMAP] : GENERATED_FILES);
  return (urlPath) =>
    files.has(urlPath) ||
    GENERATED_FOLDERS.some((folder) => urlPath.startsWith(folder)) ||
    (!hasHome && (urlPath === '/' || urlPath === '/index.html'));
}

function readSource(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').replace(/\r\n/g, '\n') : '';
}

/** What the checks read of a rendered note (a RenderedNote has it). */
export interface CheckedNote {
  page: Page;
  ids: PageIds;
  links: LinkEntry[];
}

export function checkRenderedSite(model: SiteModel, notes: Iterable<CheckedNote>, diagnostics: Diagnostics): void {
  const pages: CheckedPage[] = [];
  for (const note of notes) {
    const { ids, duplicates } = note.ids;
    pages.push({ file: note.page.absPath, servedAs: urlsServedBy(note.page.outputPath), ids, links: note.links });
    if (duplicates.size === 0) continue;
    const source = readSource(note.page.absPath);
    for (const [id, count] of duplicates) {
      // Reported where the id is written a second time; ids the pipeline made carry no line.
      const lines = sourceLinesOfId(source, id);
      const line = lines[1] ?? lines[0] ?? note.page.bodyLine;
      diagnostics.warn(note.page.absPath, line, 'duplicate-id', `id "${id}" is used by ${count} elements on this page; links and scripts find only the first`);
    }
  }
  const findings = checkLinks({
    base: model.config.base,
    servedUrls: model.servedUrls,
    isGenerated: generatedUrlTest(model),
    layoutIds: LAYOUT_IDS,
    pages,
  });
  for (const finding of findings) diagnostics.warn(finding.file, finding.line, finding.code, finding.message);

  const configFile = path.join(model.config.notesDir, '_config.yml');
  const layoutFindings = checkLayouts(
    model.pages.filter((page) => !isKnownLayout(page.layout) && !model.layoutRoles.has(page.layout)).map((page) => ({ file: page.absPath, layout: page.layout, source: readSource(page.absPath) })),
    { file: configFile, text: readSource(configFile) },
  );
  for (const finding of layoutFindings) diagnostics.warn(finding.file, finding.line, 'layout', finding.message);
}
