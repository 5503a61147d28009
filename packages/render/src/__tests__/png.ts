import type { Pixels } from '../decode-png.js';

export type { Pixels } from '../decode-png.js';
export { decodePng } from '../decode-png.js';

/** Bounds of the pixels that differ from the colour at the top-left corner, or undefined when there are none. */
export function inkBounds(pixels: Pixels, area = { x: 0, y: 0, width: pixels.width, height: pixels.height }) {
  const { rgba, width } = pixels;
  const background = [rgba[0], rgba[1], rgba[2]];
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (let y = Math.max(0, area.y); y < Math.min(pixels.height, area.y + area.height); y++) {
    for (let x = Math.max(0, area.x); x < Math.min(width, area.x + area.width); x++) {
      const i = (y * width + x) * 4;
      const difference = Math.abs(rgba[i]! - background[0]!) + Math.abs(rgba[i + 1]! - background[1]!) + Math.abs(rgba[i + 2]! - background[2]!);
      // Faint anti-aliasing fringes would widen the bounds by a pixel without meaning anything.
      if (difference < 96) continue;
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x + 1);
      bottom = Math.max(bottom, y + 1);
    }
  }
  if (left === Number.POSITIVE_INFINITY) return undefined;
  return { left, top, right, bottom };
}
