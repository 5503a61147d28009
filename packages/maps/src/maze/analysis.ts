import type { RouteStep } from '@absynth/core';
import type { GridPoint, GridRect, MazeScene } from './scene.js';
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
  /** The dead ends the dead-end question counts: those inside the window, or all when there is none. */
  countedDeadEnds: GridPoint[];
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
  const ends = deadEnds(lattice, [scene.start, scene.goal]);
  const window = scene.deadEndWindow;
  const facts: MazeFacts = {
    lattice,
    field,
    route,
    steps: route === undefined ? [] : routeSteps(route, step),
    routeCount: countShortestRoutes(lattice, field),
    deadEnds: ends,
    countedDeadEnds: window === null ? ends : ends.filter((p) => inRect(window, p)),
    reachableCount,
  };
  cache.set(scene, facts);
  return facts;
}

/** A position in the units a person counts: cells in `walls` style, squares in `blocks` style, from 1. */
export function personPosition(scene: MazeScene, p: GridPoint): { row: number; col: number } {
  return scene.style === 'walls' ? { row: (p.row - 1) / 2 + 1, col: (p.col - 1) / 2 + 1 } : { row: p.row + 1, col: p.col + 1 };
}

/** Whether a block-grid position lies in a rectangle of the block grid. */
export function inRect(rect: GridRect, p: GridPoint): boolean {
  return p.row >= rect.top && p.row <= rect.bottom && p.col >= rect.left && p.col <= rect.right;
}

/** The region id of a counted dead end, by its position in the units a person counts: `dead-end-3-7`. */
export function deadEndRegion(scene: MazeScene, p: GridPoint): string {
  const { row, col } = personPosition(scene, p);
  return `dead-end-${row}-${col}`;
}
