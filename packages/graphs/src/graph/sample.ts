import type { Rng, Size } from '@absynth/core';
import { colourDifference, measureText, namedColour } from '@absynth/render';
import { hangingLayout } from '../layout/hanging.js';
import { outlinePadding } from '../layout/shapes.js';
import { layeredSpacing } from './draw.js';
import { cities, companies, departments, fields, firstNames, modules, surnames } from './data.js';
import { type GraphParams, graphSize } from './params.js';
import { type Colour, type GraphEdge, type GraphFamily, type GraphNode, type GraphScene, graphFamilies, nodeShapes } from './scene.js';

/** Fill colours of nodes: light or bright named colours that carry dark text and show on every theme. */
export const nodeColours: readonly string[] = ['light blue', 'light green', 'pale yellow', 'lavender', 'pink', 'peach', 'orange', 'cyan', 'yellow'];

/** Least CIEDE2000 difference between two node colours of one image, so no reader takes one named colour for another. */
export const leastColourDifference = 30;

/** Whether two colour names could be read as one: far apart as drawn, and not two shades of one hue ("pale yellow", "yellow"). */
function distinguishable(a: string, b: string): boolean {
  const hue = (name: string) => name.split(' ').at(-1);
  return hue(a) !== hue(b) && colourDifference(namedColour(a).hex, namedColour(b).hex) >= leastColourDifference;
}

/** Every set of `k` node colours that are pairwise distinguishable, in a fixed order. */
function colourSets(k: number): string[][] {
  const out: string[][] = [];
  const grow = (set: string[], from: number) => {
    if (set.length === k) {
      out.push(set);
      return;
    }
    for (let i = from; i < nodeColours.length; i++) {
      const c = nodeColours[i] as string;
      if (set.every((d) => distinguishable(c, d))) grow([...set, c], i + 1);
    }
  };
  grow([], 0);
  return out;
}

/** `k` node colours, pairwise distinguishable, in random order. */
function samplePalette(rng: Rng, k: number): string[] {
  const sets = colourSets(k);
  if (sets.length === 0) throw new Error(`no ${k} node colours are pairwise distinguishable`);
  return rng.shuffle(rng.pick(sets));
}

function colour(name: string): Colour {
  return { name, hex: namedColour(name).hex };
}

const treeFamilies: ReadonlySet<GraphFamily> = new Set(['organisation', 'research-group', 'family-tree']);

interface Built {
  labels: string[];
  edges: [number, number, number | null][];
  /** Positions that seed a force-directed layout, in a 4:3 field. */
  at?: [number, number][];
  title: string;
}

/** Most children of one node in research groups and family trees. */
const mostChildren = 4;

/** Deepest level below the root: family trees span at most four generations. */
export function deepestLevel(family: GraphFamily): number {
  return family === 'family-tree' ? 3 : family === 'organisation' ? 2 : 4;
}

/**
 * The parent of each node after the root (node 0) of a random tree of `n` nodes, `depth` levels
 * deep, each node with at most `mostChildren` children: a spine down to `depth`, then every other
 * node under a parent picked at random, so trees of one size take many shapes. Nodes come in
 * breadth-first order (parents before children, layer by layer).
 */
function randomTree(rng: Rng, n: number, depth: number): number[] {
  const parent: number[] = [-1];
  const level: number[] = [0];
  const children: number[] = [0];
  const add = (p: number) => {
    parent.push(p);
    level.push((level[p] ?? 0) + 1);
    children.push(0);
    children[p] = (children[p] ?? 0) + 1;
  };
  for (let d = 1; d <= depth; d++) add(d - 1);
  while (parent.length < n) {
    const open = parent.flatMap((_, i) => ((level[i] ?? 0) < depth && (children[i] ?? 0) < mostChildren ? [i] : []));
    add(rng.pick(open));
  }
  // Renumber breadth-first, children in the order they were added.
  const order: number[] = [0];
  for (let k = 0; k < order.length; k++) for (let i = 1; i < n; i++) if (parent[i] === order[k]) order.push(i);
  const rank = new Map(order.map((old, i) => [old, i]));
  return order.slice(1).map((old) => rank.get(parent[old] as number) as number);
}

/** A tree of `n` nodes: labels in breadth-first order and edges from parent to child. */
function sampleTree(rng: Rng, family: GraphFamily, n: number): Built {
  const labels: string[] = [];
  const edges: [number, number, number | null][] = [];
  if (family === 'organisation') {
    labels.push('CEO');
    // Some departments have only 3 or 4 teams: take departments until their teams can fill n.
    const names = rng.shuffle(Object.keys(departments));
    const teamsOf = (d: string) => (departments[d] ?? []).length;
    let k = rng.int(Math.max(2, Math.ceil((n - 1) / 6)), Math.max(2, Math.min(6, n - 1)));
    while (k + names.slice(0, k).reduce((sum, d) => sum + teamsOf(d), 0) < n - 1) k++;
    const depts = names.slice(0, k);
    for (const d of depts) {
      labels.push(d);
      edges.push([0, labels.length - 1, null]);
    }
    const counts = Array.from({ length: k }, () => 0);
    for (let placed = 0; placed < n - 1 - k; placed++) {
      const open = depts.flatMap((d, i) => ((counts[i] ?? 0) < teamsOf(d) ? [i] : []));
      const i = rng.pick(open);
      counts[i] = (counts[i] ?? 0) + 1;
    }
    depts.forEach((d, i) => {
      for (const team of rng.sample(departments[d] ?? [], counts[i] ?? 0)) {
        labels.push(team);
        edges.push([i + 1, labels.length - 1, null]);
      }
    });
    return { labels, edges, title: `Organisation of ${rng.pick(companies)}` };
  }
  const people =
    family === 'family-tree'
      ? rng.shuffle(firstNames)
      : // Titles without full stops ("Prof Okafor"), as British usage has them: a full stop inside a
        // label would end the sentence an answer is read from.
        rng.shuffle(surnames).map((s, i) => (i === 0 ? `Prof ${s}` : `${rng.pick(firstNames)} ${s}`));
  const surname = rng.pick(surnames);
  // Deep enough for n nodes of at most four children each, and short of a bare chain.
  let shallowest = 1;
  while ((mostChildren ** (shallowest + 1) - 1) / (mostChildren - 1) < n) shallowest++;
  const depth = rng.int(shallowest, Math.max(shallowest, Math.min(deepestLevel(family), n - 2)));
  randomTree(rng, n, depth).forEach((p, i) => {
    edges.push([p, i + 1, null]);
  });
  for (let i = 0; i < n; i++) labels.push(people[i] as string);
  const title = family === 'family-tree' ? `The ${surname} family tree` : `${rng.pick(fields)} research group`;
  return { labels, edges, title };
}

/** Whether the undirected edges connect every node. */
function connected(n: number, edges: readonly [number, number, number | null][]): boolean {
  const seen = new Set([0]);
  const stack = [0];
  while (stack.length > 0) {
    const at = stack.pop() as number;
    for (const [a, b] of edges) {
      const other = a === at ? b : b === at ? a : -1;
      if (other >= 0 && !seen.has(other)) {
        seen.add(other);
        stack.push(other);
      }
    }
  }
  return seen.size === n;
}

/** Distance from point `p` to the segment `a → b`. */
function segmentDistance(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * A network of near neighbours: `n` points spread over a 4:3 field at least a minimum distance
 * apart, joined by a spanning tree of the shortest links (Prim's) and about `extra` × n more short
 * links, none of which passes close to a third point. Such networks draw without edges through
 * nodes, and the points seed the force-directed layout.
 */
function nearNeighbours(rng: Rng, n: number, extra: number): { at: [number, number][]; links: [number, number, number][] } {
  const spacing = 0.8 / Math.sqrt(n);
  const at: [number, number][] = [];
  for (let tries = 0; at.length < n; tries++) {
    const p: [number, number] = [rng.next() * 1.33, rng.next()];
    if (tries > 2000 || at.every((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) >= spacing)) at.push(p);
  }
  const length = (a: number, b: number) => Math.hypot((at[a] as [number, number])[0] - (at[b] as [number, number])[0], (at[a] as [number, number])[1] - (at[b] as [number, number])[1]);
  const links: [number, number, number][] = [];
  const inTree = new Set([0]);
  while (inTree.size < n) {
    let best: [number, number] | undefined;
    for (const a of inTree) for (let b = 0; b < n; b++) if (!inTree.has(b) && (best === undefined || length(a, b) < length(...best))) best = [a, b];
    const [a, b] = best as [number, number];
    links.push([a, b, length(a, b)]);
    inTree.add(b);
  }
  const clear = (a: number, b: number) => at.every((p, k) => k === a || k === b || segmentDistance(p, at[a] as [number, number], at[b] as [number, number]) > spacing * 0.45);
  const has = (a: number, b: number) => links.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  const candidates: [number, number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (!has(a, b) && clear(a, b)) candidates.push([a, b, length(a, b)]);
  candidates.sort((x, y) => x[2] - y[2] || x[0] - y[0] || x[1] - y[1]);
  // Among the shorter candidates, pick at random, so loops differ from map to map.
  const pool = candidates.slice(0, Math.max(1, Math.round(n * extra * 2)));
  links.push(...rng.sample(pool, Math.min(pool.length, Math.max(1, Math.round(n * extra)))));
  return { at, links };
}

/** A connected network of `n` nodes. */
function sampleNetwork(rng: Rng, family: GraphFamily, n: number, directed: boolean): Built {
  if (family === 'city-network') {
    const labels = rng.sample(cities, n);
    const { at, links } = nearNeighbours(rng, n, 0.4);
    const edges = links.map(([a, b, d]) => [a, b, Math.round(60 + 700 * d)] as [number, number, number]);
    return { labels: [...labels], edges, at, title: rng.pick(['Road distances between cities (km)', 'Train connections (km)', 'Motorway network (km)']) };
  }
  const edges: [number, number, number | null][] = [];
  if (family === 'dependency-graph') {
    const labels = rng.sample(modules, n);
    // Each module uses one or two earlier ones, and none is used by more than three, so arrows
    // into one module stay apart.
    const usedBy = Array.from({ length: n }, () => 0);
    for (let i = 1; i < n; i++) {
      const open = Array.from({ length: i }, (_, j) => j).filter((j) => (usedBy[j] ?? 0) < 3);
      const pool = open.length > 0 ? open : [i - 1];
      for (const j of rng.sample(pool, Math.min(pool.length, rng.int(1, 2)))) {
        edges.push([i, j, null]);
        usedBy[j] = (usedBy[j] ?? 0) + 1;
      }
    }
    return { labels: [...labels], edges, title: 'Module dependencies (an arrow points to the module used)' };
  }
  const labels = rng.sample(firstNames, n);
  if (!directed) {
    const { at, links } = nearNeighbours(rng, n, 0.5);
    return {
      labels: [...labels],
      edges: links.map(([a, b]) => [a, b, null] as [number, number, null]),
      at,
      title: rng.pick(['Friendships in a book club', 'Who knows whom at work', 'Friends in a climbing club']),
    };
  }
  // Followers: everyone follows someone who joined before them, and some follow more.
  const has = (a: number, b: number) => edges.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  for (let i = 1; i < n; i++) edges.push(rng.bool(0.5) ? [i, rng.int(0, i - 1), null] : [rng.int(0, i - 1), i, null]);
  const extra = Math.round(n * 0.25);
  for (let k = 0; k < extra * 3 && edges.length < n - 1 + extra; k++) {
    const a = rng.int(0, n - 1);
    const b = rng.int(0, n - 1);
    if (a !== b && !has(a, b)) edges.push([a, b, null]);
  }
  if (!connected(n, edges)) throw new Error('social network is not connected');
  return { labels: [...labels], edges, title: 'Who follows whom (an arrow points to the person followed)' };
}

/**
 * How large a tree would be drawn in `size` going down and going right, estimated from its
 * labels' widths layer by layer (the spacings the drawing gives ELK), and hanging (laid out
 * exactly as the drawing does): the scale of each.
 */
function layeredScales(nodes: readonly GraphNode[], edges: readonly GraphEdge[], depthOf: ReadonlyMap<number, number>, size: Size): { down: number; right: number; hanging: number } {
  const boxes = nodes.map((n) => {
    const width = measureText(n.label, 14);
    const pad = outlinePadding(n.shape, width, 14 * 1.2);
    return { width: Math.max(64, width + pad.width), height: 14 * 1.2 + pad.height };
  });
  const [downSpacing, rightSpacing] = [layeredSpacing('layered-down', true), layeredSpacing('layered-right', true)];
  const layers: { width: number; height: number; across: number; along: number }[] = [];
  boxes.forEach((b, i) => {
    const d = depthOf.get(i) ?? 0;
    layers[d] ??= { width: 0, height: 0, across: -downSpacing, along: -rightSpacing };
    const layer = layers[d];
    layer.width = Math.max(layer.width, b.width);
    layer.height = Math.max(layer.height, b.height);
    layer.across += b.width + downSpacing;
    layer.along += b.height + rightSpacing;
  });
  const sum = (f: (l: (typeof layers)[number]) => number) => layers.reduce((t, l) => t + f(l), 0);
  const most = (f: (l: (typeof layers)[number]) => number) => Math.max(...layers.map(f));
  const area = { width: size.width - 32, height: size.height - 16 - 17 * 1.6 - 16 };
  const fit = (width: number, height: number) => Math.min(1.5, area.width / width, area.height / height);
  const between = (spacing: number) => spacing * 1.6 * (layers.length - 1);
  const hanging = hangingLayout(
    boxes.map((b, i) => ({ id: (nodes[i] as GraphNode).id, ...b })),
    edges.map((e, i) => ({ id: String(i), from: e.from, to: e.to })),
  );
  return {
    down: fit(most((l) => l.across), sum((l) => l.height) + between(downSpacing)),
    right: fit(sum((l) => l.width) + between(rightSpacing), most((l) => l.along)),
    hanging: fit(hanging.width, hanging.height),
  };
}

/** Samples one relation graph. Pure: uses only `rng`, `params` and the image size. */
export function sampleGraph(rng: Rng, params: GraphParams, context?: { size: Size }): GraphScene {
  const family = params.family === 'auto' ? rng.pick(graphFamilies) : params.family;
  const tree = treeFamilies.has(family);
  // Networks stop at 24 nodes: beyond that a force-directed drawing of their edges is a tangle.
  const most = tree ? params.nodes : Math.min(24, params.nodes);
  const n = rng.int(Math.max(4, Math.ceil((most * 2) / 3)), most);
  const directed = tree || family === 'dependency-graph' || (family === 'social-network' && rng.bool(0.5));
  const built = tree ? sampleTree(rng, family, n) : sampleNetwork(rng, family, n, directed);
  const shape = rng.pick(nodeShapes);
  const depthOf = new Map<number, number>([[0, 0]]);
  for (const [a, b] of built.edges) if (tree) depthOf.set(b, (depthOf.get(a) ?? 0) + 1);
  // Trees colour each layer alike (as organisation charts do); networks colour nodes freely from five.
  const palette = samplePalette(rng, tree ? Math.max(...depthOf.values()) + 1 : 5);
  const colourOf = (i: number) => (tree ? (palette[depthOf.get(i) ?? 0] as string) : rng.pick(palette));
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const nodes: GraphNode[] = built.labels.map((label, i) => {
    const at = built.at?.[i];
    return { id: `n${i + 1}`, label, shape, colour: colour(colourOf(i)), at: at === undefined ? null : [round(at[0]), round(at[1])] };
  });
  const edges: GraphEdge[] = built.edges.map(([a, b, w]) => ({ from: `n${a + 1}`, to: `n${b + 1}`, weight: w }));
  // Trees go down or right, whichever draws them larger on this canvas (either when both do
  // alike), or hang their leaves in columns when that draws them clearly larger than either (a
  // wide organisation going right filled a third of a landscape canvas with one tall column).
  const scales = tree ? layeredScales(nodes, edges, depthOf, context?.size ?? graphSize(params)) : { down: 1, right: 1, hanging: 1 };
  const layered = Math.max(scales.down, scales.right);
  const layout =
    family === 'city-network' || (family === 'social-network' && !directed)
      ? 'force'
      : family === 'dependency-graph'
        ? 'layered-down'
        : scales.hanging > 1.1 * layered
          ? 'hanging'
          : scales.down > 1.1 * scales.right
          ? 'layered-down'
          : scales.right > 1.1 * scales.down
            ? 'layered-right'
            : rng.pick(['layered-down', 'layered-right'] as const);
  return {
    family,
    title: built.title,
    tree,
    directed,
    weighted: family === 'city-network',
    nodes,
    edges,
    layout,
  };
}
