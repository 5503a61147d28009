/**
 * An independent maze solver for tests, written differently from `solve.ts` on purpose: it reads
 * the grid into an adjacency map of string keys in the units a person counts (cells or squares),
 * finds distances with Dijkstra over a binary heap, and decides "on every shortest route" by
 * deleting the position and searching again, rather than by counting distance levels.
 */
import type { RouteStep } from '@absynth/core';
import type { GridPoint } from '../../grid/point.js';
import type { MazeScene } from '../scene.js';

/** A maze as an undirected graph: position key "row,col" (person units, from 0) to neighbour keys. */
export type Graph = Map<string, string[]>;

const key = (row: number, col: number) => `${row},${col}`;

/** The person-unit key of a block-grid position. */
export function unitKey(scene: MazeScene, p: GridPoint): string {
  return scene.style === 'walls' ? key((p.row - 1) / 2, (p.col - 1) / 2) : key(p.row, p.col);
}

/** Builds the graph: cells joined where the wall between them is open (walls), or open squares side by side (blocks). */
export function buildGraph(scene: MazeScene): Graph {
  const graph: Graph = new Map();
  const link = (a: string, b: string) => {
    graph.get(a)?.push(b);
    graph.get(b)?.push(a);
  };
  const g = scene.grid;
  if (scene.style === 'walls') {
    for (let i = 0; i < scene.rows; i++) for (let j = 0; j < scene.cols; j++) graph.set(key(i, j), []);
    for (let i = 0; i < scene.rows; i++) {
      for (let j = 0; j < scene.cols; j++) {
        // The wall east of cell (i, j) is the block at (2i+1, 2j+2); the wall south is (2i+2, 2j+1).
        if (j + 1 < scene.cols && g[2 * i + 1]?.charAt(2 * j + 2) === '.') link(key(i, j), key(i, j + 1));
        if (i + 1 < scene.rows && g[2 * i + 2]?.charAt(2 * j + 1) === '.') link(key(i, j), key(i + 1, j));
      }
    }
  } else {
    g.forEach((line, r) => {
      [...line].forEach((ch, c) => {
        if (ch === '.') graph.set(key(r, c), []);
      });
    });
    for (const k of graph.keys()) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      if (graph.has(key(r, c + 1))) link(k, key(r, c + 1));
      if (graph.has(key(r + 1, c))) link(k, key(r + 1, c));
    }
  }
  return graph;
}

/** Dijkstra with unit weights and a binary min-heap; unreachable keys are absent. */
export function dijkstra(graph: Graph, source: string, removed?: string): Map<string, number> {
  const dist = new Map<string, number>([[source, 0]]);
  const heap: [number, string][] = [[0, source]];
  const push = (item: [number, string]) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as [number, string])[0] <= item[0]) break;
      heap[i] = heap[parent] as [number, string];
      i = parent;
    }
    heap[i] = item;
  };
  const pop = (): [number, string] => {
    const top = heap[0] as [number, string];
    const last = heap.pop() as [number, string];
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        const value = (j: number) => (j === i ? last[0] : (heap[j] as [number, string])[0]);
        if (l < heap.length && value(l) < value(m)) m = l;
        if (r < heap.length && value(r) < value(m)) m = r;
        if (m === i) break;
        heap[i] = heap[m] as [number, string];
        i = m;
      }
      heap[i] = last;
    }
    return top;
  };
  while (heap.length > 0) {
    const [d, here] = pop();
    if (d > (dist.get(here) ?? Number.POSITIVE_INFINITY)) continue;
    for (const next of graph.get(here) ?? []) {
      if (next === removed) continue;
      if (d + 1 < (dist.get(next) ?? Number.POSITIVE_INFINITY)) {
        dist.set(next, d + 1);
        push([d + 1, next]);
      }
    }
  }
  return dist;
}

/** Positions other than start and goal with exactly one neighbour. */
export function referenceDeadEnds(graph: Graph, except: readonly string[]): string[] {
  return [...graph.entries()].filter(([k, next]) => next.length === 1 && !except.includes(k)).map(([k]) => k);
}

/**
 * The dead ends the dead-end question must count: all of them when the scene has no window,
 * else those whose cell (walls) or square (blocks) lies in it, found by mapping each graph key
 * back to the block grid.
 */
export function referenceCountedDeadEnds(scene: MazeScene, graph: Graph, except: readonly string[]): string[] {
  const all = referenceDeadEnds(graph, except);
  const box = scene.deadEndWindow;
  if (box === null) return all;
  return all.filter((k) => {
    const [i, j] = k.split(',').map(Number) as [number, number];
    const [row, col] = scene.style === 'walls' ? [2 * i + 1, 2 * j + 1] : [i, j];
    return box.top <= row && row <= box.bottom && box.left <= col && col <= box.right;
  });
}

/** Whether every shortest route from start to goal must pass `through`: removing it lengthens or cuts the route. */
export function isOnEveryShortestRoute(graph: Graph, start: string, goal: string, through: string): boolean {
  const best = dijkstra(graph, start).get(goal);
  if (best === undefined) return false;
  const without = dijkstra(graph, start, through).get(goal);
  return without === undefined || without > best;
}

/** Whether some shortest route passes `through`. */
export function isOnSomeShortestRoute(graph: Graph, start: string, goal: string, through: string): boolean {
  const best = dijkstra(graph, start).get(goal);
  const a = dijkstra(graph, start).get(through);
  const b = dijkstra(graph, through).get(goal);
  return best !== undefined && a !== undefined && b !== undefined && a + b === best;
}

/** Follows runs of moves along graph edges; the keys visited, or `undefined` at the first move with no edge. */
export function followRoute(graph: Graph, start: string, steps: readonly RouteStep[]): string[] | undefined {
  const delta = { up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1] } as const;
  const visited = [start];
  let [r, c] = start.split(',').map(Number) as [number, number];
  for (const { direction, count } of steps) {
    const [dr, dc] = delta[direction];
    for (let i = 0; i < count; i++) {
      const next = key(r + dr, c + dc);
      if (!(graph.get(key(r, c)) ?? []).includes(next)) return undefined;
      r += dr;
      c += dc;
      visited.push(next);
    }
  }
  return visited;
}

/** Every simple path from start to goal, by depth-first enumeration; stops after `limit` paths. */
export function allSimplePaths(graph: Graph, start: string, goal: string, limit = 200_000): string[][] {
  const paths: string[][] = [];
  const path = [start];
  const seen = new Set([start]);
  const visit = (here: string): void => {
    if (paths.length >= limit) return;
    if (here === goal) {
      paths.push([...path]);
      return;
    }
    for (const next of graph.get(here) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      visit(next);
      path.pop();
      seen.delete(next);
    }
  };
  visit(start);
  return paths;
}

/** A path of keys as runs of moves, such as "right 3, down 2". */
export function pathText(path: readonly string[]): string {
  const runs: RouteStep[] = [];
  for (let i = 1; i < path.length; i++) {
    const [r0, c0] = (path[i - 1] as string).split(',').map(Number) as [number, number];
    const [r1, c1] = (path[i] as string).split(',').map(Number) as [number, number];
    const direction = r1 < r0 ? 'up' : r1 > r0 ? 'down' : c1 > c0 ? 'right' : 'left';
    const last = runs[runs.length - 1];
    if (last?.direction === direction) last.count++;
    else runs.push({ direction, count: 1 });
  }
  return runs.map((s) => `${s.direction} ${s.count}`).join(', ');
}
