// The site model: every page and published file of the notes folder, before any rendering.
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.ts';
import type { Diagnostics } from '../diagnostics/diagnostics.ts';
import { parseFrontMatter } from './front-matter.ts';
import { repairMojibake } from './mojibake.ts';
import { outputPathForUrl, pageUrl, urlsServedBy } from './permalink.ts';
import { scanNotes, type RefusedFile } from './scan-notes.ts';
import { invalidUtf8Message, readTextFile } from './text-file.ts';

export interface Page {
  absPath: string;
  /** Source path under the notes folder, e.g. `study/leetcodes/0001-two-sum.md` (Jekyll's `page.path`). */
  relPath: string;
  /** The permalink, exactly as authored (Jekyll's `page.url`). */
  url: string;
  /** File under the output folder that serves `url`. */
  outputPath: string;
  /** Front matter with `_config.yml` defaults applied: every key, for templates. */
  data: Record<string, unknown>;
  title: string;
  layout: string;
  hidden: boolean;
  /** `html` for an `.html` page (Liquid, then HTML as written), else Markdown. */
  format: 'markdown' | 'html';
  /** Markdown or HTML (with Liquid) after the front matter. */
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
}

export interface Asset {
  absPath: string;
  relPath: string;
  url: string;
}

export interface SiteModel {
  config: SiteConfig;
  pages: Page[];
  assets: Asset[];
  /** Output path → page, for lookups by link. */
  pageByOutput: Map<string, Page>;
  /** Every URL path served by the built site, pages and files alike (without base). */
  servedUrls: Set<string>;
}

/** Files that are pages when they start with front matter, as in Jekyll. */
const PAGE_SOURCE = /\.(md|markdown|html?)$/i;

function applyDefaults(config: SiteConfig, relPath: string, data: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  // Jekyll applies more specific scopes over less specific ones; front matter wins over all.
  const matching = config.defaults
    .filter((d) => d.path === '' || relPath === d.path || relPath.startsWith(`${d.path}/`))
    .sort((a, b) => a.path.length - b.path.length);
  for (const d of matching) Object.assign(merged, d.values);
  return Object.assign(merged, data);
}

function titleOf(data: Record<string, unknown>, body: string, relPath: string): string {
  if (typeof data.title === 'string' && data.title.trim()) return data.title.trim();
  const heading = /^#\s+(.+?)\s*(?:\{#[^}]*\})?\s*#*\s*$/m.exec(body);
  if (heading?.[1]) return heading[1];
  const base = path.posix.basename(relPath).replace(PAGE_SOURCE, '');
  return base === 'index' ? path.posix.basename(path.posix.dirname(relPath)) || 'Home' : base;
}

/** A note file that is empty (or blank): reported, and not published as a raw `.md`. */
const EMPTY = Symbol('empty note');

function loadPage(config: SiteConfig, diagnostics: Diagnostics, absPath: string, relPath: string): Page | typeof EMPTY | undefined {
  const { text: original, invalidUtf8 } = readTextFile(absPath);
  if (invalidUtf8) diagnostics.error(absPath, invalidUtf8.line, 'encoding', invalidUtf8Message(invalidUtf8));
  if (original.trim() === '' && !/\.html?$/i.test(relPath)) {
    diagnostics.warn(absPath, 1, 'empty-note', 'the note is empty; nothing is published for it');
    return EMPTY;
  }
  if (original.length > config.pageSizeLimit) {
    diagnostics.error(absPath, 1, 'page-size', `the note holds ${original.length} characters, more than the page-size limit of ${config.pageSizeLimit} (PAGE_SIZE_LIMIT); not published`);
    return EMPTY;
  }
  const parsed = parseFrontMatter(original);
  if (!parsed.hasFrontMatter) return undefined; // Jekyll copies a file without front matter as it is
  if (parsed.error) diagnostics.warn(absPath, parsed.error.line, 'front-matter', `front matter is not valid YAML: ${parsed.error.message}`);
  const { text: body, repairs } = repairMojibake(parsed.body);
  if (repairs.length > 0) {
    const first = repairs[0]!;
    const examples = [...new Set(repairs.map((r) => `"${r.damaged}" → "${r.restored}"`))].slice(0, 4).join(', ');
    diagnostics.warn(
      absPath,
      parsed.bodyLine + first.line - 1,
      'encoding',
      `${repairs.length} mis-decoded character runs (UTF-8 read as Mac Roman) repaired in the output, e.g. ${examples}; fix the file to silence this`,
    );
  }
  const data = applyDefaults(config, relPath, parsed.data);
  const url = pageUrl(relPath, data.permalink);
  return {
    absPath,
    relPath,
    url,
    outputPath: outputPathForUrl(url),
    data,
    title: titleOf(data, body, relPath),
    layout: typeof data.layout === 'string' ? data.layout : 'default',
    hidden: data.hidden === true,
    format: /\.html?$/i.test(relPath) ? 'html' : 'markdown',
    body,
    bodyLine: parsed.bodyLine,
  };
}

export function loadSiteModel(config: SiteConfig, diagnostics: Diagnostics): SiteModel {
  const pages: Page[] = [];
  const assets: Asset[] = [];
  const pageByOutput = new Map<string, Page>();
  for (const problem of config.problems) diagnostics.error(problem.file, problem.line, 'config', problem.message);
  const refused: RefusedFile[] = [];
  const scanned = scanNotes(config.notesDir, config.exclude, refused);
  for (const link of refused) diagnostics.error(link.absPath, undefined, 'confinement', `${link.problem}; not published`);
  for (const { absPath, relPath } of scanned) {
    const page = PAGE_SOURCE.test(relPath) ? loadPage(config, diagnostics, absPath, relPath) : undefined;
    if (page === EMPTY) continue;
    if (!page) {
      assets.push({ absPath, relPath, url: `/${relPath}` });
      continue;
    }
    const claimed = pageByOutput.get(page.outputPath);
    if (claimed) {
      diagnostics.error(
        absPath,
        1,
        'duplicate-url',
        `URL ${page.url} is already claimed by ${claimed.relPath}; this page is not published`,
      );
      continue;
    }
    pageByOutput.set(page.outputPath, page);
    pages.push(page);
  }
  const servedUrls = new Set<string>();
  for (const page of pages) for (const url of urlsServedBy(page.outputPath)) servedUrls.add(url);
  for (const asset of assets) servedUrls.add(asset.url);
  return { config, pages, assets, pageByOutput, servedUrls };
}
