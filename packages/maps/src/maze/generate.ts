import type { Rng } from '@absynth/core';
import { moves } from '../grid/moves.js';
import { flagLines } from '../grid/open-squares.js';
import type { GridPoint } from '../grid/point.js';
import type { MazeAlgorithm } from './scene.js';

/**
 * A maze being carved: `rows × cols` cells in a block grid of `(2·rows+1) × (2·cols+1)` blocks,
 * 1 where open. Cell (r, c) is block (2r+1, 2c+1); the block between two neighbouring cells is
 * the passage that carving opens.
 */
export interface CarvedMaze {
  rows: number;
  cols: number;
  width: number;
  open: Uint8Array;
}

/** An uncarved maze: every cell open, every wall standing. */
export function solidMaze(rows: number, cols: number): CarvedMaze {
  const width = 2 * cols + 1;
  const open = new Uint8Array(width * (2 * rows + 1));
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) open[(2 * r + 1) * width + 2 * c + 1] = 1;
  return { rows, cols, width, open };
}

function passage(maze: CarvedMaze, cell: number, dir: number): number {
  const { dr, dc } = moves[dir] as (typeof moves)[number];
  const r = Math.floor(cell / maze.cols);
  const c = cell - r * maze.cols;
  return (2 * r + 1 + dr) * maze.width + 2 * c + 1 + dc;
}

/** The neighbouring cell in direction `dir` (an index into `moves`: 0 up, 1 right, 2 down, 3 left), or -1 off the edge. */
function neighbour(maze: CarvedMaze, cell: number, dir: number): number {
  const { dr, dc } = moves[dir] as (typeof moves)[number];
  const r = Math.floor(cell / maze.cols) + dr;
  const c = (cell % maze.cols) + dc;
  return r < 0 || c < 0 || r >= maze.rows || c >= maze.cols ? -1 : r * maze.cols + c;
}

/** Whether the wall between a cell and its neighbour in direction `dir` is open. */
export function isPassage(maze: CarvedMaze, cell: number, dir: number): boolean {
  return neighbour(maze, cell, dir) !== -1 && maze.open[passage(maze, cell, dir)] === 1;
}

/** Opens (or, with `open` false, closes) the wall between a cell and its neighbour in direction `dir`. */
export function setPassage(maze: CarvedMaze, cell: number, dir: number, open = true): void {
  maze.open[passage(maze, cell, dir)] = open ? 1 : 0;
}

/** How many passages lead out of a cell. */
export function degree(maze: CarvedMaze, cell: number): number {
  let n = 0;
  for (let dir = 0; dir < 4; dir++) if (isPassage(maze, cell, dir)) n++;
  return n;
}

/** Carves a perfect maze (a spanning tree: exactly one route between any two cells) in place. */
export function carve(maze: CarvedMaze, algorithm: MazeAlgorithm, rng: Rng): void {
  if (algorithm === 'backtracker') carveBacktracker(maze, rng);
  else if (algorithm === 'prim') carvePrim(maze, rng);
  else carveKruskal(maze, rng);
}

/** Depth-first search with a stack: it runs as far as it can before branching, so corridors are long. */
function carveBacktracker(maze: CarvedMaze, rng: Rng): void {
  const cells = maze.rows * maze.cols;
  const visited = new Uint8Array(cells);
  const stack = new Int32Array(cells);
  const options = new Int32Array(4);
  let top = 0;
  const first = rng.int(0, cells - 1);
  visited[first] = 1;
  stack[top++] = first;
  while (top > 0) {
    const cell = stack[top - 1] as number;
    let n = 0;
    for (let dir = 0; dir < 4; dir++) {
      const next = neighbour(maze, cell, dir);
      if (next !== -1 && visited[next] === 0) options[n++] = dir;
    }
    if (n === 0) {
      top--;
      continue;
    }
    const dir = options[rng.int(0, n - 1)] as number;
    const next = neighbour(maze, cell, dir);
    setPassage(maze, cell, dir);
    visited[next] = 1;
    stack[top++] = next;
  }
}

/** Randomized Prim: grows from a random frontier cell each time, so the tree branches often and dead ends are short. */
function carvePrim(maze: CarvedMaze, rng: Rng): void {
  const cells = maze.rows * maze.cols;
  const state = new Uint8Array(cells); // 0 outside, 1 frontier, 2 in the maze
  const frontier: number[] = [];
  const options = new Int32Array(4);
  const add = (cell: number) => {
    state[cell] = 2;
    for (let dir = 0; dir < 4; dir++) {
      const next = neighbour(maze, cell, dir);
      if (next !== -1 && state[next] === 0) {
        state[next] = 1;
        frontier.push(next);
      }
    }
  };
  add(rng.int(0, cells - 1));
  while (frontier.length > 0) {
    const i = rng.int(0, frontier.length - 1);
    const cell = frontier[i] as number;
    frontier[i] = frontier[frontier.length - 1] as number;
    frontier.pop();
    let n = 0;
    for (let dir = 0; dir < 4; dir++) {
      const next = neighbour(maze, cell, dir);
      if (next !== -1 && state[next] === 2) options[n++] = dir;
    }
    setPassage(maze, cell, options[rng.int(0, n - 1)] as number);
    add(cell);
  }
}

/** Randomized Kruskal: opens walls in random order when they join two separate regions; uniform, spiky texture. */
function carveKruskal(maze: CarvedMaze, rng: Rng): void {
  const cells = maze.rows * maze.cols;
  const parent = new Int32Array(cells);
  for (let i = 0; i < cells; i++) parent[i] = i;
  const root = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  // Each cell owns its right (1) and lower (2) walls: edge = cell·2 + (dir === 1 ? 0 : 1).
  const edges: number[] = [];
  for (let cell = 0; cell < cells; cell++) {
    if (neighbour(maze, cell, 1) !== -1) edges.push(cell * 2);
    if (neighbour(maze, cell, 2) !== -1) edges.push(cell * 2 + 1);
  }
  for (const edge of rng.shuffle(edges)) {
    const cell = edge >> 1;
    const dir = edge & 1 ? 2 : 1;
    const a = root(cell);
    const b = root(neighbour(maze, cell, dir));
    if (a === b) continue;
    parent[a] = b;
    setPassage(maze, cell, dir);
  }
}

/** The cells of a tree route from `from` to `to` (both included), found by breadth-first search over passages. */
export function cellRoute(maze: CarvedMaze, from: number, to: number): number[] {
  const cells = maze.rows * maze.cols;
  const previous = new Int32Array(cells).fill(-1);
  previous[from] = from;
  const queue = [from];
  for (let head = 0; head < queue.length && previous[to] === -1; head++) {
    const cell = queue[head] as number;
    for (let dir = 0; dir < 4; dir++) {
      if (!isPassage(maze, cell, dir)) continue;
      const next = neighbour(maze, cell, dir);
      if (previous[next] !== -1) continue;
      previous[next] = cell;
      queue.push(next);
    }
  }
  if (previous[to] === -1) return [];
  const route = [to];
  for (let cell = to; cell !== from; ) {
    cell = previous[cell] as number;
    route.push(cell);
  }
  return route.reverse();
}

/** Region labels: cells joined by passages share a label (flood fill from each unlabelled cell). */
export function regions(maze: CarvedMaze): Int32Array {
  const cells = maze.rows * maze.cols;
  const label = new Int32Array(cells).fill(-1);
  const stack: number[] = [];
  let next = 0;
  for (let seed = 0; seed < cells; seed++) {
    if (label[seed] !== -1) continue;
    label[seed] = next;
    stack.push(seed);
    while (stack.length > 0) {
      const cell = stack.pop() as number;
      for (let dir = 0; dir < 4; dir++) {
        if (!isPassage(maze, cell, dir)) continue;
        const other = neighbour(maze, cell, dir);
        if (label[other] !== -1) continue;
        label[other] = next;
        stack.push(other);
      }
    }
    next++;
  }
  return label;
}

/** Closes the wall between two neighbouring cells of a route (cell indices). */
export function closeBetween(maze: CarvedMaze, a: number, b: number): void {
  for (let dir = 0; dir < 4; dir++) {
    if (neighbour(maze, a, dir) === b) {
      setPassage(maze, a, dir, false);
      return;
    }
  }
  throw new Error(`cells ${a} and ${b} are not neighbours`);
}

/**
 * Removes about `fraction` of the dead ends by opening one more wall of each, which makes loops.
 * A wall is opened only between cells with the same `region` label, so walled-off parts stay apart.
 */
export function braid(maze: CarvedMaze, fraction: number, region: Int32Array, rng: Rng): void {
  if (fraction <= 0) return;
  const cells = maze.rows * maze.cols;
  const ends: number[] = [];
  for (let cell = 0; cell < cells; cell++) if (degree(maze, cell) === 1) ends.push(cell);
  const chosen = rng.shuffle(ends).slice(0, Math.round(fraction * ends.length));
  const options = new Int32Array(4);
  for (const cell of chosen) {
    // An earlier opening may already have joined this dead end.
    if (degree(maze, cell) !== 1) continue;
    let n = 0;
    for (let dir = 0; dir < 4; dir++) {
      const next = neighbour(maze, cell, dir);
      if (next !== -1 && !isPassage(maze, cell, dir) && region[next] === region[cell]) options[n++] = dir;
    }
    if (n > 0) setPassage(maze, cell, options[rng.int(0, n - 1)] as number);
  }
}

/** The maze as `#`/`.` strings, one per block row. */
export function toGrid(maze: CarvedMaze): string[] {
  return flagLines(maze.open, maze.width);
}

/** The block-grid position of a cell index. */
export function cellPoint(maze: CarvedMaze, cell: number): GridPoint {
  return { row: 2 * Math.floor(cell / maze.cols) + 1, col: 2 * (cell % maze.cols) + 1 };
}
