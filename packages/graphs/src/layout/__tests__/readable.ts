// The drawing checks that graphs and flowcharts share: every node's text drawn at a readable size,
// inside the image and its node's outline, and no two texts or nodes overlapping.
import type { Box, Pen } from '@absynth/render';

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

export interface Node {
  id: string;
  /** The text a reader must find in it, lines joined by spaces. */
  text: string;
}

/** Everything unreadable in one drawing of `nodes`: small or clipped texts, overlaps, node texts not inside their outline. */
export function problems(pen: Pen, nodes: readonly Node[]): string[] {
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
