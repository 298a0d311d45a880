// GitHub Pages' own Jekyll build turns on plugins a plain Jekyll does not have. A notes folder
// built there (a Gemfile naming `github-pages`, or no Gemfile at all) relies on them:
// jekyll-optional-front-matter (Markdown without front matter is a page) and jekyll-readme-index
// (a README is its folder's index where there is none). Titles from headings, relative `.md`
// links and default layouts are built into every build here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/site-config.ts';
import type { Diagnostics } from '../diagnostics/diagnostics.ts';
import { applyDefaults } from './front-matter-defaults.ts';
import { outputPathForUrl } from './permalink.ts';
import { readSourceFile, SKIPPED } from './read-source.ts';
import type { Asset, Page } from './site-model.ts';

export const OPTIONAL_FRONT_MATTER = /\.(md|markdown|mkd|mkdn|mdown)$/i;
/** jekyll-optional-front-matter's FILENAME_BLACKLIST: these stay plain files. */
export const SKIPPED_WITHOUT_FRONT_MATTER = /^(README|LICENSE|LICENCE|COPYING|CODE_OF_CONDUCT|CONTRIBUTING|ISSUE_TEMPLATE|PULL_REQUEST_TEMPLATE)(\.[^.]*)?$/i;

/** True when GitHub Pages' default plugins apply: `github-pages` in the Gemfile, or no Gemfile. */
export function githubPagesDefaults(config: SiteConfig): boolean {
  const gemfile = path.join(config.notesDir, 'Gemfile');
  const settings = config.raw.optional_front_matter as { enabled?: unknown } | undefined;
  if (settings?.enabled === false || config.raw.require_front_matter === true) return false;
  return !existsSync(gemfile) || /github-pages/.test(readFileSync(gemfile, 'utf8'));
}

const README = /(^|\/)readme\.(md|markdown|mkd|mkdn|mdown)$/i;
const INDEX = /^(index\.(html?|xhtml|xml))?$/i;

/** jekyll-readme-index: each README (without front matter) in a folder with no index page becomes it. */
export function readmeIndexes(config: SiteConfig, diagnostics: Diagnostics, pages: readonly Page[], assets: readonly Asset[]): Page[] {
  const settings = config.raw.readme_index as { enabled?: unknown } | undefined;
  if (settings?.enabled === false) return [];
  const urls = [...pages.map((p) => p.url), ...assets.map((a) => a.url)];
  const hasIndex = (dir: string): boolean => urls.some((url) => url.startsWith(dir) && INDEX.test(url.slice(dir.length)));
  return assets.flatMap((asset): Page[] => {
    if (!README.test(asset.relPath)) return [];
    const dir = `/${path.posix.dirname(asset.relPath)}/`.replace(/^\/\.\/$/, '/');
    if (hasIndex(dir)) return [];
    const file = readSourceFile(asset.absPath, asset.relPath, { diagnostics, pageSizeLimit: config.pageSizeLimit, frontMatterOptional: true });
    if (file === SKIPPED) return [];
    const data = applyDefaults(config.defaults, asset.relPath, 'pages', file.data);
    const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(file.body)?.[1];
    return [
      {
        absPath: asset.absPath,
        relPath: asset.relPath,
        url: dir,
        outputPath: outputPathForUrl(dir),
        data,
        title: typeof data.title === 'string' ? data.title : (heading ?? config.title),
        layout: typeof data.layout === 'string' ? data.layout : 'default',
        hidden: false,
        format: 'markdown',
        body: file.body,
        bodyLine: file.bodyLine,
        addedBy: 'readme-index',
      },
    ];
  });
}
