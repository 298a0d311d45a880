// The markup of a diagram figure (the viewer is built against it; see the README):
// figure.figure.diagram > .figure-media > svg, figcaption, details.diagram-source.
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import plantumlEncoder from 'plantuml-encoder';
import { DIAGRAM_SOURCE, FIGURE, FIGURE_DIAGRAM, FIGURE_DIAGRAM_ERROR, FIGURE_IMAGE, FIGURE_KIND_ATTRIBUTE, FIGURE_MEDIA } from '../../shared/markup.ts';

export const EDIT_ONLINE_BASE = 'https://www.plantuml.com/plantuml/uml/';

function sourceDetails(source: string, prepared: string, open: boolean): Element {
  return h('details', { className: [DIAGRAM_SOURCE], dataPagefindIgnore: '', open: open || undefined }, [
    h('summary', 'PlantUML source'),
    // The empty text before <code> makes the code highlighter pass this block by: it has no
    // PlantUML grammar, and highlighting as plain text cost ~5 ms a diagram on every build.
    h('pre', [{ type: 'text', value: '' }, h('code', { className: ['language-plantuml'] }, source)]),
    h('a', { className: ['diagram-edit'], href: `${EDIT_ONLINE_BASE}${plantumlEncoder.encode(prepared)}`, rel: 'noopener' }, 'Edit online'),
  ]);
}

const captionOf = (caption: string): ElementContent[] => (caption ? [h('figcaption', caption)] : []);

/** A rendered diagram; `svg` is PlantUML's SVG, already labelled and with unique ids. */
export function diagramFigure(svg: string, caption: string, source: string, prepared: string): Element {
  // The SVG goes in as raw HTML: it is serialised unchanged, and re-parsing every diagram into
  // a tree would cost more than the rest of a warm build.
  const media = h('div', { className: [FIGURE_MEDIA] }, [{ type: 'raw', value: svg } as unknown as ElementContent]);
  return h('figure', { className: [FIGURE, 'diagram'], [FIGURE_KIND_ATTRIBUTE]: FIGURE_DIAGRAM }, [media, ...captionOf(caption), sourceDetails(source, prepared, false)]);
}

/** A diagram that could not be rendered: the message and the source, never PlantUML's error picture. */
export function diagramErrorFigure(message: string, where: string, caption: string, source: string, prepared: string): Element {
  return h('figure', { className: [FIGURE, 'diagram', 'diagram-error'], [FIGURE_KIND_ATTRIBUTE]: FIGURE_DIAGRAM_ERROR }, [
    h('div', { className: ['diagram-error-box'] }, [
      h('p', { className: ['diagram-error-title'] }, `Diagram not rendered (${where})`),
      h('pre', { className: ['diagram-error-message'] }, message),
    ]),
    ...captionOf(caption),
    sourceDetails(source, prepared, true),
  ]);
}

/** The author's exported picture, used when the source cannot be rendered at all. */
export function fallbackImageFigure(img: Element, caption: string): Element {
  return h('figure', { className: [FIGURE], [FIGURE_KIND_ATTRIBUTE]: FIGURE_IMAGE }, [h('div', { className: [FIGURE_MEDIA] }, [img]), ...captionOf(caption)]);
}
