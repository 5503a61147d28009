import { type Box, type Pen, type Point, textColourOn } from '@absynth/render';
import { layoutGraph } from '../layout/elk.js';
import { fitLayout } from '../layout/fit.js';
import { boxesOverlap, overlapWeight, segmentHitsBox, straightLayoutProblems } from '../layout/quality.js';
import { clipToOutline, drawArrowHead, drawOutline, outlinePadding } from '../layout/shapes.js';
import type { GraphScene } from './scene.js';

/** Font size of node labels before the layout is scaled to fit, in pixels. */
export const labelSize = 14;
/** Blank border of the image, in pixels. */
const margin = 16;

/**
 * Space between neighbouring nodes of one layer (and, times 1.6, between layers) in layered
 * layouts: trees going right stack their leaves in tall columns, so those sit closer.
 */
export function layeredSpacing(style: 'layered-down' | 'layered-right', tree: boolean): number {
  return tree && style === 'layered-right' ? 10 : 26;
}

/** Region ids of a graph's parts. */
export const graphIds = {
  title: 'title',
  node: (id: string) => id,
  edge: (i: number) => `e${i + 1}`,
  weight: (i: number) => `e${i + 1}-weight`,
};

/** Node boxes at full size whose centres are spread over `area`, each axis scaled on its own. */
function spreadCentres(laid: ReadonlyMap<string, Box>, area: Box): Map<string, Box> {
  const centres = [...laid].map(([id, b]) => ({ id, b, x: b.x + b.width / 2, y: b.y + b.height / 2 }));
  const span = (values: number[]) => [Math.min(...values), Math.max(...values)] as const;
  const [x0, x1] = span(centres.map((c) => c.x));
  const [y0, y1] = span(centres.map((c) => c.y));
  const halfW = Math.max(...centres.map((c) => c.b.width)) / 2;
  const halfH = Math.max(...centres.map((c) => c.b.height)) / 2;
  const sx = x1 > x0 ? Math.min(1.5, (area.width - 2 * halfW) / (x1 - x0)) : 0;
  const sy = y1 > y0 ? Math.min(1.5, (area.height - 2 * halfH) / (y1 - y0)) : 0;
  const ox = area.x + area.width / 2 - ((x0 + x1) / 2) * sx;
  const oy = area.y + area.height / 2 - ((y0 + y1) / 2) * sy;
  return new Map(centres.map((c) => [c.id, { x: ox + c.x * sx - c.b.width / 2, y: oy + c.y * sy - c.b.height / 2, width: c.b.width, height: c.b.height }]));
}

/** The box of a label centred on the straight edge between two laid-out nodes. */
function midpointLabel(boxes: ReadonlyMap<string, Box>, from: string, to: string, size: { width: number; height: number } | null): Box | null {
  const a = boxes.get(from);
  const b = boxes.get(to);
  if (size === null || a === undefined || b === undefined) return null;
  const cx = (a.x + a.width / 2 + b.x + b.width / 2) / 2;
  const cy = (a.y + a.height / 2 + b.y + b.height / 2) / 2;
  return { x: cx - size.width / 2, y: cy - size.height / 2, width: size.width, height: size.height };
}

/** Draws the graph: title, then edges (with arrowheads and weights), then nodes with their labels. */
export function drawGraph(scene: GraphScene, pen: Pen): void {
  const { theme } = pen;
  const titleSize = 17;
  pen.text(pen.width / 2, margin, scene.title, { fontSize: titleSize, weight: 'bold', anchor: 'middle', baseline: 'top' }, { id: graphIds.title });
  const textHeight = labelSize * 1.2;
  const sizes = new Map(
    scene.nodes.map((node) => {
      const width = pen.measureText(node.label, labelSize);
      const pad = outlinePadding(node.shape, width, textHeight);
      // A minimum width keeps several arrowheads into a short label apart.
      return [node.id, { width: Math.ceil(Math.max(64, width + pad.width)), height: Math.ceil(textHeight + pad.height) }];
    }),
  );
  const weightText = (w: number | null) => (w === null ? '' : String(w));
  const weightSize = (w: number | null) => ({ width: pen.measureText(weightText(w), labelSize - 1) + 8, height: labelSize + 4 });
  // Seeded networks start the force-directed layout from their sampled positions, spread to the
  // typical distance between neighbours.
  const reach = 140 * Math.sqrt(scene.nodes.length);
  const nodes = scene.nodes.map((n) => ({
    id: n.id,
    ...(sizes.get(n.id) as { width: number; height: number }),
    ...(n.at === null ? {} : { x: n.at[0] * reach, y: n.at[1] * reach }),
  }));
  const edges = scene.edges.map((e, i) => ({ id: graphIds.edge(i), from: e.from, to: e.to, ...(e.weight === null ? {} : { label: weightSize(e.weight) }) }));
  const top = margin + titleSize * 1.6;
  const area = { x: margin, y: top, width: pen.width - 2 * margin, height: pen.height - top - margin };
  // Force-directed layouts place node centres, which are spread over the whole area (each axis
  // on its own, nodes kept at full size). They can still run an edge through a node or stack
  // labels: try the sampled positions themselves and other seeds, keep the first drawing without
  // problems or else the one with fewest; a network without sampled positions that no seed draws
  // cleanly gets a layered layout.
  let style = scene.layout;
  let layout = layoutGraph(nodes, edges, style, 30);
  let boxes = new Map<string, Box>();
  let scale = 1;
  if (style === 'force') {
    const problems = (candidate: Map<string, Box>) =>
      straightLayoutProblems(
        candidate,
        scene.edges.map((e) => ({ from: e.from, to: e.to, label: midpointLabel(candidate, e.from, e.to, e.weight === null ? null : weightSize(e.weight)) })),
        10,
      );
    let best = { boxes, problems: Number.POSITIVE_INFINITY };
    const consider = (candidate: Map<string, Box>) => {
      const count = problems(candidate);
      if (count < best.problems) best = { boxes: candidate, problems: count };
    };
    const seeded = scene.nodes.every((n) => n.at !== null);
    consider(spreadCentres(layout.nodes, area));
    // The sampled positions (near neighbours, no link close to a third node) come next, then other seeds.
    if (best.problems > 0 && seeded) consider(spreadCentres(new Map(nodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0, width: n.width, height: n.height }])), area));
    for (let seed = 2; seed <= 4 && best.problems > 0; seed++) consider(spreadCentres(layoutGraph(nodes, edges, style, 30, seed).nodes, area));
    boxes = best.boxes;
    // Touching nodes make any drawing unusable; so do other problems when there is no sampled layout to fall back on.
    if (best.problems >= overlapWeight || (best.problems > 0 && !seeded)) style = 'layered-down';
  }
  if (style !== 'force') {
    layout = layoutGraph(nodes, edges, style, layeredSpacing(style, scene.tree));
    const place = fitLayout(layout, area);
    scale = place.scale;
    boxes = new Map([...layout.nodes].map(([id, b]) => [id, place.box(b)]));
    for (const [id, routed] of layout.edges) {
      layout.edges.set(id, { points: routed.points.map(place.point), label: routed.label === null ? null : place.box(routed.label) });
    }
  }
  const shapeOf = new Map(scene.nodes.map((n) => [n.id, n.shape]));
  const line = theme.foreground;
  const width = Math.max(1, 1.6 * scale);

  scene.edges.forEach((edge, i) => {
    const from = boxes.get(edge.from) as Box;
    const to = boxes.get(edge.to) as Box;
    const routed = layout.edges.get(graphIds.edge(i));
    const centre = (b: Box): Point => [b.x + b.width / 2, b.y + b.height / 2];
    let points: Point[] =
      style === 'force' || routed === undefined || routed.points.length < 2 ? [centre(from), centre(to)] : [...routed.points];
    // Ends sit on the outlines, not on the layout's boxes (ellipses, hexagons).
    const first = clipToOutline(shapeOf.get(edge.from) ?? 'box', from, points[1] as Point, points[0] as Point);
    const last = clipToOutline(shapeOf.get(edge.to) ?? 'box', to, points.at(-2) as Point, points.at(-1) as Point);
    points = [first, ...points.slice(1, -1), last];
    const arrow = scene.directed ? 9 * Math.max(0.7, scale) : 0;
    if (arrow > 0) {
      // Stop the line at the arrowhead's base so its end does not poke through the tip.
      const prev = points.at(-2) as Point;
      const length = Math.hypot(last[0] - prev[0], last[1] - prev[1]) || 1;
      points[points.length - 1] = [last[0] - ((last[0] - prev[0]) / length) * arrow * 0.8, last[1] - ((last[1] - prev[1]) / length) * arrow * 0.8];
    }
    pen.polyline(points, { stroke: line, strokeWidth: width, lineJoin: 'round' }, { id: graphIds.edge(i), class: 'edge' });
    if (arrow > 0) drawArrowHead(pen, points.at(-2) as Point, last, arrow, line);
  });

  // A weight on a straight edge sits at its middle, or slides along it to where no other edge
  // crosses it and it covers no node or earlier weight: it must belong to one edge only.
  const centreOf = (b: Box): Point => [b.x + b.width / 2, b.y + b.height / 2];
  const placed: Box[] = [];
  const clear = (box: Box, own: number) =>
    scene.edges.every((e, k) => k === own || !segmentHitsBox(centreOf(boxes.get(e.from) as Box), centreOf(boxes.get(e.to) as Box), box, 1)) &&
    [...boxes.values()].every((b) => !boxesOverlap(b, box, 1)) &&
    placed.every((b) => !boxesOverlap(b, box, 1));
  scene.edges.forEach((edge, i) => {
    if (edge.weight === null) return;
    const routed = layout.edges.get(graphIds.edge(i));
    const text = weightText(edge.weight);
    const size = (labelSize - 1) * scale;
    const w = pen.measureText(text, size) + 6 * scale;
    const h = size * 1.3;
    let centre: Point;
    if (style !== 'force' && routed?.label) {
      const b = routed.label;
      centre = [b.x + b.width / 2, b.y + b.height / 2];
    } else {
      const [ax, ay] = centreOf(boxes.get(edge.from) as Box);
      const [bx, by] = centreOf(boxes.get(edge.to) as Box);
      const at = (t: number): Point => [ax + (bx - ax) * t, ay + (by - ay) * t];
      const box = ([x, y]: Point): Box => ({ x: x - w / 2, y: y - h / 2, width: w, height: h });
      centre = [0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8].map(at).find((c) => clear(box(c), i)) ?? at(0.5);
    }
    placed.push({ x: centre[0] - w / 2, y: centre[1] - h / 2, width: w, height: h });
    pen.group(graphIds.weight(i), () => {
      pen.rect(centre[0] - w / 2, centre[1] - h / 2, w, h, { fill: theme.background, stroke: theme.muted, strokeWidth: 1, rx: 3 });
      pen.text(centre[0], centre[1], text, { fontSize: size, anchor: 'middle', baseline: 'middle' });
    });
  });

  for (const node of scene.nodes) {
    const box = boxes.get(node.id) as Box;
    pen.group(graphIds.node(node.id), () => {
      drawOutline(pen, node.shape, box, { fill: node.colour.hex, stroke: line, strokeWidth: width });
      pen.text(box.x + box.width / 2, box.y + box.height / 2, node.label, {
        fontSize: labelSize * scale,
        anchor: 'middle',
        baseline: 'middle',
        fill: textColourOn(node.colour.hex),
      });
    }, { class: 'node' });
  }
}
