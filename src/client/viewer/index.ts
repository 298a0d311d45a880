// Entry point: every viewable figure of the page opens in the viewer, by its button or by a click
// on the picture; an address ending in a figure's id opens that figure.
import { createViewer } from './viewer.ts';

export function initFigureViewer(): void {
  const dialog = document.querySelector<HTMLDialogElement>('dialog.figure-viewer');
  const figures = [...document.querySelectorAll<HTMLElement>('figure[data-figure="diagram"][id], figure[data-figure="image"][id]')].filter((f) =>
    f.querySelector('.figure-enlarge'),
  );
  if (!dialog || figures.length === 0) return;
  const viewer = createViewer(dialog, figures);
  figures.forEach((figure, index) => {
    const button = figure.querySelector<HTMLElement>('.figure-enlarge')!;
    button.addEventListener('click', () => viewer.open(index, button));
    figure.querySelector('.figure-media')?.addEventListener('click', (event) => {
      if (!(event.target as Element).closest('a')) viewer.open(index, button);
    });
  });
  viewer.openFromAddress();
}
