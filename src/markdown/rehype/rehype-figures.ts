// Pictures become figures, and every viewable figure gets an id and an "Enlarge" button.
// Runs after the diagrams plugin: an `image-wrapper` that still holds a PlantUML source belongs to
// that plugin (it emits `data-figure="diagram"`, or an image figure as fallback), so it is left alone.
// The viewer (src/client/viewer) gives the buttons their behaviour; without JS they are hidden by CSS.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { SKIP, visit } from '../visit.ts';
import { FIGURE, FIGURE_DIAGRAM, FIGURE_ENLARGE, FIGURE_IMAGE, FIGURE_KIND_ATTRIBUTE, FIGURE_MEDIA } from '../../shared/markup.ts';
import { classesOf, hasClass } from '../hast.ts';
import { collectPageIds } from '../page-ids.ts';
import { STANDALONE_FIGURE_PROPERTY } from '../remark/remark-kramdown-span-ial.ts';
import { holdsPlantUml } from './plantuml-script.ts';

/** Figures the viewer can open; `diagram-error` figures are not among them. */
const VIEWABLE = new Set<string>([FIGURE_DIAGRAM, FIGURE_IMAGE]);
/** Containers in which a bare `<img>` stands alone as a block (raw HTML written on its own line). */
const FLOW_PARENTS = new Set(['div', 'section', 'article', 'main', 'aside', 'blockquote', 'details']);
const CAPTION_CLASSES = ['image-caption', 'diagram-caption'];
/** Icons and badges stay inline: an explicit size below this is not a figure. */
const ICON_SIZE = 64;

const isElement = (node: RootContent | ElementContent | Root): node is Element => node.type === 'element';
const isBlank = (node: ElementContent): boolean => node.type === 'comment' || (node.type === 'text' && node.value.trim() === '');
const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();
const attr = (node: Element, name: string): string => (typeof node.properties[name] === 'string' ? clean(node.properties[name]) : '');

function findElement(node: Element | Root, test: (el: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(node, 'element', (el) => {
    if (found) return SKIP;
    if (el !== node && test(el)) found = el;
    return undefined;
  });
  return found;
}

function isIcon(img: Element): boolean {
  const size = (name: string): number => Number.parseFloat(String(img.properties[name] ?? ''));
  return size('width') < ICON_SIZE || size('height') < ICON_SIZE;
}

function imageCaption(img: Element): string {
  return attr(img, 'dataCaption') || attr(img, 'alt') || attr(img, 'title');
}

function imageFigure(media: ElementContent[], caption: string, extra: ElementContent[] = [], id?: unknown): Element {
  return h('figure', { className: [FIGURE], [FIGURE_KIND_ATTRIBUTE]: FIGURE_IMAGE, id: typeof id === 'string' && id ? id : undefined }, [
    h('div', { className: [FIGURE_MEDIA] }, media),
    ...extra,
    ...(caption ? [h('figcaption', caption)] : []),
  ]);
}

/** `<div class="image-wrapper">` with a picture and a caption div (and no diagram source) → figure. */
function wrapperToFigure(wrapper: Element): Element | undefined {
  const img = findElement(wrapper, (el) => el.tagName === 'img');
  if (!img || findElement(wrapper, holdsPlantUml)) return undefined;
  const captionDiv = wrapper.children.find((c): c is Element => isElement(c) && CAPTION_CLASSES.some((name) => hasClass(c, name)));
  const caption = (captionDiv ? clean(toString(captionDiv)) : '') || imageCaption(img);
  const media: ElementContent[] = [];
  const extra: ElementContent[] = [];
  for (const child of wrapper.children) {
    if (child === captionDiv || isBlank(child) || (isElement(child) && child.tagName === 'script')) continue;
    if (media.length === 0 && (child === img || (isElement(child) && findElement(child, (el) => el === img)))) media.push(child);
    else extra.push(child);
  }
  return imageFigure(media, caption, extra, wrapper.properties.id);
}

/** A `<p>` that holds one picture and nothing else → figure. */
function paragraphToFigure(paragraph: Element): Element | undefined {
  const significant = paragraph.children.filter((c) => !isBlank(c) && !(isElement(c) && c.tagName === 'br'));
  const img = significant[0];
  if (significant.length !== 1 || !img || !isElement(img) || img.tagName !== 'img' || isIcon(img)) return undefined;
  return imageFigure([img], imageCaption(img));
}

/**
 * kramdown's figure of a `{:standalone}` picture → the site's image figure, keeping kramdown's id,
 * classes and attributes and its caption (the alt text).
 */
function standaloneToFigure(figure: Element): Element {
  const { [STANDALONE_FIGURE_PROPERTY]: _marker, className, ...properties } = figure.properties;
  const img = figure.children.find((c): c is Element => isElement(c) && c.tagName === 'img');
  const caption = figure.children.find((c): c is Element => isElement(c) && c.tagName === 'figcaption');
  const result = imageFigure(img ? [img] : [], caption ? clean(toString(caption)) : '', [], properties.id);
  result.properties = { ...properties, ...result.properties, className: [FIGURE, ...(Array.isArray(className) ? className : [])] };
  return result;
}

function pictureToFigure(node: Element, parent: Element | Root): Element | undefined {
  if (node.tagName === 'figure') return node.properties[STANDALONE_FIGURE_PROPERTY] !== undefined ? standaloneToFigure(node) : undefined;
  if (node.tagName === 'div' && hasClass(node, 'image-wrapper')) return wrapperToFigure(node);
  if (node.tagName === 'p') return paragraphToFigure(node);
  if (node.tagName !== 'img') return undefined;
  // Only now, and only for a list item, look at the siblings: a pass over every parent's children
  // per child made a 20,000-row table quadratic.
  const standsAlone =
    parent.type === 'root' || (FLOW_PARENTS.has(parent.tagName) && !hasClass(parent, FIGURE_MEDIA)) || (parent.tagName === 'li' && hasOneSignificantChild(parent));
  if (standsAlone && !isIcon(node)) return imageFigure([node], imageCaption(node));
  return undefined;
}

/** Exactly one child that is not blank; stops at the second. */
function hasOneSignificantChild(parent: Element): boolean {
  let count = 0;
  for (const child of parent.children) if (!isBlank(child) && ++count > 1) return false;
  return count === 1;
}

function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'figure';
}

/** The name a figure goes by: its caption, else the accessible name of its picture. */
export function figureCaption(figure: Element): string {
  const caption = figure.children.find((c): c is Element => isElement(c) && c.tagName === 'figcaption');
  if (caption) return clean(toString(caption));
  const picture = findElement(figure, (el) => el.tagName === 'svg' || el.tagName === 'img');
  if (!picture) return '';
  const src = attr(picture, 'src');
  return attr(picture, 'ariaLabel') || attr(picture, 'alt') || src.slice(src.lastIndexOf('/') + 1);
}

const ENLARGE_ICON = h('svg', { viewBox: '0 0 24 24', width: 18, height: 18, ariaHidden: 'true', focusable: 'false' }, [
  h('path', {
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2,
    strokeLinecap: 'round',
    d: 'M15 3h6v6M9 21H3v-6M21 3l-7 7M3 21l7-7',
  }),
]);

function enlargeButton(kind: string, caption: string): Element {
  const label = `Enlarge ${kind === FIGURE_DIAGRAM ? 'diagram' : 'image'}${caption ? `: ${caption}` : ''}`;
  return h('button', { type: 'button', className: [FIGURE_ENLARGE], ariaLabel: label, title: 'Enlarge', dataPagefindIgnore: '' }, [
    structuredClone(ENLARGE_ICON),
  ]);
}

const rehypeFigures: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const figure = pictureToFigure(node, parent);
    // Other figures (the diagrams plugin's) and code are not pictures to wrap.
    if (!figure && (node.tagName === 'figure' || node.tagName === 'pre')) return SKIP;
    // A wrapper that stays (it holds a diagram source) keeps its picture as it is.
    if (!figure) return hasClass(node, 'image-wrapper') ? SKIP : undefined;
    parent.children[index] = figure;
    return [SKIP, index + 1];
  });

  const { ids } = collectPageIds(tree);
  visit(tree, 'element', (figure) => {
    if (figure.tagName !== 'figure') return undefined;
    const kind = String(figure.properties.dataFigure ?? '');
    if (!VIEWABLE.has(kind) || findElement(figure, (el) => hasClass(el, FIGURE_ENLARGE))) return SKIP;
    const caption = figureCaption(figure);
    if (typeof figure.properties.id !== 'string' || !figure.properties.id) {
      const stem = `fig-${slugify(caption)}`;
      let id = stem;
      for (let n = 2; ids.has(id); n++) id = `${stem}-${n}`;
      ids.add(id);
      figure.properties.id = id;
    }
    const mediaIndex = figure.children.findIndex((c) => isElement(c) && hasClass(c, FIGURE_MEDIA));
    figure.children.splice(mediaIndex + 1, 0, enlargeButton(kind, caption));
    return SKIP;
  });
};

export default rehypeFigures;
