import type { GridPoint, GridRect } from '../grid/point.js';

/** The maze generators; each leaves a visibly different texture. */
export const mazeAlgorithms = ['backtracker', 'prim', 'kruskal'] as const;

/** A maze generator: long winding corridors (`backtracker`), or many short branches (`prim`, `kruskal`). */
export type MazeAlgorithm = (typeof mazeAlgorithms)[number];

/** How the maze is drawn: thin walls between cells, or a grid of filled and open squares. */
export type MazeStyle = 'walls' | 'blocks';

/** How start and goal are identified: letters S and G on the marks, or a legend under the maze. */
export type MarkLabels = 'letters' | 'legend';

/** The letters of the four labelled cells of the which-cell question. */
export type CandidateLabel = 'A' | 'B' | 'C' | 'D';

/** A labelled cell drawn on the maze. */
export interface Candidate extends GridPoint {
  label: CandidateLabel;
}

/** The ground truth of one maze image. Plain data: it survives a JSON round trip. */
export interface MazeScene {
  /** Maze height in cells. */
  rows: number;
  /** Maze width in cells. */
  cols: number;
  /** The generator that carved the maze. */
  algorithm: MazeAlgorithm;
  /** The maze as `2·rows+1` strings of `2·cols+1` blocks: `#` blocked, `.` open; cells sit at odd (row, col). */
  grid: string[];
  /** The start cell, as a position in the block grid. */
  start: GridPoint;
  /** The goal cell, as a position in the block grid. */
  goal: GridPoint;
  /** How the maze is drawn; it also sets what one move is (a cell for `walls`, a square for `blocks`). */
  style: MazeStyle;
  /** How start and goal are identified in the image. */
  labels: MarkLabels;
  /** Whether faint lines mark every cell or square, to help count moves. */
  gridLines: boolean;
  /** Palette indices of the start and goal marks (distinct). */
  colours: { start: number; goal: number };
  /** Four labelled cells, exactly one on every shortest route; empty when there is no such set. */
  candidates: Candidate[];
  /**
   * The dashed box the dead-end question counts in, when the whole maze has too many dead ends
   * to count by eye; `null` when the question asks about the whole maze. In `walls` style it
   * holds whole cells (its corners are cells); in `blocks` style whole squares: a block of cells
   * with the ring of wall squares around them (its corners are posts).
   */
  deadEndWindow: GridRect | null;
}

/** Blocks per move: a move crosses one cell (two blocks) in `walls` style, one square in `blocks` style. */
export function moveSize(style: MazeStyle): 1 | 2 {
  return style === 'walls' ? 2 : 1;
}

/** A position in the units a person counts: cells in `walls` style, squares in `blocks` style, from 1. */
export function personPosition(scene: MazeScene, p: GridPoint): { row: number; col: number } {
  return scene.style === 'walls' ? { row: (p.row - 1) / 2 + 1, col: (p.col - 1) / 2 + 1 } : { row: p.row + 1, col: p.col + 1 };
}

/** The region id of a counted dead end, by its position in the units a person counts: `dead-end-3-7`. */
export function deadEndRegion(scene: MazeScene, p: GridPoint): string {
  const { row, col } = personPosition(scene, p);
  return `dead-end-${row}-${col}`;
}

/** Ids of the regions that show the colours blocks-style questions name: a wall square on the maze's edge, an open square, and the background beside the maze. */
export const colourRegions = { wall: 'wall-square', open: 'open-square', margin: 'margin' } as const;

/** The class of the areas whose colours the questions name (walls, open squares, background), which a colour name could mean. */
export const areaClass = 'maze-area';

/**
 * In `blocks` style, a wall square on the maze's edge and an open square whose colour nothing
 * drawn over covers, so that their pixels show the wall and open colours: none within two
 * squares of start or goal (the reach of the ring a big maze draws round them), none on a
 * candidate letter's square or on the dashed box's ring. Where a small maze leaves no square that
 * clear, squares next to start and goal are taken too (small mazes draw no ring). `undefined` in
 * `walls` style or when no square is clear.
 */
export function colourSamples(scene: MazeScene): { wall: GridPoint; open: GridPoint } | undefined {
  if (scene.style !== 'blocks') return undefined;
  const height = scene.grid.length;
  const width = scene.grid[0]?.length ?? 0;
  const window = scene.deadEndWindow;
  const onWindowRing = (p: GridPoint) =>
    window !== null &&
    p.row >= window.top - 1 &&
    p.row <= window.bottom + 1 &&
    p.col >= window.left - 1 &&
    p.col <= window.right + 1 &&
    !(p.row > window.top + 1 && p.row < window.bottom - 1 && p.col > window.left + 1 && p.col < window.right - 1);
  const edge: GridPoint[] = [];
  for (let col = 0; col < width; col++) edge.push({ row: 0, col }, { row: height - 1, col });
  for (let row = 1; row < height - 1; row++) edge.push({ row, col: 0 }, { row, col: width - 1 });
  const inside: GridPoint[] = [];
  for (let row = 1; row < height - 1; row++) {
    for (let col = 1; col < width - 1; col++) if (scene.grid[row]?.[col] === '.') inside.push({ row, col });
  }
  for (const reach of [2, 0]) {
    const near = (p: GridPoint, q: GridPoint, by: number) => Math.abs(p.row - q.row) <= by && Math.abs(p.col - q.col) <= by;
    const clear = (p: GridPoint) =>
      !near(p, scene.start, reach) && !near(p, scene.goal, reach) && !scene.candidates.some((c) => near(p, c, 0)) && !onWindowRing(p);
    const wall = edge.find(clear);
    const open = inside.find(clear);
    if (wall !== undefined && open !== undefined) return { wall, open };
  }
  return undefined;
}

/** The class of the counted dead ends in one row, counted from 1 as the questions do: `dead-end-row-3`. */
export function deadEndRowClass(row: number): string {
  return `dead-end-row-${row}`;
}
