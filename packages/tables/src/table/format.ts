import type { Table } from './scene.js';

/** A number with thousands separators and exactly `decimals` places, such as `12,345.6` or `-3.0`. */
export function formatNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

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

/** `A`, `A and B`, `A, B and C`. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `1st`, `2nd`, `3rd`, `4th`… */
export function ordinal(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
  return words[n - 1] ?? `${n}th`;
}
