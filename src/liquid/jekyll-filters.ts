// The Jekyll filters that liquidjs does not ship (it already has where, sort, group_by, jsonify, …).
import type { Liquid } from 'liquidjs';
import { withBase } from '../loader/permalink.ts';

export interface JekyllFilterOptions {
  base: string;
  siteUrl: string;
  /** Markdown → HTML for `markdownify`; the caller supplies it so Liquid does not depend on the pipeline. */
  markdownify: (markdown: string) => string;
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
}
