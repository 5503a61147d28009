import { type Box, type Pen, type Point, textColourOn } from '@absynth/render';
import { type Layout, layoutGraph } from '../layout/elk.js';
import { hangingLayout } from '../layout/hanging.js';
import { fitLayout } from '../layout/fit.js';
import { boxesOverlap, boxMeetsOutline, segmentHitsBox, straightLayoutProblems } from '../layout/quality.js';
import { clipToOutline, drawArrowHead, drawOutline, outlinePadding } from '../layout/shapes.js';
import type { GraphScene } from './scene.js';

/** Font size of node labels before the layout is scaled to fit, in pixels. */
export const labelSize = 14;
/** The smallest size a layout scaled down to fit may draw a text at, in pixels. */
const smallestText = 10;
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

/**
 * Classes of the drawn marks, which questions count by: every node and every edge; in trees the
 * leaves, the children of each node and everything under it; the edges at each node.
 */
export const markClasses = {
  node: 'node',
  edge: 'edge',
  leaf: 'leaf',
  childOf: (id: string) => `child-of-${id}`,
  under: (id: string) => `under-${id}`,
  at: (id: string) => `at-${id}`,
  /** Nodes filled in a colour: `fill-light-blue`. */
  fill: (name: string) => `fill-${name.replace(/ /g, '-')}`,
};

/** The classes of a node's mark: `node`, `fill-<colour>`, and in trees `leaf`, `child-of-<parent>` and `under-<each node above>`. */
function nodeClass(scene: GraphScene, id: string): string {
  const fill = markClasses.fill(scene.nodes.find((n) => n.id === id)?.colour.name ?? '');
  if (!scene.tree) return `${markClasses.node} ${fill}`;
  const parent = new Map(scene.edges.map((e) => [e.to, e.from]));
  const classes = [markClasses.node, fill];
  if (!scene.edges.some((e) => e.from === id)) classes.push(markClasses.leaf);
  const above = parent.get(id);
  if (above !== undefined) classes.push(markClasses.childOf(above));
  for (let at = above; at !== undefined; at = parent.get(at)) classes.push(markClasses.under(at));
  return classes.join(' ');
}

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

/** Where along a straight edge a weight may sit, in order of preference: its middle first. */
const weightSpots = [0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8];

/**
 * The boxes of the weights on straight edges between node centres: each at its edge's middle, or
 * slid along the edge to the first spot that no other edge crosses and that covers no node (by
 * its outline) or earlier weight, so it belongs to one edge only; `crowded` counts the weights with no such spot
 * (left at the middle).
 */
function placeStraightWeights(
  scene: GraphScene,
  boxes: ReadonlyMap<string, Box>,
  sizeOf: (weight: number) => { width: number; height: number },
): { labels: (Box | null)[]; crowded: number } {
  const { edges } = scene;
  const centreOf = (b: Box): Point => [b.x + b.width / 2, b.y + b.height / 2];
  const placed: Box[] = [];
  let crowded = 0;
  const clear = (box: Box, own: number) =>
    edges.every((e, k) => k === own || !segmentHitsBox(centreOf(boxes.get(e.from) as Box), centreOf(boxes.get(e.to) as Box), box, 1)) &&
    scene.nodes.every((n) => !boxMeetsOutline(n.shape, boxes.get(n.id) as Box, box, 1)) &&
    placed.every((b) => !boxesOverlap(b, box, 1));
  const labels = edges.map((edge, i) => {
    if (edge.weight === null) return null;
    const { width: w, height: h } = sizeOf(edge.weight);
    const [ax, ay] = centreOf(boxes.get(edge.from) as Box);
    const [bx, by] = centreOf(boxes.get(edge.to) as Box);
    const box = (t: number): Box => ({ x: ax + (bx - ax) * t - w / 2, y: ay + (by - ay) * t - h / 2, width: w, height: h });
    let found = weightSpots.map(box).find((b) => clear(b, i));
    if (found === undefined) {
      crowded++;
      found = box(0.5);
    }
    placed.push(found);
    return found;
  });
  return { labels, crowded };
}

/** Draws the graph: title, then edges (with arrowheads and weights), then nodes with their labels. */
export function drawGraph(scene: GraphScene, pen: Pen): void {
  const { theme } = pen;
  const titleSize = 17;
  pen.text(pen.width / 2, margin, scene.title, { fontSize: titleSize, weight: 'bold', anchor: 'middle', baseline: 'top' }, { id: graphIds.title });
  // Nodes and weights measured at a font size (before the layout is scaled).
  const measured = (font: number) => {
    const textHeight = font * 1.2;
    const sizes = new Map(
      scene.nodes.map((node) => {
        const width = pen.measureText(node.label, font);
        const pad = outlinePadding(node.shape, width, textHeight);
        // A minimum width keeps several arrowheads into a short label apart.
        return [node.id, { width: Math.ceil(Math.max(64, width + pad.width)), height: Math.ceil(textHeight + pad.height) }];
      }),
    );
    const weightSize = (w: number) => ({ width: pen.measureText(weightText(w), font - 1) + 8, height: font + 4 });
    // Seeded networks start the force-directed layout from their sampled positions, spread to the
    // typical distance between neighbours.
    const reach = 140 * Math.sqrt(scene.nodes.length);
    const nodes = scene.nodes.map((n) => ({
      id: n.id,
      ...(sizes.get(n.id) as { width: number; height: number }),
      ...(n.at === null ? {} : { x: n.at[0] * reach, y: n.at[1] * reach }),
    }));
    const edges = scene.edges.map((e, i) => ({ id: graphIds.edge(i), from: e.from, to: e.to, ...(e.weight === null ? {} : { label: weightSize(e.weight) }) }));
    return { nodes, edges };
  };
  const weightText = (w: number | null) => (w === null ? '' : String(w));
  // A weight as drawn on a straight edge (force-directed layouts are not scaled).
  const drawnWeight = (w: number) => ({ width: pen.measureText(weightText(w), labelSize - 1) + 6, height: (labelSize - 1) * 1.3 });
  const { nodes, edges } = measured(labelSize);
  const top = margin + titleSize * 1.6;
  const area = { x: margin, y: top, width: pen.width - 2 * margin, height: pen.height - top - margin };
  // Force-directed layouts place node centres, which are spread over the whole area (each axis
  // on its own, nodes kept at full size). They can still run an edge through a node, or leave a
  // weight no spot of its edge that is clear of other edges, nodes and weights: try the sampled
  // positions themselves and other seeds, keep the first drawing without problems; a network that
  // none draws cleanly gets a layered layout.
  let style = scene.layout;
  let layout: Layout = { width: 0, height: 0, nodes: new Map(), edges: new Map() };
  let boxes = new Map<string, Box>();
  let scale = 1;
  let font = labelSize;
  if (style === 'force') {
    layout = layoutGraph(nodes, edges, style, 30);
    const problems = (candidate: Map<string, Box>) => {
      // Weights without a clear spot are the weights' problems; the rest are edges through nodes and nodes too close.
      const weights = placeStraightWeights(scene, candidate, drawnWeight);
      return straightLayoutProblems(candidate, scene.edges.map((e) => ({ from: e.from, to: e.to, label: null })), 10) + weights.crowded;
    };
    const seeded = scene.nodes.every((n) => n.at !== null);
    const candidates = function* () {
      yield spreadCentres(layout.nodes, area);
      // The sampled positions (near neighbours, no link close to a third node) come next, then other seeds.
      if (seeded) yield spreadCentres(new Map(nodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0, width: n.width, height: n.height }])), area);
      for (let seed = 2; seed <= 4; seed++) yield spreadCentres(layoutGraph(nodes, edges, 'force', 30, seed).nodes, area);
    };
    let clean: Map<string, Box> | undefined;
    for (const candidate of candidates()) {
      if (problems(candidate) > 0) continue;
      clean = candidate;
      break;
    }
    // An edge through a node hides that edge (and the weight on it): a network no candidate draws cleanly gets a layered layout.
    if (clean === undefined) style = 'layered-down';
    else boxes = clean;
  }
  if (style !== 'force') {
    // A layout scaled down to fit draws its texts smaller: when the smallest text (the weights,
    // one size under the labels, where there are weights; else the labels) would fall under
    // `smallestText`, lay the graph out again from texts measured larger (the spacing does not
    // grow with them, so the drawn text does).
    const smallestAt = (f: number, s: number) => (scene.weighted ? f - 1 : f) * s;
    for (let attempt = 0; ; attempt++) {
      const { nodes: sized, edges: sizedEdges } = measured(font);
      layout = style === 'hanging' ? hangingLayout(sized, sizedEdges) : layoutGraph(sized, sizedEdges, style, layeredSpacing(style, scene.tree));
      scale = fitLayout(layout, area).scale;
      if (smallestAt(font, scale) >= smallestText || attempt === 3) break;
      font *= (smallestText / smallestAt(font, scale)) * 1.05;
    }
    const place = fitLayout(layout, area);
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
    pen.polyline(points, { stroke: line, strokeWidth: width, lineJoin: 'round' }, { id: graphIds.edge(i), class: [markClasses.edge, markClasses.at(edge.from), markClasses.at(edge.to)].join(' ') });
    if (arrow > 0) drawArrowHead(pen, points.at(-2) as Point, last, arrow, line);
  });

  // A weight sits where ELK put it on a layered drawing, or on its straight edge where no other
  // edge crosses it and it covers no node or other weight: it must belong to one edge only.
  const straight = style === 'force' ? placeStraightWeights(scene, boxes, drawnWeight).labels : [];
  scene.edges.forEach((edge, i) => {
    if (edge.weight === null) return;
    const routed = layout.edges.get(graphIds.edge(i));
    const text = weightText(edge.weight);
    const size = (font - 1) * scale;
    const w = pen.measureText(text, size) + 6 * scale;
    const h = size * 1.3;
    const b = style === 'force' ? straight[i] : routed?.label;
    const centre: Point = b ? [b.x + b.width / 2, b.y + b.height / 2] : [0, 0];
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
        fontSize: font * scale,
        anchor: 'middle',
        baseline: 'middle',
        fill: textColourOn(node.colour.hex),
      });
    }, { class: nodeClass(scene, node.id) });
  }
}
