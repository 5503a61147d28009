import type { GraphEdge, GraphScene } from './scene.js';

/** Neighbours of every node: followers of the arrows when directed, both ways otherwise. */
export function adjacency(scene: Pick<GraphScene, 'nodes' | 'edges' | 'directed'>): Map<string, { to: string; weight: number }[]> {
  const out = new Map(scene.nodes.map((n) => [n.id, [] as { to: string; weight: number }[]]));
  const add = (a: string, b: string, edge: GraphEdge) => out.get(a)?.push({ to: b, weight: edge.weight ?? 1 });
  for (const edge of scene.edges) {
    add(edge.from, edge.to, edge);
    if (!scene.directed) add(edge.to, edge.from, edge);
  }
  return out;
}

/** Shortest distances from `source` (edge weights, or hops when unweighted), by Dijkstra's algorithm. */
export function distancesFrom(scene: GraphScene, source: string, byWeight = scene.weighted): Map<string, number> {
  const adj = adjacency(scene);
  const dist = new Map<string, number>([[source, 0]]);
  const done = new Set<string>();
  while (true) {
    let best: string | undefined;
    for (const [id, d] of dist) if (!done.has(id) && (best === undefined || d < (dist.get(best) ?? Infinity))) best = id;
    if (best === undefined) return dist;
    done.add(best);
    for (const { to, weight } of adj.get(best) ?? []) {
      const d = (dist.get(best) ?? 0) + (byWeight ? weight : 1);
      if (d < (dist.get(to) ?? Infinity)) dist.set(to, d);
    }
  }
}

/** Every shortest path from `a` to `b`, as lists of node ids (at most `limit` of them). */
export function shortestPaths(scene: GraphScene, a: string, b: string, byWeight = scene.weighted, limit = 3): string[][] {
  const dist = distancesFrom(scene, a, byWeight);
  const target = dist.get(b);
  if (target === undefined) return [];
  const adj = adjacency(scene);
  const paths: string[][] = [];
  const walk = (node: string, path: string[]) => {
    if (paths.length >= limit) return;
    if (node === b) {
      paths.push(path);
      return;
    }
    for (const { to, weight } of adj.get(node) ?? []) {
      const d = (dist.get(node) ?? 0) + (byWeight ? weight : 1);
      if (dist.get(to) === d && d <= target) walk(to, [...path, to]);
    }
  };
  walk(a, [a]);
  return paths;
}

/** The children of every node of a tree, in edge order. */
export function childrenOf(scene: GraphScene): Map<string, string[]> {
  const children = new Map(scene.nodes.map((n) => [n.id, [] as string[]]));
  for (const edge of scene.edges) children.get(edge.from)?.push(edge.to);
  return children;
}

/** The parent of every node of a tree (the root has none). */
export function parentOf(scene: GraphScene): Map<string, string> {
  return new Map(scene.edges.map((e) => [e.to, e.from]));
}

/** How many nodes are below `id` in a tree (children, their children, and so on). */
export function descendantCount(scene: GraphScene, id: string): number {
  const children = childrenOf(scene);
  let count = 0;
  const stack = [...(children.get(id) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    count++;
    stack.push(...(children.get(next) ?? []));
  }
  return count;
}

/** The chain from `id` up to the root of a tree, starting with `id`. */
export function ancestry(scene: GraphScene, id: string): string[] {
  const parents = parentOf(scene);
  const chain = [id];
  for (let at = parents.get(id); at !== undefined; at = parents.get(at)) chain.push(at);
  return chain;
}

/** The lowest node of a tree above both `a` and `b` (neither of them). */
export function commonSuperior(scene: GraphScene, a: string, b: string): string | undefined {
  const above = new Set(ancestry(scene, a).slice(1));
  return ancestry(scene, b)
    .slice(1)
    .find((id) => above.has(id));
}

/** How many direct neighbours each node has (edges in either direction). */
export function degrees(scene: GraphScene): Map<string, number> {
  const degree = new Map(scene.nodes.map((n) => [n.id, 0]));
  for (const e of scene.edges) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + 1);
    degree.set(e.to, (degree.get(e.to) ?? 0) + 1);
  }
  return degree;
}
