// Reading the links out of the author's own header, footer and head HTML (after Liquid): what a
// reader of their Jekyll site saw and could click.
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export interface AuthorLink {
  label: string;
  href: string;
}

export interface AuthorIcon {
  rel: string;
  href: string;
  type?: string;
  sizes?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : undefined);

/** An icon-only link (an SVG logo) is named by its aria-label or title, else by its address. */
function labelOf(anchor: Element, href: string): string {
  const shown = toString(anchor).replace(/\s+/g, ' ').trim();
  if (shown) return shown;
  const named = text(anchor.properties.ariaLabel) ?? text(anchor.properties.title) ?? text(select('img', anchor)?.properties.alt);
  if (named?.trim()) return named.trim();
  if (/github\.com/i.test(href)) return 'GitHub';
  return href.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

function linksIn(root: Root | Element): AuthorLink[] {
  return selectAll('a[href]', root).flatMap((anchor) => {
    const href = text(anchor.properties.href)?.trim() ?? '';
    if (!href || href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) return [];
    return [{ label: labelOf(anchor, href), href }];
  });
}

export function parseAuthorHtml(html: string): Root {
  return fromHtml(html, { fragment: !/<html[\s>]|<body[\s>]/i.test(html) });
}

/** The links of the `<header>` (else the first `<nav>`); a header include without either counts whole. */
export function headerLinks(tree: Root, wholeTreeIsHeader: boolean): AuthorLink[] {
  const area = select('header', tree) ?? select('nav', tree) ?? (wholeTreeIsHeader ? tree : undefined);
  return area ? linksIn(area) : [];
}

/** The links of the `<footer>`; a footer include without that element counts whole. */
export function footerLinks(tree: Root, wholeTreeIsFooter: boolean): AuthorLink[] {
  const area = select('footer', tree) ?? (wholeTreeIsFooter ? tree : undefined);
  return area ? linksIn(area) : [];
}

/** `<link rel="icon" | "shortcut icon" | "apple-touch-icon" | "mask-icon">`. */
export function iconLinks(tree: Root): AuthorIcon[] {
  return selectAll('link[rel][href]', tree).flatMap((link) => {
    const rel = text(link.properties.rel)?.toLowerCase() ?? '';
    if (!/(^|\s)(icon|apple-touch-icon|apple-touch-icon-precomposed|mask-icon)(\s|$)/.test(rel)) return [];
    return [{ rel, href: text(link.properties.href) ?? '', type: text(link.properties.type), sizes: text(link.properties.sizes) }];
  });
}
