import type { Box, Point } from '@absynth/render';
import type { Outline } from './shapes.js';

/** Whether two boxes overlap once each is grown by `gap` on every side. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x - gap < b.x + b.width + gap && b.x - gap < a.x + a.width + gap && a.y - gap < b.y + b.height + gap && b.y - gap < a.y + a.height + gap;
}

/**
 * Whether a box comes within `gap` of a node drawn with `outline` in `node`: ellipses by their
 * curve (a box in the corner of an ellipse's bounding box clears it), other outlines by their box.
 */
export function boxMeetsOutline(outline: Outline, node: Box, box: Box, gap = 0): boolean {
  if (!boxesOverlap(node, box, gap)) return false;
  if (outline !== 'ellipse') return true;
  const rx = node.width / 2 + gap;
  const ry = node.height / 2 + gap;
  const cx = node.x + node.width / 2;
  const cy = node.y + node.height / 2;
  // Scaled so the ellipse is the unit circle, the box stays a box: it meets the circle when its nearest point does.
  const nx = (Math.max(box.x, Math.min(cx, box.x + box.width)) - cx) / rx;
  const ny = (Math.max(box.y, Math.min(cy, box.y + box.height)) - cy) / ry;
  return nx * nx + ny * ny < 1;
}

/** Whether the segment `p → q` passes through the box grown by `gap` (Liang–Barsky clipping). */
export function segmentHitsBox([px, py]: Point, [qx, qy]: Point, box: Box, gap = 0): boolean {
  const x0 = box.x - gap;
  const y0 = box.y - gap;
  const x1 = box.x + box.width + gap;
  const y1 = box.y + box.height + gap;
  const dx = qx - px;
  const dy = qy - py;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, px - x0],
    [dx, x1 - px],
    [-dy, py - y0],
    [dy, y1 - py],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** What two nodes closer than the gap count for in `straightLayoutProblems`. */
export const overlapWeight = 1000;

/**
 * How many things make a drawing of straight edges between boxes hard to read: edges that pass
 * through a node they do not join, edge labels that cover a node or another label, and pairs of
 * nodes closer than `gap`, which count as `overlapWeight` each (a drawing with any is unusable).
 * 0 means it reads unambiguously.
 */
export function straightLayoutProblems(nodes: ReadonlyMap<string, Box>, edges: readonly { from: string; to: string; label: Box | null }[], gap: number): number {
  let problems = 0;
  const boxes = [...nodes.entries()];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap((boxes[i] as [string, Box])[1], (boxes[j] as [string, Box])[1], gap)) problems += overlapWeight;
  }
  const centre = (b: Box): Point => [b.x + b.width / 2, b.y + b.height / 2];
  for (const edge of edges) {
    const a = nodes.get(edge.from);
    const b = nodes.get(edge.to);
    if (a === undefined || b === undefined) return Number.POSITIVE_INFINITY;
    for (const [id, box] of boxes) {
      if (id !== edge.from && id !== edge.to && segmentHitsBox(centre(a), centre(b), box, gap / 2)) problems++;
    }
  }
  const labels = edges.flatMap((e) => (e.label === null ? [] : [e.label]));
  for (let i = 0; i < labels.length; i++) {
    for (const [, box] of boxes) if (boxesOverlap(labels[i] as Box, box, 1)) problems++;
    for (let j = i + 1; j < labels.length; j++) if (boxesOverlap(labels[i] as Box, labels[j] as Box, 1)) problems++;
  }
  return problems;
}
