import type { Rng } from '@absynth/core';
import type { GridPoint, GridRect } from '../grid/point.js';
import { braid, carve, cellPoint, cellRoute, closeBetween, regions, solidMaze, toGrid } from './generate.js';
import type { MazeParams } from './params.js';
import type { Candidate, CandidateLabel, MazeScene, MazeStyle } from './scene.js';
import { mazeAlgorithms, moveSize } from './scene.js';
import { deadEnds, onEveryShortestRoute, onSomeShortestRoute, routeField, toLattice } from './solve.js';

/** Palette entries the marks choose from; every theme has at least eight. */
const paletteSize = 8;

/**
 * Samples one maze: carves a perfect maze, places start and goal at least half the maze apart
 * (in cells along rows plus columns), seals the goal off with probability `unsolvable`, braids,
 * labels four candidate cells, and boxes a window for the dead-end count when the maze has too
 * many dead ends to count whole.
 */
export function sampleMaze(rng: Rng, params: MazeParams): MazeScene {
  const algorithm = params.algorithm === 'auto' ? rng.pick(mazeAlgorithms) : params.algorithm;
  const style = params.style === 'auto' ? rng.pick(['walls', 'blocks'] as const) : params.style;
  const labels = params.labels === 'auto' ? rng.pick(['letters', 'legend'] as const) : params.labels;
  const startColour = rng.int(0, paletteSize - 1);
  const goalColour = (startColour + rng.int(1, paletteSize - 1)) % paletteSize;

  const { rows, cols } = params;
  const maze = solidMaze(rows, cols);
  carve(maze, algorithm, rng);

  const start = rng.int(0, rows * cols - 1);
  const far: number[] = [];
  const minApart = Math.ceil((rows + cols - 2) / 2);
  for (let cell = 0; cell < rows * cols; cell++) {
    const apart = Math.abs(Math.floor(cell / cols) - Math.floor(start / cols)) + Math.abs((cell % cols) - (start % cols));
    if (apart >= minApart) far.push(cell);
  }
  const goal = rng.pick(far);

  let region: Int32Array = new Int32Array(rows * cols);
  if (rng.bool(params.unsolvable)) {
    // Closing one wall on the tree's only route splits the maze in two; braiding then stays inside each part.
    const route = cellRoute(maze, start, goal);
    const last = route.length - 2;
    const cut = rng.int(Math.floor(last / 4), Math.ceil((3 * last) / 4));
    closeBetween(maze, route[cut] as number, route[cut + 1] as number);
    region = regions(maze);
  }
  braid(maze, params.braid, region, rng);

  const grid = toGrid(maze);
  const startPoint = cellPoint(maze, start);
  const goalPoint = cellPoint(maze, goal);
  return {
    rows,
    cols,
    algorithm,
    grid,
    start: startPoint,
    goal: goalPoint,
    style,
    labels,
    gridLines: params.gridLines,
    colours: { start: startColour, goal: goalColour },
    candidates: params.candidates ? pickCandidates(grid, moveSize(style), startPoint, goalPoint, rng) : [],
    deadEndWindow: pickDeadEndWindow(grid, style, startPoint, goalPoint, rng),
  };
}

const letters: readonly CandidateLabel[] = ['A', 'B', 'C', 'D'];

/**
 * Four cells for the which-cell question: one that every shortest route passes (from the
 * middle half of the route when possible) and three that no shortest route passes, drawn from
 * the off-route cells with the smallest detours so the question is not trivial. Letters are
 * shuffled. Empty when the goal is unreachable or the maze has no such four cells.
 */
export function pickCandidates(
  grid: readonly string[],
  blocksPerMove: 1 | 2,
  start: GridPoint,
  goal: GridPoint,
  rng: Rng,
): Candidate[] {
  const lattice = toLattice(grid, blocksPerMove);
  const field = routeField(lattice, start, goal);
  if (field.length < 0) return [];
  const { width } = lattice;
  const isEnd = (p: GridPoint) => (p.row === start.row && p.col === start.col) || (p.row === goal.row && p.col === goal.col);
  // Candidates are cells (odd row and column) in both styles, so a letter never sits in a passage.
  const isCell = (p: GridPoint) => p.row % 2 === 1 && p.col % 2 === 1;

  const required = onEveryShortestRoute(lattice, field).filter((p) => isCell(p) && !isEnd(p));
  if (required.length === 0) return [];
  const middle = required.filter((p) => {
    const d = field.fromStart[p.row * width + p.col] as number;
    return 4 * d >= field.length && 4 * d <= 3 * field.length;
  });
  const onRoute = rng.pick(middle.length > 0 ? middle : required);

  const offRoute: { point: GridPoint; detour: number }[] = [];
  for (let row = 1; row < lattice.height; row += 2) {
    for (let col = 1; col < width; col += 2) {
      const i = row * width + col;
      if (lattice.open[i] !== 1 || onSomeShortestRoute(field, i) || isEnd({ row, col })) continue;
      const a = field.fromStart[i] as number;
      const b = field.fromGoal[i] as number;
      if (a < 0 || b < 0) continue;
      offRoute.push({ point: { row, col }, detour: a + b - field.length });
    }
  }
  offRoute.sort((x, y) => x.detour - y.detour);
  const pool = rng.shuffle(offRoute.slice(0, Math.max(12, Math.ceil(offRoute.length / 3))));

  const chosen: GridPoint[] = [onRoute];
  // Letters on touching cells crowd each other; keep them at least two cells apart, if the maze allows.
  for (const minGap of [4, 2]) {
    for (const { point } of pool) {
      if (chosen.length === 4) break;
      if (chosen.every((p) => Math.max(Math.abs(p.row - point.row), Math.abs(p.col - point.col)) >= minGap)) {
        chosen.push(point);
      }
    }
  }
  if (chosen.length < 4) return [];
  return rng.shuffle(chosen).map((p, i) => ({ label: letters[i] as CandidateLabel, row: p.row, col: p.col }));
}

/** The most dead ends a question asks to count; a maze with more gets a window to count in. */
export const countableDeadEnds = 12;
/** How many dead ends a window is sampled to hold: few enough to count, enough to be worth asking. */
const windowDeadEnds = { min: 3, max: 10 } as const;
/** Counts tried, in order, when no window holds 3 to 10 dead ends; any 3×3 window holds at most 9. */
const fallbackDeadEnds = [2, 11, 1, 12, 0] as const;
/** The shortest side of a window, in cells. */
export const minWindowSide = 3;

/**
 * A window of whole cells for the dead-end question, or `null` when the whole maze has at most
 * {@link countableDeadEnds} dead ends. The count it should hold is drawn from 3 to 10 (so
 * answers spread evenly), then one of the windows holding exactly that many is drawn, among
 * those at least 3×3 cells and at most twice as long as wide. Dead ends do not depend on the
 * drawing style (a passage square always has two open neighbours), so cells are counted here.
 * In `blocks` style the window also takes the ring of wall squares around its cells, so its
 * dashed edge runs over walls and passages, clear of every square that could be counted.
 */
export function pickDeadEndWindow(
  grid: readonly string[],
  style: MazeStyle,
  start: GridPoint,
  goal: GridPoint,
  rng: Rng,
): GridRect | null {
  const ends = deadEnds(toLattice(grid, 2), [start, goal]);
  if (ends.length <= countableDeadEnds) return null;
  const rows = (grid.length - 1) / 2;
  const cols = ((grid[0]?.length ?? 1) - 1) / 2;
  // sums[r·stride + c]: dead ends among the cells above row r and left of column c (from 0).
  const stride = cols + 1;
  const sums = new Int32Array((rows + 1) * stride);
  for (const p of ends) sums[((p.row + 1) / 2) * stride + (p.col + 1) / 2] = 1;
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const i = r * stride + c;
      sums[i] = (sums[i] as number) + (sums[i - stride] as number) + (sums[i - 1] as number) - (sums[i - stride - 1] as number);
    }
  }
  // Calls `visit` with each window holding `want` dead ends until it returns true; the number visited.
  const eachWindow = (want: number, visit: (top: number, left: number, height: number, width: number) => boolean): number => {
    let seen = 0;
    for (let height = minWindowSide; height <= rows; height++) {
      for (let width = Math.max(minWindowSide, Math.ceil(height / 2)); width <= Math.min(cols, 2 * height); width++) {
        for (let top = 0; top + height <= rows; top++) {
          const upper = top * stride;
          const lower = (top + height) * stride;
          for (let left = 0; left + width <= cols; left++) {
            const right = left + width;
            const held = (sums[lower + right] as number) - (sums[upper + right] as number) - (sums[lower + left] as number) + (sums[upper + left] as number);
            if (held !== want) continue;
            seen++;
            if (visit(top, left, height, width)) return seen;
          }
        }
      }
    }
    return seen;
  };

  const preferred = rng.int(windowDeadEnds.min, windowDeadEnds.max);
  const counts: number[] = [];
  for (let n = windowDeadEnds.min; n <= windowDeadEnds.max; n++) counts.push(n);
  counts.sort((a, b) => Math.abs(a - preferred) - Math.abs(b - preferred) || a - b);
  for (const want of [...counts, ...fallbackDeadEnds]) {
    const windows = eachWindow(want, () => false);
    if (windows === 0) continue;
    let skip = rng.int(0, windows - 1);
    let rect: GridRect | null = null;
    eachWindow(want, (top, left, height, width) => {
      if (skip-- > 0) return false;
      const ring = style === 'blocks' ? 1 : 0;
      rect = {
        top: 2 * top + 1 - ring,
        left: 2 * left + 1 - ring,
        bottom: 2 * (top + height) - 1 + ring,
        right: 2 * (left + width) - 1 + ring,
      };
      return true;
    });
    return rect;
  }
  return null;
}
