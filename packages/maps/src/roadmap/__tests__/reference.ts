/**
 * An independent road-map path finder for tests, written differently from `roadmap/solve.ts` on
 * purpose: it reads the grid into an adjacency map of string keys, and finds routes with a
 * Dijkstra search over (cell, heading) states whose cost is the pair (moves, turns) compared in
 * order, kept in a sorted array instead of breadth-first layers and per-direction tables.
 * Maximising turns among shortest routes is the same search with the pair (moves, −turns).
 */
import type { RouteStep } from '@absynth/core';
import type { GridPoint } from '../../grid/point.js';
import type { RoadmapScene } from '../scene.js';

/** Free cells as keys "row,col" (from 0) to the keys of their free neighbours. */
export type RoadGraph = Map<string, string[]>;

export const key = (cell: GridPoint): string => `${cell.row},${cell.col}`;
const parse = (k: string): GridPoint => {
  const [row, col] = k.split(',').map(Number) as [number, number];
  return { row, col };
};

/** Builds the graph from the `#`/`.` strings. */
export function roadGraph(grid: readonly string[]): RoadGraph {
  const graph: RoadGraph = new Map();
  grid.forEach((line, row) => {
    [...line].forEach((ch, col) => {
      if (ch === '.') graph.set(key({ row, col }), []);
    });
  });
  for (const [k, next] of graph) {
    const { row, col } = parse(k);
    for (const n of [key({ row: row - 1, col }), key({ row: row + 1, col }), key({ row, col: col - 1 }), key({ row, col: col + 1 })]) {
      if (graph.has(n)) next.push(n);
    }
  }
  return graph;
}

/** The cost of the best route found to a cell: moves, then turns (fewest or most, as asked). */
export interface Best {
  moves: number;
  turns: number;
}

/**
 * The best (moves, turns) from `start` to every reachable cell: the fewest moves, and among
 * routes that short the fewest turns (`prefer: 'fewest'`) or the most (`prefer: 'most'`).
 */
export function bestRoutes(graph: RoadGraph, start: string, prefer: 'fewest' | 'most' = 'fewest'): Map<string, Best> {
  const sign = prefer === 'fewest' ? 1 : -1;
  type State = { cell: string; heading: string; moves: number; score: number };
  const less = (a: State, b: State) => a.moves < b.moves || (a.moves === b.moves && a.score < b.score);
  const settled = new Map<string, State>();
  const queue: State[] = [{ cell: start, heading: '', moves: 0, score: 0 }];
  while (queue.length > 0) {
    const state = queue.shift() as State;
    const id = `${state.cell}|${state.heading}`;
    if (settled.has(id)) continue;
    settled.set(id, state);
    const here = parse(state.cell);
    for (const next of graph.get(state.cell) ?? []) {
      const there = parse(next);
      const heading = `${there.row - here.row},${there.col - here.col}`;
      const turn = state.heading !== '' && state.heading !== heading ? 1 : 0;
      const candidate = { cell: next, heading, moves: state.moves + 1, score: state.score + sign * turn };
      if (settled.has(`${next}|${heading}`)) continue;
      let at = queue.findIndex((s) => less(candidate, s));
      if (at < 0) at = queue.length;
      queue.splice(at, 0, candidate);
    }
  }
  const best = new Map<string, Best>();
  for (const state of settled.values()) {
    const current = best.get(state.cell);
    const turns = sign * state.score;
    if (current === undefined || state.moves < current.moves || (state.moves === current.moves && sign * turns < sign * current.turns)) {
      best.set(state.cell, { moves: state.moves, turns });
    }
  }
  return best;
}

/** Fewest moves from `from` to every reachable cell, by plain breadth-first search over the graph. */
export function movesFrom(graph: RoadGraph, from: string): Map<string, number> {
  const dist = new Map([[from, 0]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const here = queue[i] as string;
    for (const next of graph.get(here) ?? []) {
      if (dist.has(next)) continue;
      dist.set(next, (dist.get(here) as number) + 1);
      queue.push(next);
    }
  }
  return dist;
}

/** Follows runs of moves along graph edges; the keys visited, or `undefined` at the first move with no edge. */
export function followSteps(graph: RoadGraph, start: string, steps: readonly RouteStep[]): string[] | undefined {
  const delta = { up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1] } as const;
  const visited = [start];
  let { row, col } = parse(start);
  for (const { direction, count } of steps) {
    const [dr, dc] = delta[direction];
    for (let i = 0; i < count; i++) {
      const next = key({ row: row + dr, col: col + dc });
      if (!(graph.get(key({ row, col })) ?? []).includes(next)) return undefined;
      row += dr;
      col += dc;
      visited.push(next);
    }
  }
  return visited;
}

/** How often a path of neighbouring keys changes direction. */
export function pathTurns(path: readonly string[]): number {
  let turns = 0;
  for (let i = 2; i < path.length; i++) {
    const [a, b, c] = [parse(path[i - 2] as string), parse(path[i - 1] as string), parse(path[i] as string)];
    if (b.row - a.row !== c.row - b.row || b.col - a.col !== c.col - b.col) turns++;
  }
  return turns;
}

/** The labels of the markers a path of keys passes, in order. */
export function markersOnPath(scene: RoadmapScene, path: readonly string[]): string[] {
  const at = new Map(scene.markers.map((m) => [key(m), m.label]));
  return path.flatMap((k) => {
    const label = at.get(k);
    return label === undefined ? [] : [label];
  });
}
