// The figure viewer: a native modal <dialog> that shows one figure of the page at a time.
import { idInAddress, leaveAddress, showInAddress } from './address.ts';
import { captionOf, figureContent, type FigureContent } from './figure-content.ts';
import { lockScroll, unlockScroll } from './scroll-lock.ts';
import { initSourcePanel } from './source-panel.ts';
import { createZoomPan } from './zoom-pan.ts';
import { FIGURE_ENLARGE } from '../../shared/markup.ts';

const ZOOM_STEP = 1.25;
const PAN_STEP_PX = 60;

export interface Viewer {
  open(index: number, opener?: HTMLElement | null): void;
  /** Opens the figure named by the address, if any (deep link). */
  openFromAddress(): void;
}

export function createViewer(dialog: HTMLDialogElement, figures: HTMLElement[]): Viewer {
  const part = <T extends Element>(selector: string): T => dialog.querySelector<T>(selector)!;
  const title = part<HTMLElement>('.viewer-title');
  const counter = part<HTMLElement>('.viewer-count');
  const zoomLevel = part<HTMLOutputElement>('.viewer-zoom');
  const openLink = part<HTMLAnchorElement>('.viewer-open');
  const stage = part<HTMLElement>('.viewer-stage');
  const zoom = createZoomPan(stage, (scale) => (zoomLevel.value = `${Math.round(scale * 100)}%`));
  const source = initSourcePanel(dialog);

  let index = -1;
  let opener: HTMLElement | null = null;
  let content: FigureContent | undefined;
  let closedByHistory = false;
  let request = 0; // ignore a slow picture load once the reader has moved on

  dialog.classList.toggle('single', figures.length < 2);

  async function show(next: number): Promise<void> {
    index = (next + figures.length) % figures.length;
    const figure = figures[index]!;
    const ticket = ++request;
    title.textContent = captionOf(figure);
    counter.textContent = `${index + 1} / ${figures.length}`;
    showInAddress(figure.id, false);
    const loaded = await figureContent(figure);
    if (ticket !== request || !loaded) return;
    content = loaded;
    zoom.show(loaded.svg, loaded.box);
    source.show(loaded.source);
    openLink.textContent = loaded.openLabel;
    openLink.href = loaded.openUrl();
  }

  function open(next: number, from: HTMLElement | null = null): void {
    const figure = figures[(next + figures.length) % figures.length]!;
    opener = from ?? figure.querySelector<HTMLElement>(`.${FIGURE_ENLARGE}`);
    // Push before pinning the page, so the entry left behind remembers the real scroll offset.
    showInAddress(figure.id, true);
    if (!dialog.open) {
      lockScroll();
      dialog.showModal();
    }
    void show(next);
  }

  dialog.addEventListener('close', () => {
    request++;
    unlockScroll();
    if (!closedByHistory) leaveAddress();
    closedByHistory = false;
    stage.replaceChildren();
    content = undefined;
    opener?.focus({ preventScroll: true });
  });

  // Back (or Forward) moved to another entry: follow it.
  addEventListener('popstate', () => {
    const target = figures.findIndex((f) => f.id === idInAddress());
    if (target >= 0) return dialog.open ? void show(target) : open(target);
    if (dialog.open) {
      closedByHistory = true;
      dialog.close();
    }
  });

  // A click on the backdrop (outside the dialog's box) closes; a drag that ends there does not.
  let pressedOnBackdrop = false;
  dialog.addEventListener('pointerdown', (event) => (pressedOnBackdrop = event.target === dialog && outside(event)));
  dialog.addEventListener('click', (event) => {
    if (pressedOnBackdrop && event.target === dialog && outside(event)) dialog.close();
  });
  const outside = (event: MouseEvent): boolean => {
    const r = dialog.getBoundingClientRect();
    return event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom;
  };

  const actions: Record<string, () => void> = {
    prev: () => void show(index - 1),
    next: () => void show(index + 1),
    'zoom-in': () => zoom.zoomBy(ZOOM_STEP),
    'zoom-out': () => zoom.zoomBy(1 / ZOOM_STEP),
    reset: () => zoom.fit(),
    close: () => dialog.close(),
  };
  dialog.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (button) actions[button.dataset.action!]?.();
  });

  // Arrow keys pan a zoomed drawing; at the fitted size ← → turn to the previous/next figure.
  const arrow = (dx: number, dy: number, turn?: () => void) => () =>
    zoom.isZoomed() || !turn ? zoom.pan(dx * PAN_STEP_PX, dy * PAN_STEP_PX) : turn();
  const keys: Record<string, () => void> = {
    '+': actions['zoom-in']!,
    '=': actions['zoom-in']!,
    '-': actions['zoom-out']!,
    _: actions['zoom-out']!,
    '0': actions.reset!,
    '1': () => zoom.actualSize(),
    ArrowLeft: arrow(1, 0, actions.prev),
    ArrowRight: arrow(-1, 0, actions.next),
    ArrowUp: arrow(0, 1),
    ArrowDown: arrow(0, -1),
    PageUp: actions.prev!,
    PageDown: actions.next!,
  };
  dialog.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Inside the source panel the keys scroll and select text as usual.
    if ((event.target as Element).closest('.viewer-source')) return;
    const action = keys[event.key];
    if (!action || !content) return;
    event.preventDefault();
    action();
  });

  return {
    open,
    openFromAddress() {
      const target = figures.findIndex((f) => f.id === idInAddress());
      if (target >= 0) open(target);
    },
  };
}
