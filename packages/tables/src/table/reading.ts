// How a reader reads a table, for the tasks: which table a question names, exact sums on values,
// the extremes and rationale lines that state the cells read.
import type { Rng } from '@absynth/core';
import { listing, ordinal, sentence, withUnit } from './format.js';
import type { Table, TableScene } from './scene.js';

/** How a question names a table: "the table" when it is alone, else by its title and position. */
export function tableRef(scene: TableScene, t: number): string {
  const table = scene.tables[t];
  if (table === undefined) throw new RangeError(`no table ${t}`);
  if (scene.tables.length === 1) return 'the table';
  return `the ${ordinal(t + 1)} table from the top (titled "${table.title}")`;
}

/** A table of the scene picked with the task's rng, with its index. */
export function pickTable(scene: TableScene, rng: Rng): { table: Table; t: number } {
  const t = rng.int(0, scene.tables.length - 1);
  return { table: scene.tables[t] as Table, t };
}

/** A value as a whole number of the table's last printed digit (10^-decimals), so sums and differences are exact. */
export function toUnits(table: Table, value: number): number {
  return Math.round(value * 10 ** table.decimals);
}

/** Back from whole units of the last printed digit to a value. */
export function fromUnits(table: Table, count: number): number {
  return count / 10 ** table.decimals;
}

/**
 * `numerator / denominator` rounded half away from zero to a whole number, exactly: both are whole
 * numbers (values in units of the last printed digit, scaled), so no binary fraction such as
 * 1.275 = 1.27499… decides a tie.
 */
export function roundedQuotient(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`cannot divide ${numerator} by ${denominator} exactly`);
  }
  const n = BigInt(Math.abs(numerator));
  const d = BigInt(Math.abs(denominator));
  const quotient = n / d + (2n * (n % d) >= d ? 1n : 0n);
  return Math.sign(numerator) * Math.sign(denominator) * Number(quotient);
}

/** A quotient of whole numbers rounded to `decimals` places, and whether that is exact (`=`) or rounded (`≈`). */
export function roundedDivision(numerator: number, denominator: number, decimals: number): { value: number; exact: boolean } {
  const scale = 10 ** decimals;
  const scaled = roundedQuotient(numerator * scale, denominator);
  return { value: scaled / scale, exact: scaled * denominator === numerator * scale };
}

/** The value of row `r` in column `c`. */
export function valueAt(table: Table, r: number, c: number): number {
  const value = table.columns[c]?.values[r];
  if (value === undefined) throw new RangeError(`no cell (${r}, ${c})`);
  return value;
}

/** How a cell is named in questions: `the "France" row, "2019" column`. */
export function cellRef(table: Table, r: number, c: number): string {
  return `the row "${table.rows[r]}" in the column "${table.columns[c]?.header}"`;
}

/** The single row with the largest (or smallest) value of column `c`, or `undefined` when printed values tie. */
export function extremeRow(table: Table, c: number, which: 'highest' | 'lowest'): number | undefined {
  const values = table.columns[c]?.values ?? [];
  const sign = which === 'highest' ? 1 : -1;
  const best = Math.max(...values.map((v) => sign * toUnits(table, v)));
  const at = values.flatMap((v, r) => (sign * toUnits(table, v) === best ? [r] : []));
  return at.length === 1 ? at[0] : undefined;
}

/** Rationale line that reads the given cells: `France in 2019 is 12.3%; Spain in 2019 is 10.1%.` */
export function readCells(table: Table, cells: readonly [number, number][]): string {
  const parts = cells.map(([r, c]) => `${table.rows[r]} under "${table.columns[c]?.header}" is ${withUnit(table, valueAt(table, r, c))}`);
  return sentence(`Reading the table: ${listing(parts)}`);
}

/** The overall largest and smallest cells of a table, first in reading order on ties. */
export function tableExtremes(table: Table): { max: [number, number]; min: [number, number] } {
  let max: [number, number] = [0, 0];
  let min: [number, number] = [0, 0];
  table.columns.forEach((column, c) => {
    column.values.forEach((v, r) => {
      if (v > valueAt(table, max[0], max[1])) max = [r, c];
      if (v < valueAt(table, min[0], min[1])) min = [r, c];
    });
  });
  return { max, min };
}
