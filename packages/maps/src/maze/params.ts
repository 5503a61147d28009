import { z } from '@absynth/core';
import type { Level, Size } from '@absynth/core';

/** The maze params: the one source of their type, validation, CLI flags and docs. Defaults are level 3. */
export const mazeParams = z.object({
  rows: z.number().int().min(3).max(60).default(12).describe('Maze height in cells, 3 to 60; default 12.'),
  cols: z.number().int().min(3).max(60).default(12).describe('Maze width in cells, 3 to 60; default 12.'),
  algorithm: z
    .enum(['auto', 'backtracker', 'prim', 'kruskal'])
    .default('auto')
    .describe(
      'Generator: backtracker (long winding corridors), prim or kruskal (many short branches), or auto to pick one per maze; default auto.',
    ),
  braid: z
    .number()
    .min(0)
    .max(1)
    .default(0.1)
    .describe('Fraction of dead ends opened into loops, 0 (a perfect maze, one route) to 1; default 0.1.'),
  unsolvable: z
    .number()
    .min(0)
    .max(1)
    .default(0.15)
    .describe('Probability, 0 to 1, that a wall seals the goal off from the start so there is no route; default 0.15.'),
  style: z
    .enum(['auto', 'walls', 'blocks'])
    .default('auto')
    .describe(
      'Drawing: walls (thin walls between cells; a move is one cell), blocks (filled squares; a move is one square), or auto to pick per maze; default auto.',
    ),
  labels: z
    .enum(['auto', 'letters', 'legend'])
    .default('auto')
    .describe(
      'How start (circle) and goal (square) are named: letters S and G on the marks, a legend under the maze, or auto to pick per maze; default auto.',
    ),
  gridLines: z
    .boolean()
    .default(true)
    .describe('Draw faint lines between cells (walls) or squares (blocks) so moves can be counted; default true.'),
  candidates: z
    .boolean()
    .default(true)
    .describe('Label four cells A to D for the which-cell-is-on-the-route question when the maze allows it; default true.'),
});

/** Maze params after validation and defaults. */
export type MazeParams = z.output<typeof mazeParams>;

/** Level presets: from small perfect mazes to large braided ones, with sealed-off goals from level 2. */
export const mazeLevels = {
  1: { rows: 5, cols: 5, braid: 0, unsolvable: 0 },
  2: { rows: 8, cols: 8, braid: 0, unsolvable: 0.1 },
  3: { rows: 12, cols: 12, braid: 0.1, unsolvable: 0.15 },
  4: { rows: 20, cols: 20, braid: 0.3, unsolvable: 0.15 },
  5: { rows: 40, cols: 40, braid: 0.5, unsolvable: 0.2 },
} satisfies Record<Level, Partial<z.input<typeof mazeParams>>>;

/** Smallest legible cell in `walls` style, in pixels: room for a 14 px letter and the marks. */
const minCellPixels = 24;
/** Smallest legible square in `blocks` style, in pixels: a 13 px bold letter still fits. */
const minBlockPixels = 16;
/** Blank border around the maze, in pixels, at the default size. */
export const baseMargin = 16;
/** Height of the legend band under the maze, in pixels, at the default size. */
export const baseLegendHeight = 36;

/**
 * The default image size: 512×512 when that keeps cells legible (levels 1–3), else large enough
 * for 24 px cells (walls) or 16 px squares (blocks), rounded up to a multiple of 32.
 */
export function mazeSize(params: MazeParams): Size {
  const cellSide = params.style === 'blocks' ? 0 : minCellPixels;
  const blockSide = params.style === 'walls' ? 0 : minBlockPixels;
  const needed = (cells: number) => Math.max(cells * cellSide, (2 * cells + 1) * blockSide) + 2 * baseMargin;
  const legend = params.labels === 'letters' ? 0 : baseLegendHeight;
  const round = (px: number) => Math.max(512, Math.ceil(px / 32) * 32);
  return { width: round(needed(params.cols)), height: round(needed(params.rows) + legend) };
}
