import { z } from '@absynth/core';
import type { Level, Size } from '@absynth/core';

/** The table params: the one source of their type, validation, CLI flags and docs. Defaults are level 3. */
export const tableParams = z.object({
  tables: z.number().int().min(1).max(3).default(2).describe('Tables per image, 1 to 3, stacked top to bottom (with proposed ideas, generate --ideas, no more than the file holds); default 2.'),
  rows: z
    .number()
    .int()
    .min(3)
    .max(12)
    .default(6)
    .describe('Most data rows per table, 3 to 12; each table has between rows − 2 (at least 3) and rows, or fewer when its topic has fewer categories (4 quarters, 6 continents); default 6.'),
  columns: z
    .number()
    .int()
    .min(1)
    .max(4)
    .default(3)
    .describe(
      'Most numeric columns per table, 1 to 4 (fewer when the topic compares fewer series), next to the text column of categories; default 3.',
    ),
  grouping: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe(
      'Probability, 0 to 1, that a table with several numeric columns names its measure and unit once in a grouped header over them; default 0.5.',
    ),
  style: z
    .enum(['auto', 'zebra', 'rules'])
    .default('auto')
    .describe('Row separation: zebra (alternate rows shaded), rules (a line under every row), or auto to pick per table; default auto.'),
});

/** Table params after validation and defaults. */
export type TableParams = z.output<typeof tableParams>;

/** Level presets: from one small single-column table to three larger tables with several columns. */
export const tableLevels = {
  1: { tables: 1, rows: 4, columns: 1, grouping: 0 },
  2: { tables: 1, rows: 6, columns: 2, grouping: 0.3 },
  3: { tables: 2, rows: 6, columns: 3, grouping: 0.5 },
  4: { tables: 2, rows: 8, columns: 4, grouping: 0.5 },
  5: { tables: 3, rows: 10, columns: 4, grouping: 0.6 },
} satisfies Record<Level, Partial<z.input<typeof tableParams>>>;

/** Blank border around the tables, in pixels. */
export const margin = 20;
/** Vertical gap between two tables, in pixels at the base font size. */
export const tableGap = 28;
/** Font size of cells at which the default image size is estimated, in pixels. */
export const baseFontSize = 14;

/**
 * The default image size: 512 wide for tables of one or two numeric columns, 640 for three and
 * 768 for four, and
 * tall enough for every table's title, two header rows and the most rows a table can have at the base
 * font size, rounded up to a multiple of 32. Drawing shrinks the font when a table still does not fit.
 */
export function tableSize(params: TableParams): Size {
  const rowHeight = Math.round(baseFontSize * 1.9);
  // A title line, up to two header rows and the rows.
  const perTable = Math.round(baseFontSize * 1.8 * ((baseFontSize + 2) / baseFontSize)) + (params.rows + 2) * rowHeight;
  const height = 2 * margin + params.tables * perTable + (params.tables - 1) * tableGap;
  const width = params.columns <= 2 ? 512 : params.columns === 3 ? 640 : 768;
  return { width, height: Math.max(384, Math.ceil(height / 32) * 32) };
}
