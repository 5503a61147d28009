import type { Level, Size } from '@absynth/core';
import { z } from '@absynth/core';

/** Symbols of the smallest workflow chart, Start and End included: no workflow fits in fewer. */
export const smallestWorkflow = 7;
/** Symbols of the largest workflow chart. */
export const largestWorkflow = 16;

/** The flowchart params: the one source of their type, validation, CLI flags and docs. Defaults are level 3. */
export const flowchartParams = z.object({
  family: z
    .enum(['auto', 'algorithm', 'workflow'])
    .default('auto')
    .describe('Algorithm flowcharts (small programs whose output questions ask for), daily workflows, or auto to mix them; default auto.'),
  symbols: z
    .number()
    .int()
    .min(6)
    .max(16)
    .default(10)
    .describe(
      `Most symbols per flowchart, counting Start and End, 6 to 16, and at least ${smallestWorkflow} unless family is algorithm (no workflow is smaller; fewer is refused); each chart has between symbols − 4 and symbols (workflows have ${smallestWorkflow} to ${largestWorkflow} symbols); default 10.`,
    ),
}).superRefine((params, ctx) => {
  // A field out of its own range is reported alone; combinations are judged once each is valid.
  if (ctx.issues.length > 0) return;
  if (params.family !== 'algorithm' && params.symbols < smallestWorkflow) {
    ctx.addIssue({
      code: 'custom',
      path: ['symbols'],
      message: `must be at least ${smallestWorkflow} with family ${params.family}${params.family === 'auto' ? ', which mixes in workflows' : ''}: the smallest workflow chart has ${smallestWorkflow} symbols; use family algorithm for fewer`,
    });
  }
});

/** Flowchart params after validation and defaults. */
export type FlowchartParams = z.output<typeof flowchartParams>;

/** Level presets: from a single decision to loops with branches inside. */
export const flowchartLevels = {
  1: { symbols: 7 },
  2: { symbols: 8 },
  3: { symbols: 10 },
  4: { symbols: 12 },
  5: { symbols: 16 },
} satisfies Record<Level, Partial<z.input<typeof flowchartParams>>>;

/** The default image size: tall enough for a column of the most symbols. */
export function flowchartSize(params: FlowchartParams): Size {
  if (params.symbols <= 8) return { width: 720, height: 720 };
  if (params.symbols <= 12) return { width: 768, height: 960 };
  return { width: 896, height: 1152 };
}
