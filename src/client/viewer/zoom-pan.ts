// Zoom and pan gestures on the viewer's stage: wheel and pinch zoom around the pointer, drag to
// pan, double-click / double-tap toggles fit ↔ 100 %. Keys and buttons call the same methods.
import { clampView, fitView, panBy, scaleLimits, viewBoxOf, zoomAt, type Box, type Point, type View } from './view-box.ts';

export interface ZoomPan {
  show(svg: SVGSVGElement, content: Box): void;
  zoomBy(factor: number, point?: Point): void;
  fit(): void;
  toggle(point?: Point): void;
  /** 100 %: one drawing unit per CSS pixel (the picture's own pixels). */
  actualSize(point?: Point): void;
  pan(dx: number, dy: number): void;
  /** Larger than the fitted size (arrow keys then pan instead of turning pages). */
  isZoomed(): boolean;
}

const DOUBLE_TAP_MS = 300;
const TAP_SLOP_PX = 12;

export function createZoomPan(stage: HTMLElement, onZoom: (scale: number) => void): ZoomPan {
  let svg: SVGSVGElement | undefined;
  let content: Box = { x: 0, y: 0, width: 1, height: 1 };
  let view: View = { scale: 1, x: 0, y: 0 };
  let fitted = true;

  const size = () => ({ width: stage.clientWidth || 1, height: stage.clientHeight || 1 });
  const centre = (): Point => ({ x: stage.clientWidth / 2, y: stage.clientHeight / 2 });
  const local = (event: { clientX: number; clientY: number }): Point => {
    const rect = stage.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  function apply(next: View): void {
    if (!svg) return;
    view = clampView(next, content, size());
    svg.setAttribute('viewBox', viewBoxOf(view, size()));
    onZoom(view.scale);
  }

  const api: ZoomPan = {
    show(next, box) {
      svg = next;
      content = box;
      stage.replaceChildren(next);
      api.fit();
    },
    fit() {
      fitted = true;
      apply(fitView(content, size()));
    },
    zoomBy(factor, point = centre()) {
      fitted = false;
      apply(zoomAt(view, factor, point, scaleLimits(content, size())));
    },
    toggle(point = centre()) {
      const fit = fitView(content, size()).scale;
      if (api.isZoomed() || Math.abs(fit - 1) < 0.05) {
        if (api.isZoomed()) return api.fit();
        return api.zoomBy(2, point); // already at 100 %: "actual size" would change nothing
      }
      api.actualSize(point);
    },
    actualSize(point = centre()) {
      api.zoomBy(1 / view.scale, point);
    },
    pan(dx, dy) {
      fitted = false;
      apply(panBy(view, dx, dy));
    },
    isZoomed: () => view.scale > fitView(content, size()).scale * 1.01,
  };

  // The stage changes size with the window, the phone's rotation or the source panel.
  new ResizeObserver(() => (fitted ? api.fit() : apply(view))).observe(stage);

  stage.addEventListener(
    'wheel',
    (event) => {
      if (!svg) return;
      event.preventDefault();
      const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      api.zoomBy(Math.min(2, Math.max(0.5, Math.exp(-delta * 0.0015))), local(event));
    },
    { passive: false },
  );

  // Pointer Events cover mouse, pen and touch alike: one pointer pans, two pinch.
  const pointers = new Map<number, Point>();
  let tapStart: { point: Point; time: number; moved: boolean } | undefined;
  let lastTap: { point: Point; time: number } | undefined;
  let lastPointerType = 'mouse';
  const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

  stage.addEventListener('pointerdown', (event) => {
    if (!svg || event.button !== 0) return;
    stage.setPointerCapture(event.pointerId);
    lastPointerType = event.pointerType;
    pointers.set(event.pointerId, local(event));
    tapStart = pointers.size === 1 ? { point: local(event), time: event.timeStamp, moved: false } : undefined;
    stage.classList.add('is-dragging');
  });
  stage.addEventListener('pointermove', (event) => {
    const previous = pointers.get(event.pointerId);
    if (!previous) return;
    const now = local(event);
    if (tapStart && distance(now, tapStart.point) > TAP_SLOP_PX) tapStart.moved = true;
    const other = [...pointers].find(([id]) => id !== event.pointerId)?.[1];
    if (!other) {
      api.pan(now.x - previous.x, now.y - previous.y);
    } else {
      const before = { x: (previous.x + other.x) / 2, y: (previous.y + other.y) / 2 };
      const after = { x: (now.x + other.x) / 2, y: (now.y + other.y) / 2 };
      api.zoomBy(distance(now, other) / (distance(previous, other) || 1), before);
      api.pan(after.x - before.x, after.y - before.y);
    }
    pointers.set(event.pointerId, now);
  });
  const release = (event: PointerEvent): void => {
    if (!pointers.delete(event.pointerId)) return;
    if (pointers.size === 0) stage.classList.remove('is-dragging');
    // Touch has no dblclick worth relying on (touch-action: none): detect the double tap here.
    if (event.type !== 'pointerup' || event.pointerType !== 'touch' || !tapStart || tapStart.moved) return;
    const tap = { point: local(event), time: event.timeStamp };
    if (lastTap && tap.time - lastTap.time < DOUBLE_TAP_MS && distance(tap.point, lastTap.point) < TAP_SLOP_PX * 3) {
      api.toggle(tap.point);
      lastTap = undefined;
    } else {
      lastTap = tap;
    }
  };
  stage.addEventListener('pointerup', release);
  stage.addEventListener('pointercancel', release);
  stage.addEventListener('dblclick', (event) => {
    if (svg && lastPointerType !== 'touch') api.toggle(local(event));
  });
  return api;
}
