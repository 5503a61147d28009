import type { RouteStep } from '@absynth/core';
import type { GridPoint } from './point.js';

/** The way one move goes. */
export type Direction = RouteStep['direction'];

/** The four moves in a fixed order (up, right, down, left), which also breaks ties between equal routes. */
export const moves = [
  { direction: 'up', dr: -1, dc: 0 },
  { direction: 'right', dr: 0, dc: 1 },
  { direction: 'down', dr: 1, dc: 0 },
  { direction: 'left', dr: 0, dc: -1 },
] as const satisfies readonly { direction: Direction; dr: number; dc: number }[];

/** The direction from `a` to `b`, two positions in one row or one column. */
export function moveDirection(a: GridPoint, b: GridPoint): Direction {
  return b.row < a.row ? 'up' : b.row > a.row ? 'down' : b.col > a.col ? 'right' : 'left';
}

/**
 * The runs of moves along a route given as the positions it visits: each run one direction and
 * how many moves it takes, where one move crosses `blocksPerMove` positions (2 between the cells
 * of a walls maze, over the passage between them).
 */
export function runsAlong(route: readonly GridPoint[], blocksPerMove: 1 | 2 = 1): RouteStep[] {
  const runs: RouteStep[] = [];
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1] as GridPoint;
    const b = route[i] as GridPoint;
    const direction = moveDirection(a, b);
    const count = Math.max(Math.abs(b.row - a.row), Math.abs(b.col - a.col)) / blocksPerMove;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.direction === direction) last.count += count;
    else runs.push({ direction, count });
  }
  return runs;
}

/** The position where each run ends, walking `runs` from `start`; one move crosses `blocksPerMove` positions. */
export function runEnds(start: GridPoint, runs: readonly RouteStep[], blocksPerMove: 1 | 2 = 1): GridPoint[] {
  let { row, col } = start;
  return runs.map(({ direction, count }) => {
    const { dr, dc } = moves.find((move) => move.direction === direction) as (typeof moves)[number];
    row += dr * count * blocksPerMove;
    col += dc * count * blocksPerMove;
    return { row, col };
  });
}

/** How many times a route of neighbouring positions changes direction. */
export function countTurns(route: readonly GridPoint[]): number {
  let turns = 0;
  for (let i = 2; i < route.length; i++) {
    const a = route[i - 2] as GridPoint;
    const b = route[i - 1] as GridPoint;
    const c = route[i] as GridPoint;
    if (b.row - a.row !== c.row - b.row || b.col - a.col !== c.col - b.col) turns++;
  }
  return turns;
}
