// The Liquid view of the site (Jekyll's `site` and `page` variables).
import path from 'node:path';
import type { Page, SiteModel } from '../loader/site-model.ts';

export type LiquidPage = Record<string, unknown>;

export function liquidPage(page: Page): LiquidPage {
  return {
    ...page.data,
    title: page.title,
    url: page.url,
    path: page.relPath,
    name: path.posix.basename(page.relPath),
    dir: `/${path.posix.dirname(page.relPath)}/`.replace(/^\/\.\/$/, '/'),
    layout: page.layout,
  };
}

export function liquidSite(model: SiteModel): Record<string, unknown> {
  const { config } = model;
  return {
    ...config.raw,
    title: config.title,
    description: config.description,
    baseurl: config.base === '/' ? '' : config.base.slice(0, -1),
    url: config.siteUrl,
    pages: model.pages.map(liquidPage),
    static_files: model.assets.map((a) => ({ path: `/${a.relPath}`, name: path.posix.basename(a.relPath), extname: path.posix.extname(a.relPath) })),
    time: new Date(),
  };
}
