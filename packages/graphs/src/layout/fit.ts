import type { Box, Point } from '@absynth/render';
import type { Layout } from './elk.js';

/** How a layout is placed in the image: scaled to fit `area` (enlarged at most 1.5 times), and centred. */
export interface Placement {
  scale: number;
  point(p: Point): Point;
  box(b: Box): Box;
}

/** Fits a layout into an area of the image. */
export function fitLayout(layout: Layout, area: Box): Placement {
  const scale = Math.min(1.5, area.width / Math.max(1, layout.width), area.height / Math.max(1, layout.height));
  const dx = area.x + (area.width - layout.width * scale) / 2;
  const dy = area.y + (area.height - layout.height * scale) / 2;
  return {
    scale,
    point: ([x, y]) => [dx + x * scale, dy + y * scale],
    box: (b) => ({ x: dx + b.x * scale, y: dy + b.y * scale, width: b.width * scale, height: b.height * scale }),
  };
}
