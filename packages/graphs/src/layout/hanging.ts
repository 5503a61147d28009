import type { Box, Point } from '@absynth/render';
import type { Layout, LayoutNode } from './elk.js';

/** Spacings of a {@link hangingLayout}, in pixels before the layout is scaled to fit. */
export interface HangingSpacing {
  /** Between neighbouring subtrees of one layer. */
  gap: number;
  /** Between a layer's nodes and the next layer's. */
  layerGap: number;
  /** Between the leaves of one column, and above the first. */
  stackGap: number;
  /** From the line down a parent's side to the left edge of its leaves. */
  indent: number;
}

/** The spacings graphs use: those of a layered tree going down, and tight columns of leaves. */
export const hangingSpacing: HangingSpacing = { gap: 26, layerGap: 26 * 1.6, stackGap: 10, indent: 16 };

/**
 * A top-down tree in the organisation-chart style: the leaves of a node whose children are all
 * leaves (two or more) hang in a column below it, joined by a line down its left side; other
 * children sit side by side in the next layer, joined through a bus line. A wide last layer (the
 * teams of every department) then takes a few columns instead of one long row, so large trees
 * keep legible labels on a landscape canvas. Edges are orthogonal polylines from the parent's
 * bottom to the child's top (side by side) or left side (hung). Deterministic; coordinates start at (0, 0).
 */
export function hangingLayout(
  nodes: readonly LayoutNode[],
  edges: readonly { id: string; from: string; to: string }[],
  spacing: HangingSpacing = hangingSpacing,
): Layout {
  const { gap, layerGap, stackGap, indent } = spacing;
  const size = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) children.get(e.from)?.push(e.to);
  const edgeId = new Map(edges.map((e) => [`${e.from}\u0000${e.to}`, e.id]));
  const root = nodes.find((n) => !edges.some((e) => e.to === n.id))?.id ?? nodes[0]?.id;
  const empty: Layout = { width: 0, height: 0, nodes: new Map(), edges: new Map() };
  if (root === undefined) return empty;
  const kids = (id: string) => children.get(id) ?? [];
  const w = (id: string) => size.get(id)?.width ?? 0;
  const h = (id: string) => size.get(id)?.height ?? 0;
  const hangs = (id: string) => kids(id).length >= 2 && kids(id).every((c) => kids(c).length === 0);
  // Where the line down a hanging parent's side leaves it, from its left edge.
  const spine = (id: string) => Math.min(w(id) / 2, 20);

  // Layers of the nodes that are not hung, each as tall as its tallest node.
  const depth = new Map<string, number>([[root, 0]]);
  const layerHeight: number[] = [];
  const visit = (id: string) => {
    const d = depth.get(id) ?? 0;
    layerHeight[d] = Math.max(layerHeight[d] ?? 0, h(id));
    if (hangs(id)) return;
    for (const c of kids(id)) {
      depth.set(c, d + 1);
      visit(c);
    }
  };
  visit(root);
  const layerTop: number[] = [0];
  for (let d = 1; d < layerHeight.length; d++) layerTop[d] = (layerTop[d - 1] ?? 0) + (layerHeight[d - 1] ?? 0) + layerGap;

  const widths = new Map<string, number>();
  const widthOf = (id: string): number => {
    let width = w(id);
    if (hangs(id)) width = Math.max(width, spine(id) + indent + Math.max(...kids(id).map(w)));
    else if (kids(id).length > 0) width = Math.max(width, kids(id).reduce((s, c) => s + widthOf(c), 0) + gap * (kids(id).length - 1));
    widths.set(id, width);
    return width;
  };
  widthOf(root);

  const boxes = new Map<string, Box>();
  const routed = new Map<string, { points: Point[]; label: Box | null }>();
  const route = (from: string, to: string, points: Point[]) => {
    const id = edgeId.get(`${from}\u0000${to}`);
    if (id !== undefined) routed.set(id, { points, label: null });
  };
  // Places the subtree of `id` in the span starting at `x0`; returns the centre of its top node.
  const place = (id: string, x0: number): number => {
    const d = depth.get(id) ?? 0;
    const y = (layerTop[d] ?? 0) + ((layerHeight[d] ?? 0) - h(id)) / 2;
    const span = widths.get(id) ?? w(id);
    if (hangs(id)) {
      boxes.set(id, { x: x0, y, width: w(id), height: h(id) });
      const sx = x0 + spine(id);
      let top = y + h(id) + stackGap * 1.5;
      for (const c of kids(id)) {
        const box = { x: sx + indent, y: top, width: w(c), height: h(c) };
        boxes.set(c, box);
        route(id, c, [
          [sx, y + h(id)],
          [sx, top + h(c) / 2],
          [box.x, top + h(c) / 2],
        ]);
        top += h(c) + stackGap;
      }
      return x0 + w(id) / 2;
    }
    if (kids(id).length === 0) {
      boxes.set(id, { x: x0 + (span - w(id)) / 2, y, width: w(id), height: h(id) });
      return x0 + span / 2;
    }
    const inner = kids(id).reduce((s, c) => s + (widths.get(c) ?? 0), 0) + gap * (kids(id).length - 1);
    let at = x0 + (span - inner) / 2;
    const centres = kids(id).map((c) => {
      const centre = place(c, at);
      at += (widths.get(c) ?? 0) + gap;
      return centre;
    });
    const cx = Math.min(x0 + span - w(id) / 2, Math.max(x0 + w(id) / 2, ((centres[0] as number) + (centres.at(-1) as number)) / 2));
    boxes.set(id, { x: cx - w(id) / 2, y, width: w(id), height: h(id) });
    const bus = (layerTop[d] ?? 0) + (layerHeight[d] ?? 0) + layerGap / 2;
    kids(id).forEach((c, k) => {
      const ccx = centres[k] as number;
      const childTop = boxes.get(c)?.y ?? bus;
      route(
        id,
        c,
        Math.abs(ccx - cx) < 0.5
          ? [
              [cx, y + h(id)],
              [cx, childTop],
            ]
          : [
              [cx, y + h(id)],
              [cx, bus],
              [ccx, bus],
              [ccx, childTop],
            ],
      );
    });
    return cx;
  };
  place(root, 0);
  const all = [...boxes.values()];
  return {
    width: Math.max(...all.map((b) => b.x + b.width)),
    height: Math.max(...all.map((b) => b.y + b.height)),
    nodes: boxes,
    edges: routed,
  };
}
