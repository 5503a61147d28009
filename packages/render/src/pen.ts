import { resolveShapeStyle, resolveTextStyle } from './styles.js';
import { measureText, textBox } from './text-metrics.js';
import { defaultTheme } from './themes.js';
import type { Box, FontFamily, Pen, Point, Shape, ShapeOptions, ShapeStyle, Theme } from './types.js';

/** What a pen is created with. */
export interface PenOptions {
  /** Image width in pixels, a positive integer. */
  width: number;
  /** Image height in pixels, a positive integer. */
  height: number;
  /** The theme styles default from; default `defaultTheme`. */
  theme?: Theme;
}

/** Creates a pen that records every drawing call, with its box, into a display list. */
export function createPen({ width, height, theme = defaultTheme }: PenOptions): Pen {
  requireSize('createPen', 'width', width);
  requireSize('createPen', 'height', height);
  const shapes: Shape[] = [];
  const usedIds = new Set<string>();
  // The innermost open group receives new shapes; the bottom entry is the display list itself.
  const targets: Shape[][] = [shapes];

  function claimId(call: string, id: string | undefined): void {
    if (id === undefined) return;
    if (typeof id !== 'string' || id === '') throw new Error(`pen.${call}: id must be a non-empty string, got ${JSON.stringify(id)}`);
    if (usedIds.has(id)) throw new Error(`pen.${call}: duplicate id '${id}'; every shape and group id in an image must be unique`);
    usedIds.add(id);
  }

  function markClass(call: string, shape: Shape, markClass: string | undefined): void {
    if (markClass === undefined) return;
    if (typeof markClass !== 'string' || markClass === '') throw new Error(`pen.${call}: class must be a non-empty string, got ${JSON.stringify(markClass)}`);
    shape.class = markClass;
  }

  function append(call: string, shape: Shape, options: ShapeOptions | undefined): void {
    claimId(call, options?.id);
    if (options?.id !== undefined) shape.id = options.id;
    markClass(call, shape, options?.class);
    targets[targets.length - 1]!.push(shape);
  }

  function shapeStyle(call: string, style: ShapeStyle | undefined): ShapeStyle {
    const copy: ShapeStyle = { ...style };
    if (copy.dash !== undefined) {
      copy.dash = copy.dash.map((length, i) => requireNonNegative(call, `style.dash[${i}]`, length));
    }
    if (copy.strokeWidth !== undefined) requireNonNegative(call, 'style.strokeWidth', copy.strokeWidth);
    if (copy.opacity !== undefined) requireRange(call, 'style.opacity', copy.opacity, 0, 1);
    return resolveShapeStyle(copy, theme);
  }

  const pen: Pen = {
    width,
    height,
    theme,
    get shapes() {
      return shapes;
    },

    rect(x, y, rectWidth, rectHeight, style, options) {
      requireFinite('rect', 'x', x);
      requireFinite('rect', 'y', y);
      requireNonNegative('rect', 'width', rectWidth);
      requireNonNegative('rect', 'height', rectHeight);
      const { rx, ...rest } = style ?? {};
      const shape: Shape = { kind: 'rect', x, y, width: rectWidth, height: rectHeight, style: shapeStyle('rect', rest), box: { x, y, width: rectWidth, height: rectHeight } };
      if (rx !== undefined && requireNonNegative('rect', 'style.rx', rx) > 0) shape.rx = rx;
      append('rect', shape, options);
    },

    line(x1, y1, x2, y2, style, options) {
      requireFinite('line', 'x1', x1);
      requireFinite('line', 'y1', y1);
      requireFinite('line', 'x2', x2);
      requireFinite('line', 'y2', y2);
      const resolved = shapeStyle('line', style);
      const box = strokedBounds([[x1, y1], [x2, y2]], resolved);
      append('line', { kind: 'line', x1, y1, x2, y2, style: resolved, box }, options);
    },

    polyline(points, style, options) {
      const copied = copyPoints('polyline', points);
      const resolved = shapeStyle('polyline', style);
      append('polyline', { kind: 'polyline', points: copied, style: resolved, box: strokedBounds(copied, resolved) }, options);
    },

    polygon(points, style, options) {
      const copied = copyPoints('polygon', points);
      const resolved = shapeStyle('polygon', style);
      append('polygon', { kind: 'polygon', points: copied, style: resolved, box: strokedBounds(copied, resolved) }, options);
    },

    circle(cx, cy, r, style, options) {
      requireFinite('circle', 'cx', cx);
      requireFinite('circle', 'cy', cy);
      requireNonNegative('circle', 'r', r);
      const box = { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r };
      append('circle', { kind: 'circle', cx, cy, r, style: shapeStyle('circle', style), box }, options);
    },

    ellipse(cx, cy, rx, ry, style, options) {
      requireFinite('ellipse', 'cx', cx);
      requireFinite('ellipse', 'cy', cy);
      requireNonNegative('ellipse', 'rx', rx);
      requireNonNegative('ellipse', 'ry', ry);
      const box = { x: cx - rx, y: cy - ry, width: 2 * rx, height: 2 * ry };
      append('ellipse', { kind: 'ellipse', cx, cy, rx, ry, style: shapeStyle('ellipse', style), box }, options);
    },

    image(png, x, y, imageWidth, imageHeight, options) {
      if (!(png instanceof Uint8Array) || png.length < 8 || png[0] !== 0x89 || png[1] !== 0x50 || png[2] !== 0x4e || png[3] !== 0x47) {
        throw new Error('pen.image: png must be the bytes of a PNG file');
      }
      requireFinite('image', 'x', x);
      requireFinite('image', 'y', y);
      requireNonNegative('image', 'width', imageWidth);
      requireNonNegative('image', 'height', imageHeight);
      const box = { x, y, width: imageWidth, height: imageHeight };
      append('image', { kind: 'image', x, y, width: imageWidth, height: imageHeight, png: Uint8Array.from(png), box }, options);
    },

    region(id, box, options) {
      if (typeof id !== 'string' || id === '') throw new Error(`pen.region: id must be a non-empty string, got ${JSON.stringify(id)}`);
      requireFinite('region', 'box.x', box.x);
      requireFinite('region', 'box.y', box.y);
      requireNonNegative('region', 'box.width', box.width);
      requireNonNegative('region', 'box.height', box.height);
      const shape: Shape = { kind: 'region', id, box: { x: box.x, y: box.y, width: box.width, height: box.height } };
      if (options?.text !== undefined) {
        if (typeof options.text !== 'string') throw new Error(`pen.region: text must be a string, got ${typeof options.text}`);
        shape.text = options.text;
      }
      if (options?.fontSize !== undefined) {
        if (options.text === undefined) throw new Error(`pen.region: fontSize is the size of a text, but region '${id}' has no text`);
        requirePositive('region', 'fontSize', options.fontSize);
        shape.fontSize = options.fontSize;
      }
      if (options?.sweep !== undefined) {
        if (!(options.sweep >= 0 && options.sweep <= 1)) throw new Error(`pen.region: sweep must be a share of a full turn in [0, 1], got ${options.sweep}`);
        shape.sweep = options.sweep;
      }
      append('region', shape, { id, class: options?.class });
    },

    path(d, box, style, options) {
      if (typeof d !== 'string' || d.trim() === '') throw new Error('pen.path: d must be non-empty SVG path data');
      requireFinite('path', 'box.x', box.x);
      requireFinite('path', 'box.y', box.y);
      requireNonNegative('path', 'box.width', box.width);
      requireNonNegative('path', 'box.height', box.height);
      const copiedBox = { x: box.x, y: box.y, width: box.width, height: box.height };
      append('path', { kind: 'path', d, style: shapeStyle('path', style), box: copiedBox }, options);
    },

    text(x, y, text, style, options) {
      requireFinite('text', 'x', x);
      requireFinite('text', 'y', y);
      if (typeof text !== 'string') throw new Error(`pen.text: text must be a string, got ${typeof text}`);
      // XML cannot carry most control characters, and SVG would fold line breaks into spaces.
      if (containsControlCharacter(text)) {
        throw new Error(`pen.text: text must be one line without control characters, got ${JSON.stringify(text)}; draw one text per line`);
      }
      if (style?.fontSize !== undefined) requirePositive('text', 'style.fontSize', style.fontSize);
      const resolved = resolveTextStyle(style ?? {}, theme);
      append('text', { kind: 'text', x, y, text, style: resolved, box: textBox(x, y, text, resolved) }, options);
    },

    group(id, draw, options) {
      claimId('group', id);
      const children: Shape[] = [];
      targets.push(children);
      try {
        const result: unknown = draw();
        if (result instanceof Promise) {
          result.catch(() => {});
          throw new Error(`pen.group('${id}'): draw must be synchronous; shapes drawn after an await would land outside the group`);
        }
      } finally {
        targets.pop();
      }
      if (children.length === 0) throw new Error(`pen.group('${id}'): draw drew nothing, so the group has no box`);
      const box = unionOfBoxes(children.map((child) => child.box));
      const group: Shape = { kind: 'group', id, children, box };
      markClass('group', group, options?.class);
      targets[targets.length - 1]!.push(group);
    },

    measureText(text, fontSize, font?: FontFamily, weight?: 'normal' | 'bold') {
      requirePositive('measureText', 'fontSize', fontSize);
      return measureText(text, fontSize, font ?? theme.font, weight ?? 'normal');
    },

    regions() {
      return collectRegions(shapes);
    },
  };
  return pen;
}

/** The boxes of every shape and group with an id, rounded to 0.01 px, in drawing order (a group before its children). */
export function collectRegions(shapes: readonly Shape[]): Map<string, Box> {
  const regions = new Map<string, Box>();
  const visit = (shape: Shape): void => {
    if (shape.id !== undefined) {
      if (regions.has(shape.id)) throw new Error(`duplicate region id '${shape.id}'; every shape and group id in an image must be unique`);
      const { x, y, width, height } = shape.box;
      regions.set(shape.id, { x: round2(x), y: round2(y), width: round2(width), height: round2(height) });
    }
    if (shape.kind === 'group') shape.children.forEach(visit);
  };
  shapes.forEach(visit);
  return regions;
}

/** The smallest box containing all of `boxes`, which must not be empty. */
export function unionOfBoxes(boxes: readonly Box[]): Box {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function strokedBounds(points: readonly Point[], style: ShapeStyle): Box {
  const halfStroke = style.stroke !== undefined && style.stroke !== 'none' ? (style.strokeWidth ?? 0) / 2 : 0;
  const bounds = unionOfBoxes(points.map(([x, y]) => ({ x, y, width: 0, height: 0 })));
  return {
    x: bounds.x - halfStroke,
    y: bounds.y - halfStroke,
    width: bounds.width + 2 * halfStroke,
    height: bounds.height + 2 * halfStroke,
  };
}

function copyPoints(call: string, points: readonly Point[]): Point[] {
  if (!Array.isArray(points) || points.length < 2) {
    throw new Error(`pen.${call}: points must be an array of at least 2 [x, y] points, got ${Array.isArray(points) ? points.length : typeof points}`);
  }
  return points.map(([x, y], i): Point => [requireFinite(call, `points[${i}][0]`, x), requireFinite(call, `points[${i}][1]`, y)]);
}

function containsControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function round2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

function requireFinite(call: string, name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`pen.${call}: ${name} must be a finite number, got ${String(value)}`);
  }
  return value;
}

function requireNonNegative(call: string, name: string, value: number): number {
  requireFinite(call, name, value);
  if (value < 0) throw new Error(`pen.${call}: ${name} must not be negative, got ${value}`);
  return value;
}

function requirePositive(call: string, name: string, value: number): number {
  requireFinite(call, name, value);
  if (value <= 0) throw new Error(`pen.${call}: ${name} must be positive, got ${value}`);
  return value;
}

function requireRange(call: string, name: string, value: number, min: number, max: number): number {
  requireFinite(call, name, value);
  if (value < min || value > max) throw new Error(`pen.${call}: ${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function requireSize(call: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${call}: ${name} must be a positive integer number of pixels, got ${String(value)}`);
}
