import type { Level, Size } from '@absynth/core';
import { z } from '@absynth/core';
import { chartKinds } from './scene.js';

/** The chart params: the one source of their type, validation, CLI flags and docs. Defaults are level 3. */
export const chartParams = z.object({
  type: z
    .enum(['auto', ...chartKinds])
    .default('auto')
    .describe(
      'Chart type of every chart, or auto to mix them (bars, lines and areas, pies and doughnuts, scatter plots; multi-series types only when series is 2 or more); default auto.',
    ),
  charts: z
    .number()
    .int()
    .min(1)
    .max(4)
    .default(1)
    .describe('Charts per image: 1, or a composite of 2 (side by side), 3 (in a row) or 4 (two by two); default 1.'),
  categories: z
    .number()
    .int()
    .min(4)
    .max(12)
    .default(8)
    .describe(
      'Most categories (bars per series, points per line, slices) per chart, 4 to 12; each chart has between categories − 3 and categories, or fewer when its topic has fewer (4 quarters, 6 continents). Pies and doughnuts have at most 8 slices, and every member of an ordered set (4 quarters, 5 income groups, 8 age groups) even past categories; scatter plots have from categories to categories + 6 points, as many as the topic has; default 8.',
    ),
  series: z
    .number()
    .int()
    .min(1)
    .max(4)
    .default(3)
    .describe('Most series of grouped bars, stacked bars and multi-line charts, 1 to 4 (those types always have at least 2); default 3.'),
  labels: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Probability, 0 to 1, that a chart prints its values on the bars, points or slices (where they fit without overlapping); default 0.5.'),
});

/** Chart params after validation and defaults. */
export type ChartParams = z.output<typeof chartParams>;

/** Level presets: from a few categories with printed values to two-chart composites of up to twelve categories and four series. */
export const chartLevels = {
  1: { categories: 5, series: 1, labels: 0.8, charts: 1 },
  2: { categories: 6, series: 2, labels: 0.6, charts: 1 },
  3: { categories: 8, series: 3, labels: 0.5, charts: 1 },
  4: { categories: 10, series: 4, labels: 0.4, charts: 1 },
  5: { categories: 12, series: 4, labels: 0.3, charts: 2 },
} satisfies Record<Level, Partial<z.input<typeof chartParams>>>;

/** The default image size: 640×480 for one chart, 512×448 per chart for two, 448×448 per chart for three in a row, 512×384 per chart two by two. */
export function chartSize(params: ChartParams): Size {
  if (params.charts === 1) return { width: 640, height: 480 };
  if (params.charts === 2) return { width: 1024, height: 448 };
  if (params.charts === 3) return { width: 1344, height: 448 };
  return { width: 1024, height: 768 };
}
