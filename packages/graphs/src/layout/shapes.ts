import type { Box, Pen, Point, ShapeStyle } from '@absynth/render';

/** The outlines nodes and flowchart symbols are drawn with. */
export type Outline = 'box' | 'rounded' | 'ellipse' | 'hexagon' | 'diamond' | 'parallelogram' | 'stadium';

/** How far a parallelogram's top edge is shifted right of its bottom edge, as a share of the height. */
const slant = 0.45;

/** The corner points of a polygonal outline in its box, or `undefined` for curved ones. */
function polygon(outline: Outline, { x, y, width: w, height: h }: Box): Point[] | undefined {
  switch (outline) {
    case 'diamond':
      return [
        [x + w / 2, y],
        [x + w, y + h / 2],
        [x + w / 2, y + h],
        [x, y + h / 2],
      ];
    case 'hexagon': {
      const d = Math.min(h / 2, w / 4);
      return [
        [x + d, y],
        [x + w - d, y],
        [x + w, y + h / 2],
        [x + w - d, y + h],
        [x + d, y + h],
        [x, y + h / 2],
      ];
    }
    case 'parallelogram': {
      const d = h * slant;
      return [
        [x + d, y],
        [x + w, y],
        [x + w - d, y + h],
        [x, y + h],
      ];
    }
    default:
      return undefined;
  }
}

/** Extra width an outline needs around a text of the given width and height so the text stays inside. */
export function outlinePadding(outline: Outline, textWidth: number, textHeight: number): { width: number; height: number } {
  switch (outline) {
    case 'diamond':
      // A text box inside a diamond needs the diamond twice as wide and tall, less a little for short texts.
      return { width: textWidth + 2 * textHeight + 16, height: 2 * textHeight + 14 };
    case 'ellipse':
      return { width: textWidth * 0.42 + 22, height: textHeight + 14 };
    case 'parallelogram':
      return { width: 2 * (textHeight + 12) * slant + 16, height: 12 };
    case 'hexagon':
      return { width: textHeight + 22, height: 12 };
    case 'stadium':
      return { width: textHeight + 24, height: 12 };
    default:
      return { width: 18, height: 12 };
  }
}

function insidePolygon(points: readonly Point[], [px, py]: Point): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i] as Point;
    const [xj, yj] = points[j] as Point;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside an outline drawn in `box`. */
export function insideOutline(outline: Outline, box: Box, point: Point): boolean {
  const [px, py] = point;
  const points = polygon(outline, box);
  if (points !== undefined) return insidePolygon(points, point);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  if (outline === 'ellipse') return ((px - cx) / (box.width / 2)) ** 2 + ((py - cy) / (box.height / 2)) ** 2 <= 1;
  if (outline === 'stadium') {
    const r = box.height / 2;
    const dx = Math.max(0, Math.abs(px - cx) - (box.width / 2 - r));
    return dx * dx + (py - cy) ** 2 <= r * r;
  }
  return px >= box.x && px <= box.x + box.width && py >= box.y && py <= box.y + box.height;
}

/**
 * Moves the end of a segment `from → to` (which ends at or near the node) onto the node's
 * outline: the first point along the ray from `from` through `to` that is inside the outline.
 * Returns `to` unchanged when the ray misses the outline.
 */
export function clipToOutline(outline: Outline, box: Box, from: Point, to: Point): Point {
  const [fx, fy] = from;
  const dx = to[0] - fx;
  const dy = to[1] - fy;
  const length = Math.hypot(dx, dy);
  if (length === 0) return to;
  const reach = length + box.width + box.height;
  const at = (t: number): Point => [fx + (dx / length) * t, fy + (dy / length) * t];
  // March to the first inside point, then bisect back to the boundary.
  const step = 1;
  let t = insideOutline(outline, box, from) ? 0 : Math.max(0, length - Math.hypot(box.width, box.height));
  while (t <= reach && !insideOutline(outline, box, at(t))) t += step;
  if (t > reach) return to;
  let lo = Math.max(0, t - step);
  let hi = t;
  for (let k = 0; k < 12; k++) {
    const mid = (lo + hi) / 2;
    if (insideOutline(outline, box, at(mid))) hi = mid;
    else lo = mid;
  }
  return at(hi);
}

/** Draws an outline filled and stroked, with an id for its region. */
export function drawOutline(pen: Pen, outline: Outline, box: Box, style: ShapeStyle, id?: string): void {
  const options = id === undefined ? undefined : { id };
  const points = polygon(outline, box);
  if (points !== undefined) {
    pen.polygon(points, { lineJoin: 'round', ...style }, options);
    return;
  }
  if (outline === 'ellipse') {
    pen.ellipse(box.x + box.width / 2, box.y + box.height / 2, box.width / 2, box.height / 2, style, options);
    return;
  }
  const rx = outline === 'stadium' ? box.height / 2 : outline === 'rounded' ? Math.min(8, box.height / 3) : 0;
  pen.rect(box.x, box.y, box.width, box.height, { ...style, ...(rx > 0 ? { rx } : {}) }, options);
}

/** An arrowhead at `tip`, pointing along `from → tip`. */
export function drawArrowHead(pen: Pen, from: Point, tip: Point, size: number, colour: string): void {
  const dx = tip[0] - from[0];
  const dy = tip[1] - from[1];
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const back: Point = [tip[0] - ux * size, tip[1] - uy * size];
  const half = size * 0.45;
  pen.polygon(
    [tip, [back[0] - uy * half, back[1] + ux * half], [back[0] + uy * half, back[1] - ux * half]],
    { fill: colour, stroke: colour, strokeWidth: 1, lineJoin: 'round' },
  );
}
