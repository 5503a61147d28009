import type { RouteStep } from '@absynth/core';
import { runsAlong } from '../grid/moves.js';
import type { GridPoint } from '../grid/point.js';
import { inRect } from '../grid/point.js';
import type { MazeScene } from './scene.js';
import { moveSize } from './scene.js';
import type { Lattice, RouteField } from './solve.js';
import { countShortestRoutes, deadEnds, routeField, shortestRoute, toLattice } from './solve.js';

/** What the questions need to know about one maze, solved once and shared by every task. */
export interface MazeFacts {
  lattice: Lattice;
  field: RouteField;
  /** One shortest route's positions, or `undefined` when the goal is unreachable. */
  route: GridPoint[] | undefined;
  /** That route as runs of moves (empty when unreachable). */
  runs: RouteStep[];
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

/** Solves a maze in the units of its drawing style, once per scene. */
export function mazeFacts(scene: MazeScene): MazeFacts {
  const cached = cache.get(scene);
  if (cached !== undefined) return cached;
  const blocksPerMove = moveSize(scene.style);
  const lattice = toLattice(scene.grid, blocksPerMove);
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
    runs: route === undefined ? [] : runsAlong(route, blocksPerMove),
    routeCount: countShortestRoutes(lattice, field),
    deadEnds: ends,
    countedDeadEnds: window === null ? ends : ends.filter((p) => inRect(window, p)),
    reachableCount,
  };
  cache.set(scene, facts);
  return facts;
}
