import { formatNumber } from '@absynth/core';
import type { Table } from './scene.js';

/** Whether the table writes its unit after every number (percentages) instead of in a header. */
export function unitInCells(table: Pick<Table, 'unit'>): boolean {
  return table.unit === '%';
}

/** A value as its cell prints it: separators, the table's decimals, and `%` for percentages. */
export function cellText(table: Table, value: number): string {
  return `${formatNumber(value, table.decimals)}${unitInCells(table) ? '%' : ''}`;
}

/** A value with its unit, for rationales and captions: `12.3%`, `4,210 USD bn`, `17`. */
export function withUnit(table: Table, value: number, decimals = table.decimals): string {
  const number = formatNumber(value, decimals);
  if (table.unit === '') return number;
  return table.unit === '%' ? `${number}%` : `${number} ${table.unit}`;
}

/** The unit as a header suffix, ` (USD bn)`, or nothing when cells carry it or there is none. */
export function headerUnit(unit: string): string {
  return unit === '' || unit === '%' ? '' : ` (${unit})`;
}

export { formatNumber, listing, ordinal } from '@absynth/core';
