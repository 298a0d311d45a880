// The viewer's zoom/pan arithmetic (src/client/viewer/view-box.ts).
import { describe, expect, it } from 'vitest';
import { clampView, fitView, panBy, parseViewBox, scaleLimits, viewBoxOf, zoomAt } from '../../../src/client/viewer/view-box.ts';

const drawing = { x: 0, y: 0, width: 800, height: 400 };
const stage = { width: 1000, height: 1000 };
/** The drawing point under a stage pixel. */
const under = (view: { scale: number; x: number; y: number }, px: number, py: number) => ({ x: view.x + px / view.scale, y: view.y + py / view.scale });

describe('view-box', () => {
  it("fits the drawing to the stage, centred, with a viewBox of the stage's shape", () => {
    const view = fitView(drawing, stage);
    expect(view.scale).toBe(1.25);
    expect(viewBoxOf(view, stage)).toBe('0 -200 800 800');
  });

  it('zooms around the pointer: the point under it stays put', () => {
    const view = fitView(drawing, stage);
    const before = under(view, 300, 450);
    const zoomed = zoomAt(view, 2, { x: 300, y: 450 }, scaleLimits(drawing, stage));
    expect(zoomed.scale).toBe(2.5);
    expect(under(zoomed, 300, 450).x).toBeCloseTo(before.x, 9);
    expect(under(zoomed, 300, 450).y).toBeCloseTo(before.y, 9);
  });

  it('limits zoom between the fitted size (or 100 %) and 8× the larger', () => {
    const limits = scaleLimits(drawing, stage);
    expect(limits).toEqual({ min: 1, max: 10 });
    const view = fitView(drawing, stage);
    expect(zoomAt(view, 100, { x: 0, y: 0 }, limits).scale).toBe(10);
    expect(zoomAt(view, 0.01, { x: 0, y: 0 }, limits).scale).toBe(1);
  });

  it('pans with the pointer and keeps the drawing on screen', () => {
    const zoomed = { scale: 5, x: 100, y: 100 };
    const moved = panBy(zoomed, 50, -100);
    expect(moved).toEqual({ scale: 5, x: 90, y: 120 });
    // Dragged far past the edge: stops at the drawing's edge.
    expect(clampView(panBy(zoomed, 100_000, 0), drawing, stage).x).toBe(0);
    expect(clampView(panBy(zoomed, -100_000, 0), drawing, stage).x).toBe(800 - 1000 / 5);
    // An axis where the whole drawing fits stays centred.
    expect(clampView({ scale: 1.25, x: 37, y: 0 }, drawing, stage)).toEqual({ scale: 1.25, x: 0, y: -200 });
  });

  it('parses viewBox attributes and refuses degenerate ones', () => {
    expect(parseViewBox('0 0 614 779')).toEqual({ x: 0, y: 0, width: 614, height: 779 });
    expect(parseViewBox(' -5,10, 20 30 ')).toEqual({ x: -5, y: 10, width: 20, height: 30 });
    expect(parseViewBox('0 0 0 10')).toBeUndefined();
    expect(parseViewBox(null)).toBeUndefined();
    expect(parseViewBox('0 0 auto 10')).toBeUndefined();
  });
});
