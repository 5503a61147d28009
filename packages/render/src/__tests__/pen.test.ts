import { describe, expect, it } from 'vitest';
import { faceMetrics } from '../metrics.js';
import { createPen } from '../pen.js';
import { getTheme } from '../themes.js';
import type { Point, Shape } from '../types.js';

const theme = getTheme('light');
const newPen = () => createPen({ width: 200, height: 100, theme });

function only(pen: ReturnType<typeof newPen>): Shape {
  expect(pen.shapes).toHaveLength(1);
  return pen.shapes[0]!;
}

describe('shape boxes', () => {
  it('uses the rect itself, ignoring the stroke', () => {
    const pen = newPen();
    pen.rect(10, 20, 30, 40, { stroke: '#000', strokeWidth: 6 });
    expect(only(pen).box).toEqual({ x: 10, y: 20, width: 30, height: 40 });
  });

  it('widens lines, polylines and polygons by half the stroke width', () => {
    const pen = newPen();
    pen.line(10, 20, 50, 20, { stroke: '#000', strokeWidth: 4 });
    pen.polyline([[0, 0], [10, 30], [20, 5]], { stroke: '#000', strokeWidth: 2 });
    pen.polygon([[5, 5], [15, 5], [10, 15]], { fill: '#f00' });
    expect(pen.shapes.map((shape) => shape.box)).toEqual([
      { x: 8, y: 18, width: 44, height: 4 },
      { x: -1, y: -1, width: 22, height: 32 },
      { x: 5, y: 5, width: 10, height: 10 },
    ]);
  });

  it('defaults the stroke width to the theme line width, so the box widens by that', () => {
    const pen = newPen();
    pen.line(0, 10, 100, 10, { stroke: '#000' });
    const shape = only(pen);
    expect(shape.kind === 'line' && shape.style.strokeWidth).toBe(theme.lineWidth);
    expect(shape.box).toEqual({ x: -theme.lineWidth / 2, y: 10 - theme.lineWidth / 2, width: 100 + theme.lineWidth, height: theme.lineWidth });
  });

  it('bounds circles and ellipses', () => {
    const pen = newPen();
    pen.circle(50, 40, 10, { fill: '#000' });
    pen.ellipse(100, 50, 30, 5, { fill: '#000' });
    expect(pen.shapes.map((shape) => shape.box)).toEqual([
      { x: 40, y: 30, width: 20, height: 20 },
      { x: 70, y: 45, width: 60, height: 10 },
    ]);
  });

  it('takes a path box as given, copied', () => {
    const pen = newPen();
    const box = { x: 1, y: 2, width: 3, height: 4 };
    pen.path('M1 2 L4 6', box, { stroke: '#000' });
    box.x = 99;
    expect(only(pen).box).toEqual({ x: 1, y: 2, width: 3, height: 4 });
  });

  it('copies points, so changing the caller array later changes nothing', () => {
    const pen = newPen();
    const points: [number, number][] = [[0, 0], [10, 10]];
    pen.polyline(points, { stroke: '#000', strokeWidth: 0 });
    points[1]![0] = 500;
    const shape = only(pen);
    expect(shape.kind === 'polyline' && shape.points).toEqual([[0, 0], [10, 10]]);
    expect(shape.box.width).toBe(10);
  });
});

describe('text boxes', () => {
  const face = faceMetrics.sans.normal;
  const em = 20 / face.unitsPerEm;

  it('spans the measured width and the ascender-to-descender height at the baseline', () => {
    const pen = newPen();
    pen.text(10, 50, 'Hello', { fontSize: 20 });
    const width = pen.measureText('Hello', 20);
    expect(only(pen).box.x).toBe(10);
    expect(only(pen).box.width).toBeCloseTo(width, 10);
    expect(only(pen).box.y).toBeCloseTo(50 - face.ascender * em, 10);
    expect(only(pen).box.height).toBeCloseTo((face.ascender + face.descender) * em, 10);
  });

  it('honours the horizontal anchor', () => {
    const pen = newPen();
    for (const anchor of ['start', 'middle', 'end'] as const) pen.text(100, 50, 'Wide text', { fontSize: 20, anchor });
    const width = pen.measureText('Wide text', 20);
    expect(pen.shapes.map((shape) => shape.box.x)).toEqual([100, 100 - width / 2, 100 - width]);
  });

  it('honours the vertical anchor', () => {
    const pen = newPen();
    for (const baseline of ['alphabetic', 'top', 'bottom', 'middle'] as const) pen.text(0, 50, 'Hg', { fontSize: 20, baseline });
    const [alphabetic, top, bottom, middle] = pen.shapes.map((shape) => shape.box);
    expect(alphabetic!.y + face.ascender * em).toBeCloseTo(50, 10);
    expect(top!.y).toBeCloseTo(50, 10);
    expect(bottom!.y + bottom!.height).toBeCloseTo(50, 10);
    // Halfway up the capitals: the baseline sits half a cap height below y.
    expect(middle!.y + face.ascender * em).toBeCloseTo(50 + (face.capHeight * em) / 2, 10);
  });

  it('fills text defaults from the theme', () => {
    const paper = getTheme('paper');
    const pen = createPen({ width: 10, height: 10, theme: paper });
    pen.text(0, 0, 'a');
    const shape = only(pen);
    expect(shape.kind === 'text' && shape.style).toEqual({
      fill: paper.foreground,
      fontSize: 14,
      font: paper.font,
      weight: 'normal',
      anchor: 'start',
      baseline: 'alphabetic',
    });
  });

  it('rejects line breaks and control characters', () => {
    expect(() => newPen().text(0, 0, 'two\nlines')).toThrow(/pen\.text: text must be one line/);
    expect(() => newPen().text(0, 0, 'bell\u0007')).toThrow(/pen\.text/);
  });
});

describe('measureText', () => {
  it('uses the real advance widths of each face', () => {
    const pen = newPen();
    // DejaVu Sans Mono advances every character by 1233 of 2048 units.
    expect(pen.measureText('abc', 2048, 'mono')).toBe(3 * 1233);
    expect(pen.measureText('A', 2048, 'sans')).toBe(1401);
    expect(pen.measureText(' ', 2048, 'sans')).toBe(651);
    expect(pen.measureText('é', 2048, 'sans')).toBe(pen.measureText('e', 2048, 'sans'));
  });

  it('scales with the font size and differs by face and weight', () => {
    const pen = newPen();
    expect(pen.measureText('Hello', 28)).toBeCloseTo(2 * pen.measureText('Hello', 14), 10);
    expect(pen.measureText('Hello', 14, 'sans', 'bold')).toBeGreaterThan(pen.measureText('Hello', 14, 'sans'));
    expect(pen.measureText('Hello', 14, 'serif')).not.toBe(pen.measureText('Hello', 14, 'sans'));
    expect(pen.measureText('iiii', 14, 'sans')).toBeLessThan(pen.measureText('WWWW', 14, 'sans'));
  });

  it('counts characters outside Latin-1 as an average letter', () => {
    const pen = newPen();
    const average = faceMetrics.sans.normal.averageAdvance;
    expect(pen.measureText('日本', 2048)).toBe(2 * average);
    expect(pen.measureText('😀', 2048)).toBe(average);
  });

  it("defaults to the theme's font", () => {
    const pen = createPen({ width: 10, height: 10, theme: getTheme('blueprint') });
    expect(pen.measureText('ab', 2048)).toBe(2 * 1233);
  });
});

describe('groups and regions', () => {
  it('records the class of a mark on shapes, groups and regions, and the text a region carries', () => {
    const pen = newPen();
    pen.rect(0, 0, 5, 5, { fill: '#000' }, { id: 'b1', class: 'bar' });
    pen.group('n1', () => pen.circle(20, 20, 4, { fill: '#000' }), { class: 'node' });
    pen.region('tick-1', { x: 0, y: 30, width: 12, height: 8 }, { class: 'tick-label', text: '25' });
    pen.text(40, 40, 'plain');
    const [bar, node, tick, plain] = pen.shapes;
    expect([bar?.class, node?.class, tick?.class, plain?.class]).toEqual(['bar', 'node', 'tick-label', undefined]);
    expect(tick?.kind === 'region' && tick.text).toBe('25');
    expect(() => pen.rect(0, 0, 1, 1, {}, { class: '' })).toThrow("pen.rect: class must be a non-empty string, got \"\"");
  });

  it('collects the shapes drawn inside into one group whose box is their union', () => {
    const pen = newPen();
    pen.rect(0, 0, 5, 5, { fill: '#000' });
    pen.group('pair', () => {
      pen.rect(10, 10, 10, 10, { fill: '#000' }, { id: 'a' });
      pen.circle(50, 30, 5, { fill: '#000' }, { id: 'b' });
    });
    expect(pen.shapes).toHaveLength(2);
    const group = pen.shapes[1]!;
    expect(group.kind).toBe('group');
    expect(group.kind === 'group' && group.children.map((child) => child.id)).toEqual(['a', 'b']);
    expect(group.box).toEqual({ x: 10, y: 10, width: 45, height: 25 });
  });

  it('nests groups', () => {
    const pen = newPen();
    pen.group('outer', () => {
      pen.rect(0, 0, 10, 10, { fill: '#000' });
      pen.group('inner', () => pen.rect(90, 40, 10, 10, { fill: '#000' }, { id: 'deep' }));
    });
    expect(pen.regions()).toEqual(
      new Map([
        ['outer', { x: 0, y: 0, width: 100, height: 50 }],
        ['inner', { x: 90, y: 40, width: 10, height: 10 }],
        ['deep', { x: 90, y: 40, width: 10, height: 10 }],
      ]),
    );
  });

  it('lists every shape with an id, in drawing order, rounded to 0.01 px', () => {
    const pen = newPen();
    pen.rect(0, 0, 1, 1, { fill: '#000' }, { id: 'first' });
    pen.rect(0, 0, 1, 1, { fill: '#000' });
    pen.circle(10, 10, 1 / 3, { fill: '#000' }, { id: 'second' });
    expect([...pen.regions().keys()]).toEqual(['first', 'second']);
    expect(pen.regions().get('second')).toEqual({ x: 9.67, y: 9.67, width: 0.67, height: 0.67 });
  });

  it('rejects duplicate ids among shapes, groups and their children', () => {
    const pen = newPen();
    pen.rect(0, 0, 1, 1, {}, { id: 'x' });
    expect(() => pen.circle(0, 0, 1, {}, { id: 'x' })).toThrow("pen.circle: duplicate id 'x'");
    expect(() => pen.group('x', () => pen.rect(0, 0, 1, 1))).toThrow("pen.group: duplicate id 'x'");
    expect(() => pen.group('g', () => pen.rect(0, 0, 1, 1, {}, { id: 'g' }))).toThrow("pen.rect: duplicate id 'g'");
  });

  it('rejects an empty group and an asynchronous draw', () => {
    expect(() => newPen().group('empty', () => {})).toThrow("pen.group('empty'): draw drew nothing");
    expect(() => newPen().group('later', async () => {})).toThrow(/must be synchronous/);
  });

  it('leaves the pen usable after a group whose draw threw', () => {
    const pen = newPen();
    expect(() =>
      pen.group('broken', () => {
        pen.rect(0, 0, 1, 1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    pen.rect(5, 5, 1, 1, {}, { id: 'after' });
    expect(pen.shapes).toHaveLength(1);
    expect(pen.regions().has('after')).toBe(true);
  });
});

describe('argument checks', () => {
  it('names the call and the argument for non-finite numbers', () => {
    const pen = newPen();
    expect(() => pen.rect(Number.NaN, 0, 1, 1)).toThrow('pen.rect: x must be a finite number, got NaN');
    expect(() => pen.line(0, 0, Number.POSITIVE_INFINITY, 0)).toThrow('pen.line: x2 must be a finite number, got Infinity');
    expect(() => pen.circle(0, 0, Number.NaN)).toThrow('pen.circle: r must be a finite number, got NaN');
    expect(() => pen.ellipse(0, 0, 1, Number.NEGATIVE_INFINITY)).toThrow('pen.ellipse: ry must be a finite number, got -Infinity');
    expect(() => pen.text(0, Number.NaN, 'a')).toThrow('pen.text: y must be a finite number, got NaN');
    const points: Point[] = [[0, 0], [1, Number.NaN]];
    expect(() => pen.polygon(points)).toThrow('pen.polygon: points[1][1] must be a finite number, got NaN');
    expect(() => pen.path('M0 0', { x: 0, y: 0, width: Number.NaN, height: 1 })).toThrow('pen.path: box.width must be a finite number, got NaN');
    expect(() => pen.rect(0, 0, 1, 1, { strokeWidth: Number.NaN, stroke: '#000' })).toThrow('pen.rect: style.strokeWidth must be a finite number');
    expect(() => pen.text(0, 0, 'a', { fontSize: Number.POSITIVE_INFINITY })).toThrow('pen.text: style.fontSize must be a finite number');
    expect(pen.shapes).toHaveLength(0);
  });

  it('rejects negative sizes, too few points and bad canvas sizes', () => {
    const pen = newPen();
    expect(() => pen.rect(0, 0, -1, 1)).toThrow('pen.rect: width must not be negative, got -1');
    expect(() => pen.polyline([[0, 0]])).toThrow(/pen\.polyline: points must be an array of at least 2/);
    expect(() => pen.rect(0, 0, 1, 1, { opacity: 2 })).toThrow('pen.rect: style.opacity must be between 0 and 1, got 2');
    expect(() => pen.measureText('a', 0)).toThrow('pen.measureText: fontSize must be positive, got 0');
    expect(() => createPen({ width: 0, height: 10 })).toThrow('createPen: width must be a positive integer');
    expect(() => createPen({ width: 10, height: 10.5 })).toThrow('createPen: height must be a positive integer');
  });
});
