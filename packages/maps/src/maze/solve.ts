import type { RouteStep } from '@absynth/core';
import { moves } from '../grid/moves.js';
import { moveDistances, openFlags } from '../grid/open-squares.js';
import type { GridPoint } from '../grid/point.js';

/** A block grid ready for searching: open flags row by row, and how many blocks one move crosses. */
export interface Lattice {
  width: number;
  height: number;
  /** 1 where the block is open. */
  open: Uint8Array;
  /** Blocks per move: 2 when moves go cell to cell in a walls maze, 1 when they go square to square. */
  blocksPerMove: 1 | 2;
}

/** Reads a `#`/`.` block grid for searching with moves of `blocksPerMove` blocks. */
export function toLattice(grid: readonly string[], blocksPerMove: 1 | 2): Lattice {
  return { width: grid[0]?.length ?? 0, height: grid.length, open: openFlags(grid), blocksPerMove };
}

/** Whether the block at (row, col) is inside the grid and open. */
export function isOpen(lattice: Lattice, row: number, col: number): boolean {
  return row >= 0 && col >= 0 && row < lattice.height && col < lattice.width && lattice.open[row * lattice.width + col] === 1;
}

/** Whether one move from (row, col) by (dr, dc) crosses only open blocks. */
export function canMove(lattice: Lattice, row: number, col: number, dr: number, dc: number): boolean {
  for (let i = 1; i <= lattice.blocksPerMove; i++) if (!isOpen(lattice, row + dr * i, col + dc * i)) return false;
  return true;
}

/** Fewest moves from `from` to every block (indexed `row·width + col`); -1 where no route reaches. */
export function distancesFrom(lattice: Lattice, from: GridPoint): Int32Array {
  return moveDistances(lattice.open, lattice.width, from, lattice.blocksPerMove);
}

/** Fewest moves from start to goal, or `undefined` when the goal cannot be reached. */
export function shortestLength(lattice: Lattice, start: GridPoint, goal: GridPoint): number | undefined {
  const d = distancesFrom(lattice, start)[goal.row * lattice.width + goal.col] as number;
  return d < 0 ? undefined : d;
}

/** Whether some route of open blocks leads from start to goal. */
export function isReachable(lattice: Lattice, start: GridPoint, goal: GridPoint): boolean {
  return shortestLength(lattice, start, goal) !== undefined;
}

/**
 * One shortest route as the positions it visits, start and goal included, or `undefined` when
 * there is none. Walks back from the goal, preferring moves in the order of `moves`, so the
 * same maze always gives the same route.
 */
export function shortestRoute(lattice: Lattice, start: GridPoint, goal: GridPoint): GridPoint[] | undefined {
  const { width, blocksPerMove } = lattice;
  const fromStart = distancesFrom(lattice, start);
  let d = fromStart[goal.row * width + goal.col] as number;
  if (d < 0) return undefined;
  const route: GridPoint[] = [{ row: goal.row, col: goal.col }];
  let { row, col } = goal;
  while (d > 0) {
    for (const { dr, dc } of moves) {
      if (!canMove(lattice, row, col, dr, dc)) continue;
      const r = row + dr * blocksPerMove;
      const c = col + dc * blocksPerMove;
      if (fromStart[r * width + c] === d - 1) {
        row = r;
        col = c;
        break;
      }
    }
    d--;
    route.push({ row, col });
  }
  return route.reverse();
}

/** How many moves lead out of (row, col) through open blocks. */
export function openMoves(lattice: Lattice, row: number, col: number): number {
  let n = 0;
  for (const { dr, dc } of moves) if (canMove(lattice, row, col, dr, dc)) n++;
  return n;
}

/**
 * The dead ends: positions a move can stand on (cells in a walls maze, open squares in a blocks
 * maze), other than those in `except`, with exactly one open move out.
 */
export function deadEnds(lattice: Lattice, except: readonly GridPoint[] = []): GridPoint[] {
  const { blocksPerMove } = lattice;
  const found: GridPoint[] = [];
  // With two-block moves only odd positions are cells; the blocks between them are passages.
  const first = blocksPerMove === 2 ? 1 : 0;
  for (let row = first; row < lattice.height; row += blocksPerMove) {
    for (let col = first; col < lattice.width; col += blocksPerMove) {
      if (!isOpen(lattice, row, col)) continue;
      if (except.some((p) => p.row === row && p.col === col)) continue;
      if (openMoves(lattice, row, col) === 1) found.push({ row, col });
    }
  }
  return found;
}

/** Distances from both ends, and the shortest length, for questions about shortest routes. */
export interface RouteField {
  fromStart: Int32Array;
  fromGoal: Int32Array;
  /** Fewest moves from start to goal; -1 when unreachable. */
  length: number;
}

/** Distances from start and from goal over the whole lattice. */
export function routeField(lattice: Lattice, start: GridPoint, goal: GridPoint): RouteField {
  const fromStart = distancesFrom(lattice, start);
  const fromGoal = distancesFrom(lattice, goal);
  return { fromStart, fromGoal, length: fromStart[goal.row * lattice.width + goal.col] as number };
}

/** Whether (row, col) lies on at least one shortest route. */
export function onSomeShortestRoute(field: RouteField, index: number): boolean {
  const a = field.fromStart[index] as number;
  const b = field.fromGoal[index] as number;
  return field.length >= 0 && a >= 0 && b >= 0 && a + b === field.length;
}

/**
 * The positions every shortest route passes, in route order, start and goal included: those on
 * some shortest route that are the only such position at their distance from the start.
 */
export function onEveryShortestRoute(lattice: Lattice, field: RouteField): GridPoint[] {
  if (field.length < 0) return [];
  const countAt = new Int32Array(field.length + 1);
  const positionAt = new Int32Array(field.length + 1);
  for (let i = 0; i < lattice.open.length; i++) {
    if (!onSomeShortestRoute(field, i)) continue;
    const d = field.fromStart[i] as number;
    countAt[d] = (countAt[d] as number) + 1;
    positionAt[d] = i;
  }
  const found: GridPoint[] = [];
  for (let d = 0; d <= field.length; d++) {
    if (countAt[d] !== 1) continue;
    const i = positionAt[d] as number;
    found.push({ row: Math.floor(i / lattice.width), col: i % lattice.width });
  }
  return found;
}

/** Where a walk of moves ends, and why. */
export interface Walk {
  /** Positions visited, start first, up to the last legal move. */
  visited: GridPoint[];
  /** Whether a move ran into a wall or off the grid (the walk stops there). */
  blocked: boolean;
}

/** Follows `steps` from `start`, stopping at the first move that crosses a blocked block. */
export function walkSteps(lattice: Lattice, start: GridPoint, steps: readonly RouteStep[]): Walk {
  const visited: GridPoint[] = [{ row: start.row, col: start.col }];
  let { row, col } = start;
  for (const { direction, count } of steps) {
    const move = moves.find((m) => m.direction === direction);
    if (move === undefined) return { visited, blocked: true };
    for (let i = 0; i < count; i++) {
      if (!canMove(lattice, row, col, move.dr, move.dc)) return { visited, blocked: true };
      row += move.dr * lattice.blocksPerMove;
      col += move.dc * lattice.blocksPerMove;
      visited.push({ row, col });
    }
  }
  return { visited, blocked: false };
}

/** How many different shortest routes lead from start to goal (a float: it can be astronomically large). */
export function countShortestRoutes(lattice: Lattice, field: RouteField): number {
  if (field.length < 0) return 0;
  const { width, blocksPerMove } = lattice;
  const byDistance: number[][] = Array.from({ length: field.length + 1 }, () => []);
  for (let i = 0; i < lattice.open.length; i++) {
    if (onSomeShortestRoute(field, i)) byDistance[field.fromStart[i] as number]?.push(i);
  }
  const ways = new Float64Array(lattice.open.length);
  for (const i of byDistance[0] ?? []) ways[i] = 1;
  for (let d = 1; d <= field.length; d++) {
    for (const i of byDistance[d] ?? []) {
      const row = Math.floor(i / width);
      const col = i - row * width;
      let total = 0;
      for (const { dr, dc } of moves) {
        if (!canMove(lattice, row, col, dr, dc)) continue;
        const j = (row + dr * blocksPerMove) * width + col + dc * blocksPerMove;
        if (field.fromStart[j] === d - 1 && onSomeShortestRoute(field, j)) total += ways[j] as number;
      }
      ways[i] = total;
    }
  }
  let total = 0;
  for (const i of byDistance[field.length] ?? []) total += ways[i] as number;
  return total;
}
