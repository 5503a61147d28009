import { type Box, type Pen, type Point, textColourOn } from '@absynth/render';
import { layoutGraph } from '../layout/elk.js';
import { fitLayout } from '../layout/fit.js';
import { clipToOutline, drawArrowHead, drawOutline, type Outline, outlinePadding } from '../layout/shapes.js';
import type { FlowchartScene, FlowNodeKind } from './scene.js';

/** Font size of symbol texts before the layout is scaled to fit, in pixels. */
const textSize = 14;
const margin = 16;

/** The outline of each kind of symbol. */
export const outlines: Record<FlowNodeKind, Outline> = {
  start: 'stadium',
  end: 'stadium',
  input: 'parallelogram',
  output: 'parallelogram',
  process: 'box',
  decision: 'diamond',
};

/** Region ids of a flowchart's parts. */
export const flowIds = {
  title: 'title',
  node: (id: string) => id,
  edge: (i: number) => `a${i + 1}`,
  label: (i: number) => `a${i + 1}-label`,
};

/** Classes of the drawn symbols, which counts count by: every symbol, and its kind (input and output symbols are both `io`). */
export const flowClasses = {
  symbol: 'symbol',
  kind: (kind: FlowNodeKind) => (kind === 'input' || kind === 'output' ? 'io' : kind),
};

/** Splits a text longer than `most` characters into two lines at the space nearest its middle. */
export function wrap(text: string, most: number): string[] {
  if (text.length <= most) return [text];
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index ?? 0);
  if (spaces.length === 0) return [text];
  const at = spaces.reduce((best, i) => (Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2) ? i : best));
  return [text.slice(0, at), text.slice(at + 1)];
}

/** Draws the flowchart: title, arrows with their Yes/No labels, then the symbols with their texts. */
export function drawFlowchart(scene: FlowchartScene, pen: Pen): void {
  const { theme } = pen;
  const titleSize = 17;
  pen.text(pen.width / 2, margin, scene.title, { fontSize: titleSize, weight: 'bold', anchor: 'middle', baseline: 'top' }, { id: flowIds.title });
  const lineHeight = textSize * 1.2;
  const lines = new Map(scene.nodes.map((node) => [node.id, wrap(node.text, node.kind === 'decision' ? 16 : 30)]));
  const nodes = scene.nodes.map((node) => {
    const text = lines.get(node.id) as string[];
    const width = Math.max(...text.map((l) => pen.measureText(l, textSize)));
    const height = lineHeight * text.length;
    const pad = outlinePadding(outlines[node.kind], width, height);
    return { id: node.id, width: Math.ceil(Math.max(width + pad.width, node.kind === 'start' || node.kind === 'end' ? 90 : 70)), height: Math.ceil(height + pad.height) };
  });
  const labelSize = textSize - 1;
  const edges = scene.edges.map((edge, i) => ({
    id: flowIds.edge(i),
    from: edge.from,
    to: edge.to,
    ...(edge.label === null ? {} : { label: { width: pen.measureText(edge.label, labelSize) + 8, height: labelSize + 4 } }),
  }));
  const layout = layoutGraph(nodes, edges, scene.direction === 'DOWN' ? 'layered-down' : 'layered-right', 22);
  const top = margin + titleSize * 1.6;
  const place = fitLayout(layout, { x: margin, y: top, width: pen.width - 2 * margin, height: pen.height - top - margin });
  const boxes = new Map([...layout.nodes].map(([id, b]) => [id, place.box(b)]));
  const byId = new Map(scene.nodes.map((n) => [n.id, n]));
  const line = theme.foreground;
  const stroke = Math.max(1, 1.6 * place.scale);
  const arrow = 9 * Math.max(0.7, place.scale);

  scene.edges.forEach((edge, i) => {
    const routed = layout.edges.get(flowIds.edge(i));
    const from = boxes.get(edge.from) as Box;
    const to = boxes.get(edge.to) as Box;
    let points: Point[] = (routed?.points ?? []).map(place.point);
    if (points.length < 2) points = [[from.x + from.width / 2, from.y + from.height], [to.x + to.width / 2, to.y]];
    const first = clipToOutline(outlines[byId.get(edge.from)?.kind ?? 'process'], from, points[1] as Point, points[0] as Point);
    const last = clipToOutline(outlines[byId.get(edge.to)?.kind ?? 'process'], to, points.at(-2) as Point, points.at(-1) as Point);
    const prev = points.at(-2) as Point;
    const length = Math.hypot(last[0] - prev[0], last[1] - prev[1]) || 1;
    const stop: Point = [last[0] - ((last[0] - prev[0]) / length) * arrow * 0.8, last[1] - ((last[1] - prev[1]) / length) * arrow * 0.8];
    pen.polyline([first, ...points.slice(1, -1), stop], { stroke: line, strokeWidth: stroke, lineJoin: 'round' }, { id: flowIds.edge(i) });
    drawArrowHead(pen, prev, last, arrow, line);
  });

  scene.edges.forEach((edge, i) => {
    const label = layout.edges.get(flowIds.edge(i))?.label;
    if (edge.label === null || label === null || label === undefined) return;
    const b = place.box(label);
    pen.group(flowIds.label(i), () => {
      pen.rect(b.x, b.y, b.width, b.height, { fill: theme.background, stroke: 'none' });
      pen.text(b.x + b.width / 2, b.y + b.height / 2, edge.label as string, { fontSize: labelSize * place.scale, weight: 'bold', anchor: 'middle', baseline: 'middle' });
    });
  });

  for (const node of scene.nodes) {
    const box = boxes.get(node.id) as Box;
    const fill = scene.fills[node.kind].hex;
    pen.group(flowIds.node(node.id), () => {
      drawOutline(pen, outlines[node.kind], box, { fill, stroke: line, strokeWidth: stroke });
      const text = lines.get(node.id) as string[];
      const size = textSize * place.scale;
      text.forEach((part, k) => {
        const y = box.y + box.height / 2 + (k - (text.length - 1) / 2) * lineHeight * place.scale;
        pen.text(box.x + box.width / 2, y, part, { fontSize: size, anchor: 'middle', baseline: 'middle', fill: textColourOn(fill) });
      });
    }, { class: `${flowClasses.symbol} ${flowClasses.kind(node.kind)}` });
  }
}
