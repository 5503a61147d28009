import type { Level, Size } from '@absynth/core';
import { z } from '@absynth/core';
import { graphFamilies } from './scene.js';

/** The relation-graph params: the one source of their type, validation, CLI flags and docs. Defaults are level 3. */
export const graphParams = z.object({
  family: z
    .enum(['auto', ...graphFamilies])
    .default('auto')
    .describe(
      'What the graph shows: organisation, research-group or family-tree (trees), city-network (weighted roads), social-network (friends or followers), dependency-graph (arrows to the modules used), or auto to mix; default auto.',
    ),
  nodes: z
    .number()
    .int()
    .min(4)
    .max(34)
    .default(12)
    .describe('Most nodes per graph, 4 to 34 (networks stop at 24); each graph has between two thirds of that (at least 4) and that many; default 12.'),
});

/** Graph params after validation and defaults. */
export type GraphParams = z.output<typeof graphParams>;

/** Level presets: from a handful of nodes to trees of 23 to 34 (networks stop at 24). */
export const graphLevels = {
  1: { nodes: 5 },
  2: { nodes: 8 },
  3: { nodes: 12 },
  4: { nodes: 20 },
  5: { nodes: 34 },
} satisfies Record<Level, Partial<z.input<typeof graphParams>>>;

/** The default image size, growing with the number of nodes. */
export function graphSize(params: GraphParams): Size {
  if (params.nodes <= 8) return { width: 640, height: 480 };
  if (params.nodes <= 14) return { width: 800, height: 600 };
  if (params.nodes <= 22) return { width: 1024, height: 768 };
  return { width: 1280, height: 960 };
}
