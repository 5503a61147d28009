import type { Rng } from '@absynth/core';
import { namedColour } from '@absynth/render';
import { cities, companies, departments, fields, firstNames, modules, surnames } from './data.js';
import type { GraphParams } from './params.js';
import { type Colour, type GraphEdge, type GraphFamily, type GraphNode, type GraphScene, graphFamilies, nodeShapes } from './scene.js';

/** Fill colours of nodes: light or bright named colours that carry dark text and show on every theme. */
export const nodeColours: readonly string[] = ['light blue', 'light green', 'pale yellow', 'lavender', 'pink', 'peach', 'orange', 'cyan', 'yellow'];

function colour(name: string): Colour {
  return { name, hex: namedColour(name).hex };
}

const treeFamilies: ReadonlySet<GraphFamily> = new Set(['organisation', 'research-group', 'family-tree']);

/** Splits `total` children over `parents` slots, each at most `most`, in order, at least one for the first. */
function spread(rng: Rng, total: number, parents: number, most: number): number[] {
  const counts = Array.from({ length: parents }, () => 0);
  for (let placed = 0; placed < total; placed++) {
    const open = counts.flatMap((c, i) => (c < most ? [i] : []));
    if (open.length === 0) break;
    const i = rng.pick(open);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

interface Built {
  labels: string[];
  edges: [number, number, number | null][];
  /** Positions that seed a force-directed layout, in a 4:3 field. */
  at?: [number, number][];
  title: string;
}

/** A tree of `n` nodes: labels by layer and edges from parent to child. */
function sampleTree(rng: Rng, family: GraphFamily, n: number): Built {
  const labels: string[] = [];
  const edges: [number, number, number | null][] = [];
  if (family === 'organisation') {
    labels.push('CEO');
    const names = rng.shuffle(Object.keys(departments));
    const k = Math.min(names.length, Math.max(2, Math.min(6, Math.round((n - 1) / 3.2))));
    const depts = names.slice(0, k);
    for (const d of depts) {
      labels.push(d);
      edges.push([0, labels.length - 1, null]);
    }
    const counts = spread(rng, n - 1 - k, k, 5);
    depts.forEach((d, i) => {
      for (const team of rng.sample(departments[d] ?? [], Math.min(counts[i] ?? 0, (departments[d] ?? []).length))) {
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
  // Layer sizes grow down the tree, each node with at most 4 children.
  const depth = n <= 6 ? 2 : n <= 14 ? 3 : 4;
  const layers: number[][] = [[0]];
  labels.push(people[0] as string);
  let remaining = n - 1;
  for (let d = 1; d <= depth && remaining > 0; d++) {
    const parents = layers[d - 1] as number[];
    const share = d === depth ? remaining : Math.max(parents.length, Math.min(remaining - (depth - d), Math.round(remaining / (depth - d + 1) + rng.int(0, 1))));
    const counts = spread(rng, Math.min(share, remaining), parents.length, 4);
    const layer: number[] = [];
    parents.forEach((p, i) => {
      for (let c = 0; c < (counts[i] ?? 0); c++) {
        labels.push(people[labels.length] as string);
        layer.push(labels.length - 1);
        edges.push([p, labels.length - 1, null]);
      }
    });
    remaining -= layer.length;
    layers.push(layer);
  }
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

/** Samples one relation graph. Pure: uses only `rng` and `params`. */
export function sampleGraph(rng: Rng, params: GraphParams): GraphScene {
  const family = params.family === 'auto' ? rng.pick(graphFamilies) : params.family;
  const tree = treeFamilies.has(family);
  // Networks stop at 24 nodes: beyond that a force-directed drawing of their edges is a tangle.
  const most = tree ? params.nodes : Math.min(24, params.nodes);
  const n = rng.int(Math.max(4, Math.ceil((most * 2) / 3)), most);
  const directed = tree || family === 'dependency-graph' || (family === 'social-network' && rng.bool(0.5));
  const built = tree ? sampleTree(rng, family, n) : sampleNetwork(rng, family, n, directed);
  const shape = rng.pick(nodeShapes);
  const palette = rng.shuffle(nodeColours);
  const depthOf = new Map<number, number>([[0, 0]]);
  for (const [a, b] of built.edges) if (tree) depthOf.set(b, (depthOf.get(a) ?? 0) + 1);
  // Trees colour each layer alike (as organisation charts do); networks colour nodes freely.
  const colourOf = (i: number) => (tree ? (palette[(depthOf.get(i) ?? 0) % palette.length] as string) : rng.pick(palette.slice(0, 5)));
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const nodes: GraphNode[] = built.labels.map((label, i) => {
    const at = built.at?.[i];
    return { id: `n${i + 1}`, label, shape, colour: colour(colourOf(i)), at: at === undefined ? null : [round(at[0]), round(at[1])] };
  });
  const edges: GraphEdge[] = built.edges.map(([a, b, w]) => ({ from: `n${a + 1}`, to: `n${b + 1}`, weight: w }));
  const widest = Math.max(...[...depthOf.values()].reduce((m, d) => m.set(d, (m.get(d) ?? 0) + 1), new Map<number, number>()).values());
  const layout =
    family === 'city-network' || (family === 'social-network' && !directed)
      ? 'force'
      : family === 'dependency-graph' || (tree && widest <= 4)
        ? 'layered-down'
        : tree && widest > 7
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
