import { z } from '@absynth/core';
import type { Level, Size } from '@absynth/core';

/**
 * Density above which a map holds no more turns for sure: denser networks fill the grid with
 * more roads, not with longer winding routes.
 */
export const turnDensityCap = 0.25;
/** Turns every map has room for, whatever its size and density. */
export const baseTurns = 2;

/**
 * The most turns a reference route on a `size` × `size` map at `density` can be asked for and
 * always get: ⌊size × min(density, 0.25)⌋ + 2 (4 on an 8 × 8 map, 6 on the default 18 × 18,
 * 12 on 40 × 40). Measured: asked for exactly that many, every map of 100 seeds had them, at
 * every size from 8 to 40 and densities from 0.15 to 0.5, with 3 or 20 loops; a few more turns
 * fit on most maps but not on every one, and the sampler would settle for fewer unannounced.
 */
export function mostTurns(size: number, density: number): number {
  return Math.floor(size * Math.min(density, turnDensityCap)) + baseTurns;
}

/** The road-map params: the one source of their type, validation, CLI flags and docs. Defaults are level 3. */
export const roadmapParams = z.object({
  size: z
    .number()
    .int()
    .min(8)
    .max(40)
    .default(18)
    .describe("Side of the square grid in cells, 8 to 40; default 18 (the paper's 18 * 18)."),
  minTurns: z
    .number()
    .int()
    .min(0)
    .max(30)
    .default(4)
    .describe(
      `Fewest turns on the reference route (a shortest route with the fewest turns), 0 to 30, at most maxTurns, and at most ⌊size × min(density, ${turnDensityCap})⌋ + ${baseTurns}, the most every map has room for (${mostTurns(18, 0.36)} on the default 18 × 18 map); more is refused; default 4.`,
    ),
  maxTurns: z
    .number()
    .int()
    .min(0)
    .max(30)
    .default(6)
    .describe('Most turns on the reference route, 0 to 30, at least minTurns; default 6.'),
  density: z
    .number()
    .min(0.15)
    .max(0.5)
    .default(0.36)
    .describe('Share of the cells the road network grows to cover before loops and decoys add a few more, 0.15 to 0.5; roads are one cell wide, so about 0.45 is the most a grid holds; default 0.36.'),
  loops: z
    .number()
    .int()
    .min(0)
    .max(20)
    .default(3)
    .describe('Most roads added between separate parts of the network, each closing a loop of at least 12 cells, so some places have alternative routes, 0 (a tree: one route) to 20; fewer where the map has no room for another (an 8 × 8 map seldom holds more than 2); default 3.'),
  decoys: z
    .number()
    .int()
    .min(0)
    .max(12)
    .default(2)
    .describe('Most dead-end branches grown off the reference route toward the end point, which look like shortcuts and are not, 0 to 12; fewer where the route has no straight stretch with room for one; default 2.'),
  markerShare: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Share of the turns and crossings that get a marker, 0 to 1, besides those where a shortest route from start to end turns, which always get one; default 0.5.'),
  gridLines: z.boolean().default(true).describe('Draw thin lines between cells so moves can be counted; default true.'),
}).superRefine((params, ctx) => {
  // A field out of its own range is reported alone; combinations are judged once each is valid.
  if (ctx.issues.length > 0) return;
  const { size, density, minTurns, maxTurns } = params;
  if (minTurns > maxTurns) {
    ctx.addIssue({
      code: 'custom',
      path: ['minTurns'],
      message: `must be at most maxTurns (${maxTurns}); set maxTurns as well`,
    });
  }
  const most = mostTurns(size, density);
  if (minTurns > most) {
    ctx.addIssue({
      code: 'custom',
      path: ['minTurns'],
      message: `must be at most ${most} on a map of ${size} × ${size} cells at density ${density} (⌊size × min(density, ${turnDensityCap})⌋ + ${baseTurns}): not every such map has room for more turns; raise size (or density, up to ${turnDensityCap}), or lower minTurns`,
    });
  }
});

/** Road-map params after validation and defaults. */
export type RoadmapParams = z.output<typeof roadmapParams>;

/**
 * Level presets, by route complexity: from a 10 × 10 map whose route turns once or twice, to a
 * 30 × 30 map whose route turns 9 to 14 times past many decoy branches.
 */
export const roadmapLevels = {
  1: { size: 10, minTurns: 1, maxTurns: 2, density: 0.36, loops: 1, decoys: 0, markerShare: 0.5 },
  2: { size: 14, minTurns: 2, maxTurns: 4, density: 0.36, loops: 2, decoys: 1, markerShare: 0.5 },
  3: { size: 18, minTurns: 4, maxTurns: 6, density: 0.36, loops: 3, decoys: 2, markerShare: 0.5 },
  4: { size: 24, minTurns: 6, maxTurns: 9, density: 0.38, loops: 4, decoys: 3, markerShare: 0.4 },
  5: { size: 30, minTurns: 9, maxTurns: 14, density: 0.4, loops: 6, decoys: 5, markerShare: 0.35 },
} satisfies Record<Level, Partial<z.input<typeof roadmapParams>>>;

/** Smallest legible cell, in pixels: room for a two-character marker in a 12 px bold font. */
export const minCellPixels = 22;
/** Blank border around the map, in pixels, at the default size. */
export const baseMargin = 16;

/** The default image size: 512×512 when cells stay at least 22 px (grids up to 21 × 21), else large enough for 22 px cells, rounded up to a multiple of 32. */
export function roadmapSize(params: RoadmapParams): Size {
  const side = Math.max(512, Math.ceil((params.size * minCellPixels + 2 * baseMargin) / 32) * 32);
  return { width: side, height: side };
}
