import type { Level } from '@absynth/core';
import type { Box, Pen } from '@absynth/render';
import { resolveParams, rngFromKey } from '@absynth/core';
import { createPen, getTheme, themeNames } from '@absynth/render';
import { describe, expect, it } from 'vitest';
import { flowcharts } from '../flowchart/scenario.js';
import type { FlowchartScene } from '../flowchart/scene.js';
import { graphs } from '../graph/scenario.js';
import { type GraphScene, graphFamilies } from '../graph/scene.js';

type Shape = Pen['shapes'][number];
type TextShape = Extract<Shape, { kind: 'text' }>;

/** Smallest font a reader can be asked to read, in pixels. */
const smallestFont = 9;
const slack = 0.5;

const overlap = (a: Box, b: Box) =>
  a.x + a.width > b.x + slack && b.x + b.width > a.x + slack && a.y + a.height > b.y + slack && b.y + b.height > a.y + slack;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
const boxText = (b: Box) => `[${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}]`;

function texts(shapes: readonly Shape[]): TextShape[] {
  return shapes.flatMap((s) => (s.kind === 'text' ? [s] : s.kind === 'group' ? texts(s.children) : []));
}

function groups(shapes: readonly Shape[]): Extract<Shape, { kind: 'group' }>[] {
  return shapes.flatMap((s) => (s.kind === 'group' ? [s, ...groups(s.children)] : []));
}

/** Whether a point lies inside the drawn outline (polygon, ellipse or rounded rectangle), with a little slack. */
function insideShape(shape: Shape, [px, py]: [number, number]): boolean {
  if (shape.kind === 'polygon') {
    // Inside a convex polygon: on the same side of every edge, within slack.
    const pts = shape.points;
    let sign = 0;
    for (let i = 0; i < pts.length; i++) {
      const [x1, y1] = pts[i] as readonly [number, number];
      const [x2, y2] = pts[(i + 1) % pts.length] as readonly [number, number];
      const length = Math.hypot(x2 - x1, y2 - y1) || 1;
      const side = ((x2 - x1) * (py - y1) - (y2 - y1) * (px - x1)) / length;
      if (Math.abs(side) <= slack) continue;
      if (sign === 0) sign = Math.sign(side);
      else if (Math.sign(side) !== sign) return false;
    }
    return true;
  }
  if (shape.kind === 'ellipse') return ((px - shape.cx) / (shape.rx + slack)) ** 2 + ((py - shape.cy) / (shape.ry + slack)) ** 2 <= 1;
  if (shape.kind === 'rect') {
    if (!inside({ x: px, y: py, width: 0, height: 0 }, shape.box)) return false;
    const r = shape.rx ?? 0;
    const cx = Math.max(shape.x + r, Math.min(shape.x + shape.width - r, px));
    const cy = Math.max(shape.y + r, Math.min(shape.y + shape.height - r, py));
    return Math.hypot(px - cx, py - cy) <= r + slack;
  }
  return inside({ x: px, y: py, width: 0, height: 0 }, shape.box);
}

interface Node {
  id: string;
  /** The text a reader must find in it, lines joined by spaces. */
  text: string;
}

/** Everything unreadable in one drawing. */
function problems(pen: Pen, nodes: readonly Node[]): string[] {
  const out: string[] = [];
  const all = texts(pen.shapes);
  const byId = new Map(groups(pen.shapes).map((g) => [g.id, g]));
  for (const t of all) {
    const size = t.style.fontSize ?? 0;
    if (size < smallestFont) out.push(`"${t.text}" at ${size.toFixed(1)} px`);
    if (!inside(t.box, { x: 0, y: 0, width: pen.width, height: pen.height })) out.push(`"${t.text}" outside the image ${boxText(t.box)}`);
  }
  all.forEach((t, i) => {
    for (const other of all.slice(i + 1)) if (overlap(t.box, other.box)) out.push(`text "${t.text}" overlaps "${other.text}"`);
  });
  for (const node of nodes) {
    const group = byId.get(node.id);
    if (group === undefined) {
      out.push(`node ${node.id} "${node.text}" not drawn`);
      continue;
    }
    const own = texts(group.children);
    const drawn = own.map((t) => t.text).join(' ');
    if (drawn !== node.text) out.push(`node ${node.id} reads "${drawn}", not "${node.text}"`);
    const outline = group.children.filter((c) => c.kind !== 'text');
    for (const t of own) {
      for (const shape of outline) {
        if (!inside(t.box, shape.box)) out.push(`"${t.text}" ${boxText(t.box)} sticks out of its node ${boxText(shape.box)}`);
        else {
          const { x, y, width, height } = t.box;
          const corners: [number, number][] = [
            [x, y],
            [x + width, y],
            [x, y + height],
            [x + width, y + height],
          ];
          if (corners.some((c) => !insideShape(shape, c))) out.push(`"${t.text}" ${boxText(t.box)} crosses the ${shape.kind} outline of its node`);
        }
      }
    }
  }
  const nodeGroups = nodes.flatMap((n) => byId.get(n.id) ?? []);
  nodeGroups.forEach((g, i) => {
    for (const other of nodeGroups.slice(i + 1)) if (overlap(g.box, other.box)) out.push(`nodes ${g.id} ${boxText(g.box)} and ${other.id} ${boxText(other.box)} overlap`);
  });
  return out;
}

const perLevel = 20;

async function drawGraphs(level: Level, extra: Record<string, unknown>, key: string, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let index = 0; index < count; index++) {
    const params = resolveParams(graphs, level, extra);
    const scene = graphs.sample(rngFromKey(`${key}\u0000${level}\u0000${index}`), params as never, { size: graphs.size?.(params as never) ?? { width: 640, height: 480 }, resources: {} }) as GraphScene;
    const theme = getTheme(themeNames[index % themeNames.length] as string);
    const pen = createPen({ ...(graphs.size?.(params as never) ?? { width: 640, height: 480 }), theme });
    await graphs.draw(scene, pen);
    const what = `level ${level} ${key} #${index} (${scene.family}, ${scene.layout}, ${scene.nodes.length} nodes)`;
    for (const p of problems(pen, scene.nodes.map((n) => ({ id: n.id, text: n.label })))) out.push(`${what}: ${p}`);
  }
  return out;
}

async function drawFlowcharts(level: Level, extra: Record<string, unknown>, key: string, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let index = 0; index < count; index++) {
    const params = resolveParams(flowcharts, level, extra);
    const scene = flowcharts.sample(rngFromKey(`${key}\u0000${level}\u0000${index}`), params as never, { size: flowcharts.size?.(params as never) ?? { width: 640, height: 480 }, resources: {} }) as FlowchartScene;
    const theme = getTheme(themeNames[index % themeNames.length] as string);
    const pen = createPen({ ...(flowcharts.size?.(params as never) ?? { width: 640, height: 480 }), theme });
    await flowcharts.draw(scene, pen);
    const what = `level ${level} ${key} #${index} (${scene.family} ${scene.name}, ${scene.nodes.length} symbols)`;
    for (const p of problems(pen, scene.nodes.map((n) => ({ id: n.id, text: n.text })))) out.push(`${what}: ${p}`);
  }
  return out;
}

describe.each([1, 2, 3, 4, 5] as const)('level %i drawings', (level: Level) => {
  it('graphs: every label drawn readable, inside its node, nothing overlapping', async () => {
    const found = await drawGraphs(level, {}, 'graphs-draw', perLevel);
    for (const family of graphFamilies) found.push(...(await drawGraphs(level, { family }, `graphs-draw-${family}`, 2)));
    expect(found).toEqual([]);
  });

  it('flowcharts: every symbol text drawn readable, inside its symbol, nothing overlapping', async () => {
    const found = await drawFlowcharts(level, {}, 'flowcharts-draw', perLevel);
    for (const family of ['algorithm', 'workflow']) found.push(...(await drawFlowcharts(level, { family }, `flowcharts-draw-${family}`, 2)));
    expect(found).toEqual([]);
  });
});

describe('the largest graphs the params allow', () => {
  it('34 nodes of every family draw readable', async () => {
    const found: string[] = [];
    for (const family of graphFamilies) found.push(...(await drawGraphs(5, { family, nodes: 34 }, `graphs-draw-34-${family}`, 3)));
    expect(found).toEqual([]);
  });
});
