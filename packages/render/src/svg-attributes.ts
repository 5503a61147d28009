import type { Point, ShapeStyle } from './types.js';
import { escapeXml, formatNumber as n } from './xml.js';

/** SVG `points` text of a point list. */
export function pointsAttribute(points: readonly Point[]): string {
  return points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
}

/** The presentation attributes of a shape style, each with a leading space. */
export function paintAttributes(style: ShapeStyle): string {
  let attributes = ` fill="${escapeXml(style.fill ?? 'none')}"`;
  if (style.stroke !== undefined && style.stroke !== 'none') attributes += strokeAttributes(style, style.stroke, style.strokeWidth ?? 1);
  if (style.opacity !== undefined && style.opacity !== 1) attributes += ` opacity="${n(style.opacity)}"`;
  if (style.crispEdges === true) attributes += ' shape-rendering="crispEdges"';
  return attributes;
}

/** Stroke colour, width, dash, cap and join attributes, each with a leading space. */
export function strokeAttributes(style: ShapeStyle, stroke: string, strokeWidth: number): string {
  let attributes = ` stroke="${escapeXml(stroke)}" stroke-width="${n(strokeWidth)}"`;
  if (style.dash !== undefined && style.dash.length > 0) attributes += ` stroke-dasharray="${style.dash.map(n).join(' ')}"`;
  if (style.lineCap !== undefined && style.lineCap !== 'butt') attributes += ` stroke-linecap="${style.lineCap}"`;
  if (style.lineJoin !== undefined && style.lineJoin !== 'miter') attributes += ` stroke-linejoin="${style.lineJoin}"`;
  return attributes;
}
