// Entry point: every viewable figure of the page opens in the viewer, by its button or by a click
// on the picture; an address ending in a figure's id opens that figure.
import { createViewer } from './viewer.ts';
import { FIGURE_DIAGRAM, FIGURE_ENLARGE, FIGURE_IMAGE, FIGURE_KIND_ATTRIBUTE, FIGURE_MEDIA } from '../../shared/markup.ts';

export function initFigureViewer(): void {
  const dialog = document.querySelector<HTMLDialogElement>('dialog.figure-viewer');
  const figures = [...document.querySelectorAll<HTMLElement>(`figure[${FIGURE_KIND_ATTRIBUTE}="${FIGURE_DIAGRAM}"][id], figure[${FIGURE_KIND_ATTRIBUTE}="${FIGURE_IMAGE}"][id]`)].filter((f) =>
    f.querySelector(`.${FIGURE_ENLARGE}`),
  );
  if (!dialog || figures.length === 0) return;
  const viewer = createViewer(dialog, figures);
  figures.forEach((figure, index) => {
    const button = figure.querySelector<HTMLElement>(`.${FIGURE_ENLARGE}`)!;
    button.addEventListener('click', () => viewer.open(index, button));
    figure.querySelector(`.${FIGURE_MEDIA}`)?.addEventListener('click', (event) => {
      if (!(event.target as Element).closest('a')) viewer.open(index, button);
    });
  });
  viewer.openFromAddress();
}
