// The Jekyll filters that liquidjs does not ship, or ships with Shopify's semantics where Jekyll's
// differ (liquidjs already has where_exp, jsonify, slugify, xml_escape, number_of_words, …).
import type { Liquid } from 'liquidjs';
import { withBase } from '../loader/permalink.ts';
import { registerJekyllArrayFilters } from './jekyll-array-filters.ts';
import { registerJekyllDateFilters } from './jekyll-date-filters.ts';

export interface JekyllFilterOptions {
  base: string;
  siteUrl: string;
  /**
   * Markdown → HTML for `markdownify`; the caller supplies it so Liquid does not depend on the
   * pipeline. It may answer with a promise (liquidjs awaits it): the pipeline loads on first use.
   */
  markdownify: (markdown: string) => string | Promise<string>;
}

/**
 * Jekyll's `smartify` (kramdown's SmartyPants): typographic quotes, dashes and ellipses. The only
 * Jekyll text filter liquidjs lacks; these few rules are what it does to plain text.
 */
export function smartify(input: unknown): string {
  return String(input ?? '')
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/\.\.\./g, '\u2026')
    .replace(/(^|[\s([{\u2014\u2013-])'/g, '$1\u2018')
    .replace(/'/g, '\u2019')
    .replace(/(^|[\s([{\u2014\u2013\u2018-])"/g, '$1\u201C')
    .replace(/"/g, '\u201D');
}

export function registerJekyllFilters(engine: Liquid, options: JekyllFilterOptions): void {
  const relativeUrl = (input: unknown): string => {
    const url = input == null ? '' : String(input);
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(url)) return url;
    return withBase(url.startsWith('/') ? url : `/${url}`, options.base);
  };
  engine.registerFilter('relative_url', relativeUrl);
  engine.registerFilter('absolute_url', (input: unknown) => {
    const relative = relativeUrl(input);
    return relative.startsWith('/') ? `${options.siteUrl}${relative}` : relative;
  });
  engine.registerFilter('markdownify', (input: unknown) => options.markdownify(input == null ? '' : String(input)));
  engine.registerFilter('smartify', smartify);
  registerJekyllArrayFilters(engine);
  registerJekyllDateFilters(engine);
}
