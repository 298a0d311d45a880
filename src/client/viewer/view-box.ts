// The zoom/pan state of the viewer as plain numbers, turned into an SVG viewBox. Zooming changes
// the viewBox (the browser re-renders the vector drawing at the new size) instead of scaling a
// bitmap with a CSS transform, so text and lines stay sharp at every zoom level.

/** A rectangle in the drawing's own units (its original viewBox). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** `scale`: screen pixels per drawing unit; `x`/`y`: the drawing point at the stage's top-left corner. */
export interface View {
  scale: number;
  x: number;
  y: number;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** The whole drawing, as large as the stage allows, centred. */
export function fitView(content: Box, stage: Size): View {
  const scale = Math.min(stage.width / content.width, stage.height / content.height) || 1;
  return centredAt(content.x + content.width / 2, content.y + content.height / 2, scale, stage);
}

function centredAt(cx: number, cy: number, scale: number, stage: Size): View {
  return { scale, x: cx - stage.width / 2 / scale, y: cy - stage.height / 2 / scale };
}

/** Zoom scale limits: down to the fitted size (or 100 % if that is smaller), up to 8× the larger of the two. */
export function scaleLimits(content: Box, stage: Size): { min: number; max: number } {
  const fit = fitView(content, stage).scale;
  return { min: Math.min(fit, 1), max: Math.max(fit, 1) * 8 };
}

/** Zoom by `factor`, keeping the drawing point under `point` (stage pixels) where it is. */
export function zoomAt(view: View, factor: number, point: Point, limits: { min: number; max: number }): View {
  const scale = clamp(view.scale * factor, limits.min, limits.max);
  const ux = view.x + point.x / view.scale;
  const uy = view.y + point.y / view.scale;
  return { scale, x: ux - point.x / scale, y: uy - point.y / scale };
}

/** Move the drawing by dx/dy screen pixels (drag right → the drawing moves right). */
export function panBy(view: View, dx: number, dy: number): View {
  return { scale: view.scale, x: view.x - dx / view.scale, y: view.y - dy / view.scale };
}

/** Keep the drawing in view: centred on an axis where it is smaller than the stage, else no empty margin. */
export function clampView(view: View, content: Box, stage: Size): View {
  const axis = (start: number, stageLength: number, contentStart: number, contentLength: number): number => {
    const visible = stageLength / view.scale;
    if (visible >= contentLength) return contentStart + contentLength / 2 - visible / 2;
    return clamp(start, contentStart, contentStart + contentLength - visible);
  };
  return {
    scale: view.scale,
    x: axis(view.x, stage.width, content.x, content.width),
    y: axis(view.y, stage.height, content.y, content.height),
  };
}

export function viewBoxOf(view: View, stage: Size): string {
  const round = (n: number): number => Math.round(n * 100) / 100;
  return [view.x, view.y, stage.width / view.scale, stage.height / view.scale].map(round).join(' ');
}

/** Parses `viewBox="x y w h"`; undefined when missing or degenerate. */
export function parseViewBox(value: string | null): Box | undefined {
  const [x, y, width, height] = (value ?? '').trim().split(/[\s,]+/).map(Number);
  if ([x, y, width, height].some((n) => n === undefined || !Number.isFinite(n)) || !(width! > 0) || !(height! > 0)) return undefined;
  return { x: x!, y: y!, width: width!, height: height! };
}
