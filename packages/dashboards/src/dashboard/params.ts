import type { Level, Size } from '@absynth/core';
import { z } from '@absynth/core';

const probability = (what: string, fallback: number) =>
  z.number().min(0).max(1).default(fallback).describe(`Probability, 0 to 1, ${what}; default ${fallback}.`);

/** The dashboard params: the one source of their type, validation, CLI flags and docs. Defaults are level 3. */
export const dashboardParams = z.object({
  instruments: z
    .number()
    .int()
    .min(1)
    .max(4)
    .default(2)
    .describe('Most instruments per image, 1 to 4, in a grid; each image has this many or one fewer (at least 1); default 2.'),
  kinds: z
    .enum(['mixed', 'clocks', 'gauges'])
    .default('mixed')
    .describe('Which instruments: analog clocks, circular gauges (speedometer, tachometer, fuel, pressure, voltmeter, humidity), or mixed; default mixed.'),
  minorTicks: z.boolean().default(true).describe('Whether gauges have small ticks between their numbered ones (and clocks minute marks); default true.'),
  offsetScales: probability('that a gauge scale starts above zero (a pressure gauge from 1 bar)', 0.3),
  zones: probability('that a gauge has green, yellow and red zones along its scale', 0.5),
  twoNeedles: probability('that a gauge has two needles of different colours', 0.1),
  numerals: z
    .enum(['arabic', 'mixed'])
    .default('mixed')
    .describe('Clock numerals: Arabic only, or mixed (Arabic, Roman, or none with only marks); default mixed.'),
  anyMinute: z.boolean().default(true).describe('Whether clocks show any minute, or only multiples of five; default true.'),
  secondHand: probability('that a clock has a second hand', 0.2),
});

/** Dashboard params after validation and defaults. */
export type DashboardParams = z.output<typeof dashboardParams>;

/** Level presets: from one plain dial to four instruments with offset scales, zones, two needles and Roman numerals. */
export const dashboardLevels = {
  1: { instruments: 1, minorTicks: false, offsetScales: 0, zones: 0, twoNeedles: 0, numerals: 'arabic', anyMinute: false, secondHand: 0 },
  2: { instruments: 1, minorTicks: true, offsetScales: 0.1, zones: 0.3, twoNeedles: 0, numerals: 'arabic', anyMinute: true, secondHand: 0.1 },
  3: { instruments: 2 },
  4: { instruments: 3, offsetScales: 0.4, zones: 0.6, twoNeedles: 0.3, secondHand: 0.3 },
  5: { instruments: 4, offsetScales: 0.5, zones: 0.7, twoNeedles: 0.4, secondHand: 0.5 },
} satisfies Record<Level, Partial<z.input<typeof dashboardParams>>>;

/** The side of one instrument's cell in the default image size, in pixels. */
export const cellSize = 480;

/** The default image size: one 480-pixel cell per instrument, three in a row, four in two rows. */
export function dashboardSize(params: DashboardParams): Size {
  const { columns, rows } = grid(params.instruments);
  return { width: columns * cellSize, height: rows * cellSize };
}

/** The grid of `count` instruments: up to three in a row, four as two by two. */
export function grid(count: number): { columns: number; rows: number } {
  const columns = count === 4 ? 2 : count;
  return { columns, rows: Math.ceil(count / columns) };
}
