// PlantUML's SVG made fit for inlining in a page: it scales to the column (PlantUML writes fixed
// pixel sizes and preserveAspectRatio="none"), carries no processing instructions or comments,
// its tooltips show names as written (svg-titles.ts), and its ids can be made unique when several
// diagrams share a page.
// String surgery on the root tag, not an XML parse: PlantUML's output shape is stable and this
// runs on every diagram of every build.

import { repairSvgTitles } from './svg-titles.ts';

const ROOT_TAG = /<svg\b[^>]*>/;

export interface NormalizedSvg {
  svg: string;
  width: number;
  height: number;
  /** PlantUML's `data-diagram-type`, e.g. SEQUENCE, CLASS, DESCRIPTION (C4 and component). */
  diagramType: string;
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** `source`: the PlantUML text the SVG was drawn from, to repair the tooltips' names. */
export function normalizeSvg(raw: string, source = ''): NormalizedSvg {
  const svg = repairSvgTitles(
    raw
      .replace(/<\?[\s\S]*?\?>/g, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .trim(),
    source,
  );
  const tag = ROOT_TAG.exec(svg)?.[0];
  if (!tag) throw new Error('not an SVG');
  const viewBox = attribute(tag, 'viewBox')?.split(/[\s,]+/).map(Number);
  const width = viewBox?.[2] ?? Number.parseFloat(attribute(tag, 'width') ?? '0');
  const height = viewBox?.[3] ?? Number.parseFloat(attribute(tag, 'height') ?? '0');
  const diagramType = attribute(tag, 'data-diagram-type') ?? '';
  // Natural size as attributes (so a small diagram is not blown up), aspect ratio from the
  // viewBox, and CSS `max-width: 100%; height: auto` does the scaling.
  const root = [
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"',
    `viewBox="0 0 ${width} ${height}"`,
    `width="${width}" height="${height}"`,
    'preserveAspectRatio="xMidYMid meet"',
    'class="plantuml"',
    diagramType ? `data-diagram-type="${diagramType}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { svg: svg.replace(tag, `${root}>`), width, height, diagramType };
}

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Gives the SVG its accessible name (`role="img"` + `aria-label`). */
export function labelSvg(svg: string, label: string): string {
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeAttribute(label)}"`);
}

/** Prefixes every id (and every reference to one) so several inlined SVGs never clash. */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\s(?:id|data-entity-1|data-entity-2|data-entity)=")([^"]+)"/g, (all, head: string, id: string) => (ids.has(id) ? `${head}${prefix}${id}"` : all))
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (ids.has(id) ? `url(#${prefix}${id})` : all))
    .replace(/(\s(?:xlink:)?href=")#([^"]+)"/g, (all, head: string, id: string) => (ids.has(id) ? `${head}#${prefix}${id}"` : all));
}
