import roughModule from 'roughjs';
import { isVisible } from './styles.js';
import { strokeAttributes } from './svg-attributes.js';
import type { Point, Shape, ShapeStyle, SketchFill } from './types.js';
import { escapeXml, formatNumber as n, roundPathNumbers } from './xml.js';

type RoughApi = (typeof roughModule)['default'];
type RoughGenerator = ReturnType<RoughApi['generator']>;
type RoughOptions = NonNullable<Parameters<RoughGenerator['line']>[4]>;
type Drawable = ReturnType<RoughGenerator['line']>;

// roughjs ships CommonJS typed as an ES module, so where its API object sits depends on the loader.
const rough: RoughApi = (roughModule as unknown as { default?: RoughApi }).default ?? (roughModule as unknown as RoughApi);
const generator: RoughGenerator = rough.generator();

/** One shape drawn by hand through roughjs, as SVG path elements; `seed` and `index` fix its jitter. */
export function sketchShape(
  shape: Exclude<Shape, { kind: 'group' | 'text' | 'image' | 'region' }>,
  style: ShapeStyle,
  seed: number,
  index: number,
  fill: SketchFill,
): string {
  if (!isVisible(style)) return '';
  const filled = style.fill !== undefined && style.fill !== 'none';
  const stroked = style.stroke !== undefined && style.stroke !== 'none';
  const strokeWidth = stroked ? (style.strokeWidth ?? 1) : 0;
  // roughjs sizes hachures from the stroke width, which is zero for a shape with no outline.
  const hachureWidth = strokeWidth > 0 ? strokeWidth : 2;
  const options: RoughOptions = {
    seed: shapeSeed(seed, index),
    maxRandomnessOffset: jitterLimit(shape),
    stroke: stroked ? style.stroke : 'none',
    strokeWidth,
    fillStyle: fill,
    fillWeight: hachureWidth / 2,
    hachureGap: hachureWidth * 4,
  };
  if (filled) options.fill = style.fill;
  const drawable = roughDrawable(shape, options, filled);
  const paths = generator.toPaths(drawable);
  const elements = paths.map((path, i) => {
    const outline = drawable.sets[i]?.type === 'path';
    // Only the outline takes the dash; hachure lines stay solid. Round ends suit a pen stroke.
    const lineStyle: ShapeStyle = { lineCap: 'round', lineJoin: 'round', ...(outline ? style : {}) };
    const stroke = path.stroke === 'none' || path.strokeWidth === 0 ? '' : strokeAttributes(lineStyle, path.stroke, path.strokeWidth);
    return `<path d="${roundPathNumbers(path.d)}" fill="${escapeXml(path.fill ?? 'none')}"${stroke}/>`;
  });
  // Group opacity, so the fill does not show through the overlapping outline.
  if (style.opacity !== undefined && style.opacity !== 1) return `<g opacity="${n(style.opacity)}">${elements.join('')}</g>`;
  return elements.join('');
}

function roughDrawable(shape: Exclude<Shape, { kind: 'group' | 'text' | 'image' | 'region' }>, options: RoughOptions, filled: boolean): Drawable {
  switch (shape.kind) {
    case 'rect':
      if (shape.rx !== undefined && shape.rx > 0) return generator.path(roundedRectPath(shape.x, shape.y, shape.width, shape.height, shape.rx), options);
      return generator.rectangle(shape.x, shape.y, shape.width, shape.height, options);
    case 'line':
      return generator.line(shape.x1, shape.y1, shape.x2, shape.y2, options);
    case 'polyline':
      // linearPath cannot fill; a path of the same points fills the way SVG fills a polyline.
      if (filled) return generator.path(pointsPath(shape.points), options);
      return generator.linearPath(mutablePoints(shape.points), options);
    case 'polygon':
      return generator.polygon(mutablePoints(shape.points), options);
    case 'circle':
      return generator.circle(shape.cx, shape.cy, 2 * shape.r, options);
    case 'ellipse':
      return generator.ellipse(shape.cx, shape.cy, 2 * shape.rx, 2 * shape.ry, options);
    case 'path':
      return generator.path(shape.d, options);
  }
}

/**
 * roughjs jitters corners by up to 2 px whatever the shape's size, which melts a thin shape such
 * as a 2 px maze wall into a wedge; an eighth of the shape's smaller side keeps its form.
 * Lines and polylines already scale their jitter with each segment's length.
 */
function jitterLimit(shape: Exclude<Shape, { kind: 'group' | 'text' | 'image' | 'region' }>): number {
  if (shape.kind === 'line' || shape.kind === 'polyline') return 2;
  const smallerSide = Math.min(shape.box.width, shape.box.height);
  return Math.min(2, Math.max(0.25, smallerSide / 8));
}

function mutablePoints(points: readonly Point[]): [number, number][] {
  return points.map(([x, y]) => [x, y]);
}

function pointsPath(points: readonly Point[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${n(x)} ${n(y)}`).join(' ');
}

function roundedRectPath(x: number, y: number, width: number, height: number, rx: number): string {
  const r = Math.min(rx, width / 2, height / 2);
  return (
    `M${n(x + r)} ${n(y)} H${n(x + width - r)} A${n(r)} ${n(r)} 0 0 1 ${n(x + width)} ${n(y + r)}` +
    ` V${n(y + height - r)} A${n(r)} ${n(r)} 0 0 1 ${n(x + width - r)} ${n(y + height)}` +
    ` H${n(x + r)} A${n(r)} ${n(r)} 0 0 1 ${n(x)} ${n(y + height - r)}` +
    ` V${n(y + r)} A${n(r)} ${n(r)} 0 0 1 ${n(x + r)} ${n(y)} Z`
  );
}

/**
 * A non-zero 31-bit seed for one shape, mixed from the drawing's seed and the shape's index so
 * neighbouring shapes do not wobble alike. roughjs falls back to Math.random for seed 0.
 */
function shapeSeed(seed: number, index: number): number {
  let hash = Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(Math.floor(seed / 2 ** 32) | 0, 0x85ebca77) ^ Math.imul(index + 1, 0xc2b2ae3d);
  hash = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  hash = Math.imul(hash ^ (hash >>> 15), 0x846ca68b);
  hash ^= hash >>> 16;
  return ((hash >>> 0) % 0x7ffffffe) + 1;
}
