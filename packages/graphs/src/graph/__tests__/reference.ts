// A second implementation for the tests: parses `graphs.text(scene)` back into labels, colours and
// edges, and recomputes answers with its own algorithms (Floyd–Warshall, enumeration of simple
// paths, breadth-first search, parent pointers), sharing no code with the scenario's
// `graph/solve.ts` or `tasks.ts`.

/** A graph as read back from its text rendering. Nodes are referred to by their index. */
export interface ParsedGraph {
  title: string;
  tree: boolean;
  directed: boolean;
  weighted: boolean;
  labels: string[];
  colours: string[];
  /** The `Node outline:` line: `box`, `rounded`, `ellipse` or `hexagon`. */
  outline: string;
  /** Edges as printed: indexes of their ends, and the weight (1 when unweighted). */
  edges: { a: number; b: number; w: number; printedWeight: number | null }[];
}

/** Reads `graphText` back. Throws on any line it does not understand. */
export function parseGraphText(text: string): ParsedGraph {
  const lines = text.split('\n');
  const title = /^Title: (.*)$/.exec(lines[0] ?? '')?.[1];
  const kind = /^Kind: (tree|network), (directed|undirected)(, weighted)?$/.exec(lines[1] ?? '');
  const nodeLine = /^Nodes: (.*)$/.exec(lines[2] ?? '')?.[1];
  const outline = /^Node outline: (box|rounded|ellipse|hexagon)$/.exec(lines[3] ?? '')?.[1];
  if (title === undefined || kind === null || nodeLine === undefined || outline === undefined || lines[4] !== 'Edges:') throw new Error(`bad graph text: ${text.slice(0, 200)}`);
  const labels: string[] = [];
  const colours: string[] = [];
  for (const part of nodeLine.split('; ')) {
    const m = /^(.+) \(([a-z ]+)\)$/.exec(part);
    if (m === null) throw new Error(`bad node: ${part}`);
    labels.push(m[1] as string);
    colours.push(m[2] as string);
  }
  if (new Set(labels).size !== labels.length) throw new Error(`repeated node labels: ${nodeLine}`);
  const directed = kind[2] === 'directed';
  const arrow = directed ? ' -> ' : ' -- ';
  const index = (label: string) => {
    const i = labels.indexOf(label);
    if (i < 0) throw new Error(`edge names an unknown node: ${label}`);
    return i;
  };
  const edges = lines.slice(5).map((line) => {
    const m = /^(.+?)(?: \[(\d+)\])?$/.exec(line);
    const body = m?.[1] ?? '';
    const parts = body.split(arrow);
    if (parts.length !== 2) throw new Error(`bad edge: ${line}`);
    const printedWeight = m?.[2] === undefined ? null : Number(m[2]);
    return { a: index(parts[0] as string), b: index(parts[1] as string), w: printedWeight ?? 1, printedWeight };
  });
  return { title, tree: kind[1] === 'tree', directed, weighted: kind[3] !== undefined, labels, colours, outline, edges };
}

/** Whether a step from `i` to `j` follows an edge, and the cheapest weight of such an edge. */
export function edgeWeight(g: ParsedGraph, i: number, j: number): number | undefined {
  let best: number | undefined;
  for (const e of g.edges) {
    if ((e.a === i && e.b === j) || (!g.directed && e.a === j && e.b === i)) best = best === undefined ? e.w : Math.min(best, e.w);
  }
  return best;
}

/** All-pairs shortest distances by Floyd–Warshall: `byWeight` sums weights, otherwise counts hops. */
export function floydWarshall(g: ParsedGraph, byWeight: boolean): number[][] {
  const n = g.labels.length;
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Number.POSITIVE_INFINITY)));
  for (const e of g.edges) {
    const w = byWeight ? e.w : 1;
    const row = d[e.a] as number[];
    row[e.b] = Math.min(row[e.b] as number, w);
    if (!g.directed) {
      const back = d[e.b] as number[];
      back[e.a] = Math.min(back[e.a] as number, w);
    }
  }
  for (let k = 0; k < n; k++) {
    const dk = d[k] as number[];
    for (let i = 0; i < n; i++) {
      const di = d[i] as number[];
      const ik = di[k] as number;
      if (ik === Number.POSITIVE_INFINITY) continue;
      for (let j = 0; j < n; j++) if (ik + (dk[j] as number) < (di[j] as number)) di[j] = ik + (dk[j] as number);
    }
  }
  return d;
}

/** The length of a path (a list of node indexes), or undefined when a step follows no edge. */
export function pathLength(g: ParsedGraph, path: readonly number[], byWeight: boolean): number | undefined {
  let total = 0;
  for (let k = 1; k < path.length; k++) {
    const w = edgeWeight(g, path[k - 1] as number, path[k] as number);
    if (w === undefined) return undefined;
    total += byWeight ? w : 1;
  }
  return total;
}

/**
 * Every simple path from `a` to `b` no longer than `bound`, by brute-force depth-first
 * enumeration (a path is abandoned only once it is already longer than the bound).
 */
export function simplePaths(g: ParsedGraph, a: number, b: number, byWeight: boolean, bound: number): number[][] {
  const out: number[][] = [];
  const onPath = new Set<number>([a]);
  const walk = (path: number[], length: number) => {
    const at = path.at(-1) as number;
    if (at === b) {
      out.push([...path]);
      return;
    }
    for (let next = 0; next < g.labels.length; next++) {
      if (onPath.has(next)) continue;
      const w = edgeWeight(g, at, next);
      if (w === undefined) continue;
      const total = length + (byWeight ? w : 1);
      if (total > bound) continue;
      onPath.add(next);
      path.push(next);
      walk(path, total);
      path.pop();
      onPath.delete(next);
    }
  };
  walk([a], 0);
  return out;
}

/** The nodes reachable from `a` by breadth-first search along the edges (both ways when undirected). */
export function reachableFrom(g: ParsedGraph, a: number): Set<number> {
  const seen = new Set([a]);
  const queue = [a];
  while (queue.length > 0) {
    const at = queue.shift() as number;
    for (let next = 0; next < g.labels.length; next++) {
      if (!seen.has(next) && edgeWeight(g, at, next) !== undefined) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** How many edges touch each node, either way. */
export function edgeCounts(g: ParsedGraph): number[] {
  const counts = g.labels.map(() => 0);
  for (const e of g.edges) {
    counts[e.a] = (counts[e.a] ?? 0) + 1;
    counts[e.b] = (counts[e.b] ?? 0) + 1;
  }
  return counts;
}

/** A tree read by parent pointers: every node but the root has exactly one parent. */
export interface ParsedTree {
  parent: (number | undefined)[];
  root: number;
}

/** The parent pointers of a tree; throws when the edges do not form one rooted tree. */
export function treeOf(g: ParsedGraph): ParsedTree {
  const parent: (number | undefined)[] = g.labels.map(() => undefined);
  for (const e of g.edges) {
    if (parent[e.b] !== undefined) throw new Error(`${g.labels[e.b]} has two parents`);
    parent[e.b] = e.a;
  }
  const roots = parent.flatMap((p, i) => (p === undefined ? [i] : []));
  if (roots.length !== 1) throw new Error(`a tree needs one root, found ${roots.length}`);
  const root = roots[0] as number;
  // Every node walks up to the root without a cycle.
  for (let i = 0; i < g.labels.length; i++) {
    let steps = 0;
    for (let at: number | undefined = i; at !== root; at = parent[at as number]) {
      if (at === undefined || ++steps > g.labels.length) throw new Error(`${g.labels[i]} does not lead up to the root`);
    }
  }
  return { parent, root };
}

/** The nodes above `i`, nearest first (not `i` itself). */
export function ancestorsOf(t: ParsedTree, i: number): number[] {
  const out: number[] = [];
  for (let at = t.parent[i]; at !== undefined; at = t.parent[at]) out.push(at);
  return out;
}

/** The direct children of `i`, found by scanning every node's parent pointer. */
export function childrenOfNode(t: ParsedTree, i: number): number[] {
  return t.parent.flatMap((p, j) => (p === i ? [j] : []));
}

/** Every node below `i`: those with `i` among their ancestors. */
export function descendantsOf(t: ParsedTree, i: number): number[] {
  return t.parent.flatMap((_, j) => (ancestorsOf(t, j).includes(i) ? [j] : []));
}

/** Nodes that are nobody's parent. */
export function leavesOf(t: ParsedTree): number[] {
  return t.parent.flatMap((_, j) => (t.parent.includes(j) ? [] : [j]));
}

/** The lowest node strictly above both `a` and `b`. */
export function lowestCommonAbove(t: ParsedTree, a: number, b: number): number | undefined {
  const above = new Set(ancestorsOf(t, a));
  return ancestorsOf(t, b).find((x) => above.has(x));
}

/** The family a title belongs to, read from the wording alone. */
export function familyOfTitle(title: string, tree: boolean, directed: boolean): string | undefined {
  if (/^Organisation of /.test(title)) return 'an organisation chart';
  if (/ research group$/.test(title)) return 'a research group hierarchy';
  if (/^The .+ family tree$/.test(title)) return 'a family tree';
  if (/\(km\)$/.test(title) && !tree) return 'a network of cities with distances';
  if (/^Module dependencies/.test(title) && directed) return 'a dependency graph of software modules';
  if (/friend|knows whom|follows whom/i.test(title) && !tree) return 'a social network of people';
  return undefined;
}

/** The six descriptions a figure-type question chooses from. */
export const figureDescriptions = [
  'an organisation chart',
  'a research group hierarchy',
  'a family tree',
  'a network of cities with distances',
  'a social network of people',
  'a dependency graph of software modules',
] as const;
