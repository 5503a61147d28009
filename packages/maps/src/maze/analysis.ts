import type { RouteStep } from '@absynth/core';
import type { GridPoint, MazeScene } from './scene.js';
import { moveSize } from './scene.js';
import type { Lattice, RouteField } from './solve.js';
import { countShortestRoutes, deadEnds, routeField, routeSteps, shortestRoute, toLattice } from './solve.js';

/** What the questions need to know about one maze, solved once and shared by every task. */
export interface MazeFacts {
  lattice: Lattice;
  field: RouteField;
  /** One shortest route's positions, or `undefined` when the goal is unreachable. */
  route: GridPoint[] | undefined;
  /** That route as runs of moves (empty when unreachable). */
  steps: RouteStep[];
  /** Number of distinct shortest routes (0 when unreachable). */
  routeCount: number;
  /** Dead ends other than start and goal. */
  deadEnds: GridPoint[];
  /** Positions reachable from the start, start included, in moves' units. */
  reachableCount: number;
}

// Tasks of one scene ask for the same facts; solving once keeps sampling cheap.
const cache = new WeakMap<MazeScene, MazeFacts>();

/** Solves a maze in the units of its drawing style. */
export function mazeFacts(scene: MazeScene): MazeFacts {
  const cached = cache.get(scene);
  if (cached !== undefined) return cached;
  const step = moveSize(scene.style);
  const lattice = toLattice(scene.grid, step);
  const field = routeField(lattice, scene.start, scene.goal);
  const route = shortestRoute(lattice, scene.start, scene.goal);
  let reachableCount = 0;
  for (const d of field.fromStart) if (d >= 0) reachableCount++;
  const facts: MazeFacts = {
    lattice,
    field,
    route,
    steps: route === undefined ? [] : routeSteps(route, step),
    routeCount: countShortestRoutes(lattice, field),
    deadEnds: deadEnds(lattice, [scene.start, scene.goal]),
    reachableCount,
  };
  cache.set(scene, facts);
  return facts;
}

/** A position in the units a person counts: cells in `walls` style, squares in `blocks` style, from 1. */
export function personPosition(scene: MazeScene, p: GridPoint): { row: number; col: number } {
  return scene.style === 'walls' ? { row: (p.row - 1) / 2 + 1, col: (p.col - 1) / 2 + 1 } : { row: p.row + 1, col: p.col + 1 };
}

/** Rows and columns a person counts: maze cells, or squares of the block grid. */
export function personExtent(scene: MazeScene): { rows: number; cols: number } {
  return scene.style === 'walls' ? { rows: scene.rows, cols: scene.cols } : { rows: 2 * scene.rows + 1, cols: 2 * scene.cols + 1 };
}
