// What the viewer shows for a figure: a fresh <svg> to zoom (a copy of the inline diagram, or a
// picture placed in an SVG <image> so both zoom the same way), its name, source and a file to open.
import { parseViewBox, type Box } from './view-box.ts';
import { DIAGRAM_SOURCE, FIGURE_ENLARGE, FIGURE_MEDIA } from '../../shared/markup.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface FigureContent {
  svg: SVGSVGElement;
  box: Box;
  /** The diagram's PlantUML source, when the figure carries one. */
  source?: string;
  /** The picture by itself: the image file, or the inline SVG as a file (made when asked for). */
  openUrl: () => string;
  openLabel: string;
}

export function captionOf(figure: Element): string {
  const caption = figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim();
  if (caption) return caption;
  const label = figure.querySelector(`.${FIGURE_ENLARGE}`)?.getAttribute('aria-label') ?? '';
  return label.replace(/^Enlarge (diagram|image):?\s*/, '') || 'Figure';
}

/** Diagrams may carry a light and a dark rendering, one hidden by CSS: take the one on screen. */
function visibleSvg(figure: Element): SVGSVGElement | null {
  const all = [...figure.querySelectorAll<SVGSVGElement>(`.${FIGURE_MEDIA} svg`)];
  return all.find((svg) => svg.getClientRects().length > 0) ?? all[0] ?? null;
}

/** The copy lives on the same page as the original: give its ids (and their references) a prefix. */
function prefixIds(svg: SVGSVGElement, prefix: string): void {
  const ids = new Set<string>();
  for (const el of svg.querySelectorAll('[id]')) {
    ids.add(el.id);
    el.id = prefix + el.id;
  }
  if (ids.size === 0) return;
  const reference = /url\(\s*['"]?#([^'")\s]+)['"]?\s*\)|^#(.+)$/g;
  for (const el of svg.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (!attr.value.includes('#')) continue;
      const value = attr.value.replace(reference, (match, inUrl?: string, inHref?: string) => {
        const id = inUrl ?? inHref ?? '';
        if (!ids.has(id)) return match;
        return inUrl ? `url(#${prefix}${id})` : `#${prefix}${id}`;
      });
      if (value !== attr.value) el.setAttribute(attr.name, value);
    }
  }
}

function diagramContent(figure: Element, original: SVGSVGElement, caption: string): FigureContent {
  const svg = original.cloneNode(true) as SVGSVGElement;
  const box = parseViewBox(original.getAttribute('viewBox')) ?? { x: 0, y: 0, ...sizeOf(original) };
  prefixIds(svg, 'viewer-');
  for (const name of ['width', 'height', 'style', 'class']) svg.removeAttribute(name);
  // The page may restyle diagrams (e.g. a dark-theme filter on the inline SVG): carry it over.
  const { filter } = getComputedStyle(original);
  if (filter && filter !== 'none') svg.style.filter = filter;
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', original.getAttribute('aria-label') || caption);
  let fileUrl = '';
  return {
    svg,
    box,
    source: figure.querySelector(`.${DIAGRAM_SOURCE} code`)?.textContent?.trim() || undefined,
    openLabel: 'Open SVG',
    openUrl: () => {
      // A same-page blob: nothing is fetched, and the reader gets the drawing as a file.
      if (fileUrl) URL.revokeObjectURL(fileUrl);
      const xml = new XMLSerializer().serializeToString(original);
      fileUrl = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }));
      return fileUrl;
    },
  };
}

function sizeOf(el: Element): { width: number; height: number } {
  const rect = el.getBoundingClientRect();
  return { width: rect.width || 300, height: rect.height || 150 };
}

/** Loads the picture (the larger `data-modal-src` one if given) to learn its natural size. */
async function imageContent(img: HTMLImageElement, caption: string): Promise<FigureContent> {
  const src = img.dataset.modalSrc ? new URL(img.dataset.modalSrc, document.baseURI).href : img.currentSrc || img.src;
  const probe = new Image();
  probe.src = src;
  let width = 0;
  let height = 0;
  try {
    await probe.decode();
    width = probe.naturalWidth;
    height = probe.naturalHeight;
  } catch {
    // Not loadable: show the inline picture's own size; the browser shows its broken-image state.
  }
  if (!width || !height) ({ width, height } = img.naturalWidth ? { width: img.naturalWidth, height: img.naturalHeight } : sizeOf(img));
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', img.alt || caption);
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  const image = document.createElementNS(SVG_NS, 'image');
  image.setAttribute('href', src);
  image.setAttribute('width', String(width));
  image.setAttribute('height', String(height));
  svg.append(image);
  return { svg, box: { x: 0, y: 0, width, height }, openLabel: 'Open image', openUrl: () => src };
}

export async function figureContent(figure: Element): Promise<FigureContent | undefined> {
  const caption = captionOf(figure);
  const svg = visibleSvg(figure);
  if (svg) return diagramContent(figure, svg, caption);
  const img = figure.querySelector<HTMLImageElement>(`.${FIGURE_MEDIA} img, img`);
  return img ? imageContent(img, caption) : undefined;
}
