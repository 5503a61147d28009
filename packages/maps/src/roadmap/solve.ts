import { moves } from '../grid/moves.js';
import { moveDistances, openFlags } from '../grid/open-squares.js';
import type { GridPoint } from '../grid/point.js';

/** A road map ready for searching: the side of the grid and a flag per cell, row by row. */
export interface Roads {
  size: number;
  /** 1 where the cell is free. */
  free: Uint8Array;
}

/** Reads a square `#`/`.` grid for searching. */
export function toRoads(grid: readonly string[]): Roads {
  return { size: grid.length, free: openFlags(grid) };
}

/** Whether (row, col) is inside the grid and free. */
export function isFree(roads: Roads, row: number, col: number): boolean {
  return row >= 0 && col >= 0 && row < roads.size && col < roads.size && roads.free[row * roads.size + col] === 1;
}

/** The cell at an index, `row·size + col`. */
export function cellAt(roads: Roads, index: number): GridPoint {
  return { row: Math.floor(index / roads.size), col: index % roads.size };
}

/** Which free neighbours a free cell has, as a bit per move (1 up, 2 right, 4 down, 8 left). */
export function openSides(roads: Roads, row: number, col: number): number {
  let sides = 0;
  moves.forEach(({ dr, dc }, i) => {
    if (isFree(roads, row + dr, col + dc)) sides |= 1 << i;
  });
  return sides;
}

/** How many free neighbours a cell has. */
export function degree(roads: Roads, row: number, col: number): number {
  const sides = openSides(roads, row, col);
  return (sides & 1) + ((sides >> 1) & 1) + ((sides >> 2) & 1) + ((sides >> 3) & 1);
}

/**
 * What a free cell is in the road network: a dead end (one free neighbour), a straight stretch
 * (two, opposite), a turn (two, at a right angle), a crossing (three or four), or isolated.
 */
export type CellShape = 'isolated' | 'dead-end' | 'straight' | 'turn' | 'crossing';

/** The shape of the road at a free cell. */
export function cellShape(roads: Roads, row: number, col: number): CellShape {
  const sides = openSides(roads, row, col);
  const n = degree(roads, row, col);
  if (n === 0) return 'isolated';
  if (n === 1) return 'dead-end';
  if (n >= 3) return 'crossing';
  return sides === 5 || sides === 10 ? 'straight' : 'turn';
}

/** Fewest moves from `from` to every cell through free cells (indexed `row·size + col`); -1 where no route reaches. */
export function distancesFrom(roads: Roads, from: GridPoint): Int32Array {
  return moveDistances(roads.free, roads.size, from);
}

/**
 * Distances from a start, and turns along the shortest routes: for every cell and each
 * direction of arrival, the fewest and the most turns any shortest route from the start makes
 * on its way in. A turn is a change of direction between two moves.
 */
export interface TurnField {
  start: GridPoint;
  /** Fewest moves from the start; -1 where unreachable. */
  distance: Int32Array;
  /** Fewest turns of a shortest route arriving at cell `i` moving in direction `d`, at `4i + d`; -1 when no shortest route arrives so. */
  fewestIn: Int32Array;
  /** Most turns likewise, at `4i + d`; -1 when no shortest route arrives so. */
  mostIn: Int32Array;
}

/**
 * Breadth-first search from `start`, then, in the order it reached the cells, the turns of the
 * shortest routes into each cell from the cells one move nearer the start. Moves out of the
 * start are never turns.
 */
export function turnField(roads: Roads, start: GridPoint): TurnField {
  const { size, free } = roads;
  const distance = new Int32Array(free.length).fill(-1);
  const fewestIn = new Int32Array(4 * free.length).fill(-1);
  const mostIn = new Int32Array(4 * free.length).fill(-1);
  const origin = start.row * size + start.col;
  if (free[origin] !== 1) return { start, distance, fewestIn, mostIn };
  const queue = new Int32Array(free.length);
  let head = 0;
  let tail = 0;
  distance[origin] = 0;
  queue[tail++] = origin;
  while (head < tail) {
    const here = queue[head++] as number;
    const row = Math.floor(here / size);
    const col = here - row * size;
    const d = distance[here] as number;
    for (let dir = 0; dir < 4; dir++) {
      const { dr, dc } = moves[dir] as (typeof moves)[number];
      const r = row + dr;
      const c = col + dc;
      if (r < 0 || c < 0 || r >= size || c >= size) continue;
      const next = r * size + c;
      if (free[next] !== 1) continue;
      if (distance[next] === -1) {
        distance[next] = d + 1;
        queue[tail++] = next;
      }
      if (distance[next] !== d + 1) continue;
      // `here` is one move nearer the start than `next`: extend the routes into `here` by this move.
      let fewest = -1;
      let most = -1;
      if (here === origin) {
        fewest = 0;
        most = 0;
      } else {
        for (let from = 0; from < 4; from++) {
          const f = fewestIn[4 * here + from] as number;
          if (f < 0) continue;
          const turn = from === dir ? 0 : 1;
          if (fewest < 0 || f + turn < fewest) fewest = f + turn;
          const m = (mostIn[4 * here + from] as number) + turn;
          if (m > most) most = m;
        }
      }
      fewestIn[4 * next + dir] = fewest;
      mostIn[4 * next + dir] = most;
    }
  }
  return { start, distance, fewestIn, mostIn };
}

/** The fewest and the most turns of the shortest routes to cell `index`; both -1 when it is unreachable. */
export function turnsTo(field: TurnField, index: number): { fewest: number; most: number } {
  let fewest = -1;
  let most = -1;
  for (let dir = 0; dir < 4; dir++) {
    const f = field.fewestIn[4 * index + dir] as number;
    if (f < 0) continue;
    if (fewest < 0 || f < fewest) fewest = f;
    const m = field.mostIn[4 * index + dir] as number;
    if (m > most) most = m;
  }
  if (field.distance[index] === 0) return { fewest: 0, most: 0 };
  return { fewest, most };
}

/**
 * The shortest route from the field's start to `end` with the fewest turns, every cell from
 * start to end, or `undefined` when `end` is unreachable. Walks back from the end; ties between
 * equally good routes go to the direction that comes first in {@link moves}, so the same map
 * always gives the same route.
 */
export function fewestTurnRoute(roads: Roads, field: TurnField, end: GridPoint): GridPoint[] | undefined {
  const { size } = roads;
  let here = end.row * size + end.col;
  if ((field.distance[here] as number) < 0) return undefined;
  const route: GridPoint[] = [{ row: end.row, col: end.col }];
  if (field.distance[here] === 0) return route;
  let dir = -1;
  for (let d = 0; d < 4; d++) {
    const f = field.fewestIn[4 * here + d] as number;
    if (f >= 0 && (dir < 0 || f < (field.fewestIn[4 * here + dir] as number))) dir = d;
  }
  while ((field.distance[here] as number) > 0) {
    const want = field.fewestIn[4 * here + dir] as number;
    const { dr, dc } = moves[dir] as (typeof moves)[number];
    const previous = here - dr * size - dc;
    route.push(cellAt(roads, previous));
    if (field.distance[previous] === 0) break;
    let next = -1;
    for (let d = 0; d < 4; d++) {
      const f = field.fewestIn[4 * previous + d] as number;
      if (f >= 0 && f + (d === dir ? 0 : 1) === want) {
        next = d;
        break;
      }
    }
    here = previous;
    dir = next;
  }
  return route.reverse();
}
